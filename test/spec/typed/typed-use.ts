// Typed use of the generated declarations; type-checked by `npm run typecheck` and by types.test.ts.
// Each @ts-expect-error marks a use the generated types must reject.
import type { components as Connect } from '../../../spec/types/connect.js';
import type { components as Directory } from '../../../spec/types/clouddirectory.js';
import type { operations as SyncOps } from '../../../spec/types/cognito-sync.js';

type UpdateRequest = Connect['schemas']['BatchUpdateDataTableValueRequest'];
type UpdateResponse = Connect['schemas']['BatchUpdateDataTableValueResponse'];

export const request: UpdateRequest = {
  Values: [{ AttributeName: 'Colour', Value: 'red', LockVersion: { Value: '1', DataTable: '2' }, LastModifiedTime: 1700000000 }],
};

export const wrongMember: UpdateRequest = {
  // @ts-expect-error the model names the member AttributeName, not Attribute
  Values: [{ Attribute: 'Colour', Value: 'red' }],
};

// @ts-expect-error Values is required
export const missingValues: UpdateRequest = {};

export const wrongTimestamp: UpdateRequest = {
  // @ts-expect-error timestamps are epoch-second numbers
  Values: [{ AttributeName: 'Colour', Value: 'red', LastModifiedTime: '2024-01-01' }],
};

export function failedMessages(r: UpdateResponse): string[] {
  return r.Failed.map((f) => f.Message);
}

export function attachedId(r: Directory['schemas']['BatchAttachObjectResponse']): string | undefined {
  // @ts-expect-error the model spells it attachedObjectIdentifier (lower camel)
  void r.AttachedObjectIdentifier;
  return r.attachedObjectIdentifier;
}

export const poolId: SyncOps['UpdateRecords']['parameters']['path']['IdentityPoolId'] = 'us-east-1:abc';
