// What the generator emits for each service: which model operations, their batch semantics
// (x-lockstep) and the requirement ids of ../shared/CONFORMANCE-PROFILE.md that concern them.
// This is the generator's documented overlay input: the models say nothing about batch semantics.
import type { LockstepInfo } from '../load.js';
import type { ServiceName } from '../services.js';

// The x-lockstep extension is defined once, beside the loader that reads it back.
export type LockstepExtension = LockstepInfo;
export type BatchKind = LockstepInfo['batch'];

export interface ServicePlan {
  service: ServiceName;
  /** operation name -> its x-lockstep extension */
  operations: Record<string, LockstepExtension>;
  /** Structures the model does not mark as unions but which hold exactly one member. */
  unions: string[];
}

// Every operation is held to these (errors, responses, timestamps, validation).
const COMMON = ['COMMON-ERR-1', 'COMMON-ERR-2', 'COMMON-RESP-1', 'COMMON-RESP-2', 'COMMON-TS-1', 'COMMON-VAL-1', 'COMMON-VAL-2'];

function req(...ids: string[]): string[] {
  return [...COMMON, ...ids].sort();
}

const connectItemBatch = (extra: string[], versionFields: string[]): LockstepExtension => ({
  batch: 'per-item',
  itemList: 'Values',
  itemKey: ['PrimaryValues', 'AttributeName'],
  successList: 'Successful',
  failureList: 'Failed',
  versionFields,
  requirements: req('CONNECT-BATCH-1', 'CONNECT-BATCH-2', 'CONNECT-BATCH-3', 'CONNECT-BATCH-4', 'CONNECT-ID-1', 'CONNECT-PK-1', 'CONNECT-CONC-1', 'NET-1', ...extra),
});

const none = (...ids: string[]): LockstepExtension => ({ batch: 'none', requirements: req(...ids) });

export const PLANS: Record<ServiceName, ServicePlan> = {
  connect: {
    service: 'connect',
    unions: [],
    operations: {
      BatchCreateDataTableValue: connectItemBatch(['CONNECT-CREATE-1', 'CONNECT-LOCK-3', 'CONNECT-LOCK-4', 'CONNECT-VAL-1', 'CONNECT-SYS-1'], ['LockVersion']),
      BatchUpdateDataTableValue: connectItemBatch(
        ['CONNECT-LOCK-1', 'CONNECT-LOCK-2', 'CONNECT-LOCK-3', 'CONNECT-LOCK-4', 'CONNECT-VAL-1', 'CONNECT-SYS-1'],
        ['LockVersion'],
      ),
      BatchDeleteDataTableValue: connectItemBatch(['CONNECT-DELETE-1', 'CONNECT-LOCK-1', 'CONNECT-LOCK-3'], ['LockVersion']),
      CreateDataTable: none(),
      DescribeDataTable: none('CONNECT-ID-1', 'CONNECT-LOCK-3'),
      UpdateDataTableMetadata: none('CONNECT-ID-1', 'CONNECT-LOCK-3'),
      DeleteDataTable: none('CONNECT-ID-1'),
      CreateDataTableAttribute: none('CONNECT-ID-1', 'CONNECT-LOCK-3'),
      DescribeDataTableAttribute: none('CONNECT-ID-1'),
      ListDataTableAttributes: none('CONNECT-ID-1'),
      BatchDescribeDataTableValue: none('CONNECT-ID-1', 'CONNECT-LOCK-4', 'CONNECT-DELETE-1'),
      ListDataTableValues: none('CONNECT-ID-1'),
    },
  },
  'cognito-sync': {
    service: 'cognito-sync',
    unions: [],
    operations: {
      UpdateRecords: {
        batch: 'all-or-nothing',
        itemList: 'RecordPatches',
        itemKey: ['Key'],
        successList: 'Records',
        versionFields: ['SyncCount'],
        requirements: req(
          'SYNC-TOKEN-1', 'SYNC-TOKEN-2', 'SYNC-COUNT-1', 'SYNC-COUNT-2', 'SYNC-ATOMIC-1', 'SYNC-REMOVE-1',
          'SYNC-INFO-1', 'SYNC-LIMIT-1', 'SYNC-CONC-1', 'NET-1',
        ),
      },
      ListRecords: none('SYNC-TOKEN-1', 'SYNC-LIST-1', 'SYNC-REMOVE-1', 'SYNC-INFO-1'),
      DescribeDataset: none('SYNC-INFO-1'),
      ListDatasets: none('SYNC-LIMIT-1'),
      DeleteDataset: none('SYNC-INFO-1'),
    },
  },
  clouddirectory: {
    service: 'clouddirectory',
    // The model leaves TypedAttributeValue a plain structure; the API takes exactly one of its members.
    unions: ['TypedAttributeValue'],
    operations: {
      BatchWrite: {
        batch: 'all-or-nothing',
        itemList: 'Operations',
        successList: 'Responses',
        requirements: req(
          'DIR-ATOMIC-1', 'DIR-ORDER-1', 'DIR-EXC-1', 'DIR-EXC-2', 'DIR-REF-1', 'DIR-LIMIT-1', 'DIR-HDR-1', 'DIR-CONC-1', 'NET-1',
        ),
      },
      CreateSchema: none(),
      CreateFacet: none(),
      CreateTypedLinkFacet: none(),
      PublishSchema: none(),
      CreateDirectory: none(),
      GetDirectory: none(),
      DisableDirectory: none('DIR-HDR-1'),
      DeleteDirectory: none('DIR-HDR-1'),
      DeleteSchema: none(),
      BatchRead: none('DIR-HDR-1', 'DIR-CONC-1', 'DIR-REF-1'),
      ListObjectChildren: none('DIR-HDR-1', 'DIR-REF-1'),
      GetObjectInformation: none('DIR-HDR-1', 'DIR-REF-1'),
      ListObjectAttributes: none('DIR-HDR-1', 'DIR-REF-1'),
    },
  },
};
