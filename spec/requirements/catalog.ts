// The requirement catalog: every id of ../shared/CONFORMANCE-PROFILE.md, then the rules we read
// ourselves from the seed pages and the service models. Texts are our paraphrases; the documents'
// sentences stay in the documents (test/requirements checks that no long run of words is shared).
import type { ServiceName } from '../services.js';
import { SERVICES } from '../services.js';
import type { Level, Requirement, SourceRef } from './types.js';

/** Document paths, relative to ../shared. */
export const DOCS = {
  profile: 'CONFORMANCE-PROFILE.md',
  connectUpdatePage: 'seeds/000_0814a27de2fe3176.txt',
  connectUpdateBoto: 'seeds/001_43ec85eec0a994b4.txt',
  connectCreateBoto: 'seeds/002_319c23f419602f6e.txt',
  dirBatchWritePage: 'seeds/003_d9aefe9e334dd1d7.txt',
  syncUpdatePage: 'seeds/004_f6c211b4703fb1c9.txt',
  connectModel: 'models/connect.service-2.json',
  syncModel: 'models/cognito-sync.service-2.json',
  dirModel: 'models/clouddirectory.service-2.json',
} as const;

/** Headings of the profile, used as the `section` of profile requirements. */
const SEC = {
  common: 'Common to all three (restJson1, as AWS SDK v3 clients expect)',
  connect: 'Amazon Connect data tables (BatchCreateDataTableValue, BatchUpdateDataTableValue)',
  sync: 'Amazon Cognito Sync (UpdateRecords)',
  dir: 'Amazon Cloud Directory (BatchWrite)',
  net: 'Network faults (all three)',
} as const;

const ALL: ServiceName[] = [...SERVICES];
const CREATE = 'BatchCreateDataTableValue';
const UPDATE = 'BatchUpdateDataTableValue';
const DELETE = 'BatchDeleteDataTableValue';
const DESCRIBE = 'BatchDescribeDataTableValue';
const UPDATE_RECORDS = 'UpdateRecords';
const LIST_RECORDS = 'ListRecords';
const BATCH_WRITE = 'BatchWrite';

interface Entry {
  id: string;
  level: Level;
  services: ServiceName[];
  operations?: string[];
  text: string;
  basis?: SourceRef[];
}

function fromProfile(section: string, e: Entry): Requirement {
  return {
    id: e.id,
    level: e.level,
    services: e.services,
    operations: e.operations ?? [],
    source: { doc: DOCS.profile, section },
    text: e.text,
    origin: 'profile',
    ...(e.basis ? { basis: e.basis } : {}),
  };
}

function derived(source: SourceRef, e: Entry): Requirement {
  return {
    id: e.id,
    level: e.level,
    services: e.services,
    operations: e.operations ?? [],
    source,
    text: e.text,
    origin: 'derived',
    ...(e.basis ? { basis: e.basis } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The profile's ids (the minimum the catalog must hold).
// ---------------------------------------------------------------------------------------------

const COMMON: Requirement[] = [
  fromProfile(SEC.common, {
    id: 'COMMON-ERR-1',
    level: 'MUST',
    services: ALL,
    text:
      'Errors are reported the restJson1 way: the status code belongs to the error shape, the ' +
      'X-Amzn-ErrorType header names that shape, and the JSON body holds the human-readable text ' +
      '(Message, or message for Cognito Sync). Only shapes declared for the operation may appear.',
  }),
  fromProfile(SEC.common, {
    id: 'COMMON-ERR-2',
    level: 'MUST',
    services: ALL,
    text:
      'A mistake made by the caller (unparsable body, mistyped member, broken constraint, missing ' +
      'resource) is answered with a 4xx; a 5xx for such input is a defect.',
  }),
  fromProfile(SEC.common, {
    id: 'COMMON-RESP-1',
    level: 'MUST',
    services: ALL,
    text:
      'A successful call answers 200, labelled application/json, with a body the output schema of ' +
      'the operation accepts, including all members the model marks as required.',
  }),
  fromProfile(SEC.common, {
    id: 'COMMON-RESP-2',
    level: 'SHOULD',
    services: ALL,
    text: 'Each response, success or error, includes an x-amzn-RequestId header.',
  }),
  fromProfile(SEC.common, {
    id: 'COMMON-TS-1',
    level: 'MUST',
    services: ALL,
    text: 'Timestamp members travel as JSON numbers counting seconds since the Unix epoch.',
  }),
  fromProfile(SEC.common, {
    id: 'COMMON-VAL-1',
    level: 'MUST',
    services: ALL,
    text:
      'Every input constraint in the documents and models (length, pattern, range, enum, required) ' +
      'is enforced; a breach gets a 400 carrying a validation error the operation declares ' +
      '(InvalidParameterException or InvalidRequestException for Connect, InvalidParameterException ' +
      'for Cognito Sync, ValidationException for Cloud Directory, which inside a batch becomes a ' +
      'BatchWriteException whose Type is ValidationException). Patterns are read as the model writes them; ' +
      'valid probes match a pattern entirely and invalid probes match it nowhere, so anchored and ' +
      'unanchored readings agree.',
  }),
  fromProfile(SEC.common, {
    id: 'COMMON-VAL-2',
    level: 'SHOULD',
    services: ALL,
    text:
      'A body that does not parse as JSON, or parses to something other than an object, is refused ' +
      'with 400 and the validation error of the service (InvalidRequestException for Connect, ' +
      'InvalidParameterException for Cognito Sync, ValidationException for Cloud Directory). ' +
      'Strictly required: some 4xx.',
  }),
];

const CONNECT_P: Requirement[] = [
  fromProfile(SEC.connect, {
    id: 'CONNECT-BATCH-1',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    basis: [{ doc: DOCS.connectCreateBoto, section: 'batch_create_data_table_value (description)' }],
    text:
      'For a well-formed batch against a table that exists, the answer is 200 carrying Successful ' +
      'and Failed, either of which may be empty. Each submitted item shows up in exactly one of the ' +
      'two lists, keyed by its PrimaryValues plus AttributeName, returned exactly as the caller sent them.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-BATCH-2',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    text:
      'Problems of a single item (unknown value or attribute, stale or absent lock version, value ' +
      'rejected by its type or Validation, bad primary values, create of something already present) ' +
      'land in Failed with a non-empty Message; they never fail the call as a whole. Problems of the ' +
      'call (table unknown, body malformed, Values empty) fail the whole call. An item that breaks ' +
      'the input schema itself (wrong JSON type, AttributeName too long or off-pattern) may be ' +
      'handled either way, provided that item changes nothing.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-BATCH-3',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE],
    text: 'An item reported in Failed leaves no trace: its value and all four lock version parts stay as they were.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-BATCH-4',
    level: 'SHOULD',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE],
    text:
      'Items are applied one after another in the order sent, each seeing what the previous ones ' +
      'did. Two items for the same record and attribute therefore conflict under any lock level ' +
      'except NONE (the second carries a superseded version); with NONE both succeed and the later wins.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-CREATE-1',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE],
    basis: [{ doc: DOCS.connectCreateBoto, section: 'Response Structure' }],
    text:
      'Creating a (record, attribute) pair that already exists fails that item. A fresh create ' +
      'returns a LockVersion and a RecordId that is shared by all values of one record, differs ' +
      'between records and survives later updates. Create does not look at lock versions, and a ' +
      'new value counts as a modification of its record, attribute and table for CONNECT-LOCK-3.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-DELETE-1',
    level: 'MUST',
    services: ['connect'],
    operations: [DELETE, DESCRIBE],
    text:
      'BatchDeleteDataTableValue applies the same lock version test as an update; deleting an absent ' +
      'value is an item failure, and once deleted a value is reported as not found on read.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-LOCK-1',
    level: 'MUST',
    services: ['connect'],
    operations: [UPDATE, DELETE],
    basis: [{ doc: DOCS.connectUpdatePage, section: 'BatchUpdateDataTableValue (description)' }],
    text:
      "Our reading of the lock rule: the table's ValueLockLevel decides which single LockVersion " +
      'component a write must carry and match against the stored one (table level uses DataTable, ' +
      'record level uses PrimaryValues, attribute level uses Attribute, value level uses Value; NONE ' +
      'checks nothing, so the last write wins). Absent or different means the item fails; the other ' +
      'components are not looked at.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-LOCK-2',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE],
    basis: [{ doc: DOCS.connectUpdateBoto, section: 'LockVersion.Value' }],
    text:
      'The Value component is renewed on every modification of that value, and a token that has ' +
      'been superseded is never accepted for that value again (no ABA reuse).',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-LOCK-3',
    level: 'SHOULD',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE],
    basis: [{ doc: DOCS.connectUpdateBoto, section: 'LockVersion.DataTable / Attribute / PrimaryValues' }],
    text:
      'The PrimaryValues component moves whenever any value in its record changes. The Attribute ' +
      'component moves on any change to a value of that attribute at ATTRIBUTE lock level, and at ' +
      'other levels only when the attribute definition itself is edited. The DataTable component ' +
      'moves when table metadata or attribute definitions change and, at DATA_TABLE level, on every value change.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-LOCK-4',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE, DESCRIBE],
    text:
      'The LockVersion handed back for a success is the live one and has all four parts: reading ' +
      'the value straight away with BatchDescribeDataTableValue shows the new value under that same ' +
      'LockVersion, and an update quoting it goes through when no other write intervened.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-VAL-1',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    basis: [{ doc: DOCS.connectCreateBoto, section: 'batch_create_data_table_value (description)' }],
    text:
      "Each value must fit its attribute's ValueType (NUMBER is a string in JSON number syntax, " +
      'BOOLEAN is the literal true or false, TEXT_LIST and NUMBER_LIST are JSON arrays of strings or ' +
      'numbers by our reading) and its Validation settings: length bounds counted in code points ' +
      '(per element for lists), numeric bounds inclusive and exclusive, MultipleOf (per element for ' +
      'number lists), Enum (only enforced when Strict is true) and the element count bounds ' +
      'MinValues/MaxValues. Any breach fails the item.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-PK-1',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE, DESCRIBE],
    basis: [{ doc: DOCS.connectUpdateBoto, section: 'LockVersion.PrimaryValues' }],
    text:
      'PrimaryValues is either an empty list, meaning the default record that every table has, or ' +
      "lists each of the table's primary attributes exactly once and nothing else; any other shape " +
      'fails the item. Writing a value whose AttributeName is itself a primary attribute should ' +
      'also fail (SHOULD), since primary values are keys.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-ID-1',
    level: 'MUST',
    services: ['connect'],
    basis: [{ doc: DOCS.connectUpdatePage, section: 'URI Request Parameters' }],
    text:
      'The DataTableId path segment may hold the plain table id or the table ARN, each optionally ' +
      'followed by the :$LATEST alias, percent-encoded as a single segment.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-CONC-1',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE],
    text:
      'Overlapping batches behave linearizably per value: when several concurrent updates quote the ' +
      'same lock version of one value, no more than one wins; acknowledged writes are never lost ' +
      'and a version token never comes back.',
  }),
  fromProfile(SEC.connect, {
    id: 'CONNECT-SYS-1',
    level: 'INFO',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    basis: [{ doc: DOCS.connectUpdatePage, section: 'BatchUpdateDataTableValue (description)' }],
    text:
      'Values managed by the system cannot be changed by customers and the API offers no way to ' +
      'make one; if a test names such a value, the behaviour observed is only reported.',
  }),
];

const SYNC_P: Requirement[] = [
  fromProfile(SEC.sync, {
    id: 'SYNC-TOKEN-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [LIST_RECORDS, UPDATE_RECORDS],
    basis: [{ doc: DOCS.syncUpdatePage, section: 'Request Body' }],
    text:
      'ListRecords hands out a SyncSessionToken, and an UpdateRecords call lacking that token is ' +
      'refused with 400 InvalidParameterException.',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-TOKEN-2',
    level: 'SHOULD',
    services: ['cognito-sync'],
    operations: [LIST_RECORDS, UPDATE_RECORDS],
    text:
      'A session token that ListRecords never issued for this identity and dataset gets 400 ' +
      'InvalidParameterException, while a genuine one keeps working for ten minutes or more and ' +
      'across any number of UpdateRecords calls.',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-COUNT-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    basis: [{ doc: DOCS.syncUpdatePage, section: 'UpdateRecords (description)' }],
    text:
      'A patch quoting the current SyncCount of its record (zero for a record never written) is ' +
      'accepted, and the returned Records show a SyncCount above the quoted one.',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-COUNT-2',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    basis: [{ doc: DOCS.syncUpdatePage, section: 'UpdateRecords (description)' }],
    text: 'Quoting an outdated SyncCount in any patch fails the call with 409 ResourceConflictException.',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-ATOMIC-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    text: 'Our reading: an UpdateRecords call that is refused changes nothing, none of its patches take effect.',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-REMOVE-1',
    level: 'SHOULD',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS, LIST_RECORDS],
    text:
      'The remove op keeps a tombstone: ListRecords still returns the key, now without a Value and ' +
      'with a raised SyncCount, and writing the key again must quote that count.',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-INFO-1',
    level: 'INFO',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS, LIST_RECORDS, 'DeleteDataset'],
    text:
      'Left open and only reported: repeated patches of one key in a single call, replace with no ' +
      'Value, removing a key that was never written, and ListRecords after DeleteDataset (we expect ' +
      'DatasetExists false and no records).',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-LIST-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [LIST_RECORDS],
    text:
      'Walking ListRecords pages with nextToken and maxResults yields each record once and only ' +
      'once. With lastSyncCount only records modified after that count should come back (SHOULD).',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-LIMIT-1',
    level: 'SHOULD',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    basis: [{ doc: DOCS.syncUpdatePage, section: 'Errors' }],
    text:
      'Going past 1 MB of keys plus values in one dataset, or past 20 datasets for one identity, is ' +
      'refused with LimitExceededException and changes nothing.',
  }),
  fromProfile(SEC.sync, {
    id: 'SYNC-CONC-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    text:
      'Concurrent UpdateRecords calls are linearizable: among simultaneous patches of one key quoting ' +
      'the same SyncCount, one at most succeeds and the rest receive 409.',
  }),
];

const DIR_P: Requirement[] = [
  fromProfile(SEC.dir, {
    id: 'DIR-ATOMIC-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    basis: [{ doc: DOCS.dirBatchWritePage, section: 'BatchWrite (description)' }],
    text: 'A BatchWrite is all or nothing: if any of its operations fails, none of them leaves an effect.',
  }),
  fromProfile(SEC.dir, {
    id: 'DIR-ORDER-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    basis: [{ doc: DOCS.dirBatchWritePage, section: 'Response Syntax' }],
    text:
      'Operations execute in list order, and a successful call returns Responses with one entry per ' +
      'operation in the same order; each entry carries the member named for its operation, spelt ' +
      'with the documented casing (for instance attachedObjectIdentifier in lower camel case).',
  }),
  fromProfile(SEC.dir, {
    id: 'DIR-EXC-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    basis: [{ doc: DOCS.dirModel, section: 'shape BatchWriteExceptionType' }],
    text:
      'A batch that fails answers 400 BatchWriteException; Index is the zero-based position of the ' +
      'first operation that failed and Type is the type documented for the cause: taken link name ' +
      'gives LinkNameAlreadyInUseException, deleting a still attached object ObjectNotDetachedException, ' +
      'deleting an object with children StillContainsLinksException, attributes not fitting the facet ' +
      'FacetValidationException, attaching below a leaf NotNodeException, wrong object kind ' +
      'NotIndexException or NotPolicyException, unknown reference ResourceNotFoundException, a ' +
      'malformed operation ValidationException, and similarly for the rest.',
  }),
  fromProfile(SEC.dir, {
    id: 'DIR-REF-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'An operation that creates or detaches an object may label it with BatchReferenceName; later ' +
      'operations of that batch address it as #label. References of the form $ObjectIdentifier and ' +
      'root paths (/a/b) are accepted wherever a reference is expected; the quoted $"id" form should ' +
      'be accepted too (SHOULD). CreateObject with no ParentReference yields a detached object ' +
      'reachable only through its $ identifier.',
  }),
  fromProfile(SEC.dir, {
    id: 'DIR-EXC-2',
    level: 'INFO',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'For failures DIR-EXC-1 does not enumerate (unique index clashes, typed link attribute ' +
      'mismatches and so on) the Type returned is only reported; the Index and the lack of any ' +
      'effect remain mandatory.',
  }),
  fromProfile(SEC.dir, {
    id: 'DIR-LIMIT-1',
    level: 'SHOULD',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    basis: [{ doc: DOCS.dirBatchWritePage, section: 'Errors' }],
    text:
      'A batch over the documented per-call limits (20 objects written, 1000 attribute values ' +
      'written) fails without effect, as LimitExceededException or as BatchWriteException of Type ' +
      'LimitExceededException.',
  }),
  fromProfile(SEC.dir, {
    id: 'DIR-HDR-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    basis: [{ doc: DOCS.dirBatchWritePage, section: 'Errors' }],
    text:
      'Without a well-formed x-amz-data-partition header the answer is 400 InvalidArnException. A ' +
      'directory that does not exist yields 403 AccessDeniedException (ResourceNotFoundException is ' +
      'tolerated where the operation declares it), and a disabled directory 400 DirectoryNotEnabledException.',
  }),
  fromProfile(SEC.dir, {
    id: 'DIR-CONC-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'Concurrent BatchWrite calls are serializable and individually atomic: no reader observes half ' +
      'a batch, and the end state equals running the successful batches one by one in some order.',
  }),
];

const NET_P: Requirement[] = [
  fromProfile(SEC.net, {
    id: 'NET-1',
    level: 'MUST',
    services: ALL,
    operations: [CREATE, UPDATE, DELETE, UPDATE_RECORDS, BATCH_WRITE],
    text:
      'If the answer goes missing after the server got the request (reset connection, client gave ' +
      'up waiting), the resulting state shows the request applied once or not at all, and repeating ' +
      'a conditional write with the same lock version or SyncCount cannot apply it a second time. ' +
      'BatchWrite has no idempotency token, so a repeated batch may apply again, but every ' +
      'application is still all or nothing.',
  }),
];

// ---------------------------------------------------------------------------------------------
// Derived by us from the seed pages and the models (not in the profile).
// ---------------------------------------------------------------------------------------------

const CONNECT_D: Requirement[] = [
  derived({ doc: DOCS.connectUpdatePage, section: 'Request Body' }, {
    id: 'CONNECT-REQ-1',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    basis: [{ doc: DOCS.connectModel, section: 'shape DataTableValueList' }],
    text:
      'Values is mandatory and holds one item or more; an absent or empty list fails the whole call ' +
      'with a 400 validation error. Neither page nor model sets an upper bound on the item count.',
  }),
  derived({ doc: DOCS.connectUpdatePage, section: 'URI Request Parameters' }, {
    id: 'CONNECT-REQ-2',
    level: 'MUST',
    services: ['connect'],
    basis: [{ doc: DOCS.connectModel, section: 'shapes InstanceId, DataTableId' }],
    text: 'InstanceId is 1 to 100 characters and DataTableId 1 to 256 characters; other lengths get a 400.',
  }),
  derived({ doc: DOCS.connectUpdateBoto, section: ':param Values:' }, {
    id: 'CONNECT-REQ-3',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    basis: [{ doc: DOCS.connectModel, section: 'shapes DataTableValue, PrimaryValue' }],
    text:
      'Each item needs AttributeName and Value, and each PrimaryValues entry needs AttributeName ' +
      'and Value too; LockVersion, LastModifiedTime and LastModifiedRegion are optional members.',
  }),
  derived({ doc: DOCS.connectModel, section: 'shape DataTableName' }, {
    id: 'CONNECT-REQ-4',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE, DESCRIBE],
    text:
      'Attribute names (of the item and inside PrimaryValues) are 1 to 127 characters drawn from ' +
      "letters, spaces, digits and the symbols - _ . : = @ ' |.",
  }),
  derived({ doc: DOCS.connectModel, section: 'shape RegionName' }, {
    id: 'CONNECT-REQ-5',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    text:
      'A LastModifiedRegion sent with an item must look like a region name (two lowercase letters, ' +
      'one or two dash-separated lowercase words, an optional dash and digit); LastModifiedTime, ' +
      'when sent, is an epoch-seconds number.',
  }),
  derived({ doc: DOCS.connectUpdateBoto, section: 'PrimaryValue.Value' }, {
    id: 'CONNECT-PK-2',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE, DELETE, DESCRIBE],
    text:
      'A primary value travels as a JSON string whatever the type of its primary attribute, and it ' +
      'is a literal, never an expression to evaluate.',
  }),
  derived({ doc: DOCS.connectCreateBoto, section: ':param DataTableId:' }, {
    id: 'CONNECT-ID-2',
    level: 'MUST',
    services: ['connect'],
    text: 'Naming a table without a version alias acts the same as naming it with :$LATEST.',
  }),
  derived({ doc: DOCS.connectModel, section: 'shape BatchUpdateDataTableValueSuccessResult' }, {
    id: 'CONNECT-RESP-1',
    level: 'MUST',
    services: ['connect'],
    operations: [UPDATE, DELETE],
    basis: [{ doc: DOCS.connectUpdatePage, section: 'Response Syntax' }],
    text:
      'Each Successful entry of an update carries PrimaryValues, AttributeName and LockVersion; each ' +
      'Failed entry carries PrimaryValues, AttributeName and Message. Both lists are required members ' +
      'of the output, even when empty.',
  }),
  derived({ doc: DOCS.connectCreateBoto, section: 'Response Structure' }, {
    id: 'CONNECT-RESP-2',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE],
    basis: [{ doc: DOCS.connectModel, section: 'shape BatchCreateDataTableValueSuccessResult' }],
    text:
      'Successful entries of a create have, besides PrimaryValues, AttributeName and LockVersion, a ' +
      'RecordId of 1 to 256 characters.',
  }),
  derived({ doc: DOCS.connectModel, section: 'shape BatchDescribeDataTableValueSuccessResult' }, {
    id: 'CONNECT-RESP-3',
    level: 'SHOULD',
    services: ['connect'],
    operations: [DESCRIBE, CREATE, UPDATE],
    text:
      'Reading back a value that was written reports LastModifiedTime as epoch seconds that do not ' +
      'go backwards across successive writes of it, and a LastModifiedRegion in region-name form. ' +
      'The batch write responses themselves carry neither member.',
  }),
  derived({ doc: DOCS.connectUpdatePage, section: 'Request Syntax' }, {
    id: 'CONNECT-RESP-4',
    level: 'INFO',
    services: ['connect'],
    operations: [CREATE, UPDATE, DESCRIBE],
    text:
      'Whether a LastModifiedTime or LastModifiedRegion supplied by the client is stored, adjusted ' +
      'or ignored is up to the implementation; what a later read shows is reported.',
  }),
  derived({ doc: DOCS.connectModel, section: 'shape DataTableDeleteValueIdentifier' }, {
    id: 'CONNECT-DELETE-2',
    level: 'MUST',
    services: ['connect'],
    operations: [DELETE],
    text:
      'A delete item names AttributeName and must carry a LockVersion; leaving the LockVersion out ' +
      'is a validation failure, for the item or for the call.',
  }),
  derived({ doc: DOCS.connectModel, section: 'operation errors (BatchUpdateDataTableValue, BatchCreateDataTableValue)' }, {
    id: 'CONNECT-ERR-1',
    level: 'MUST',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    basis: [{ doc: DOCS.connectCreateBoto, section: 'Exceptions' }],
    text:
      'DuplicateResourceException and ServiceQuotaExceededException are declared for the create ' +
      'operation only, so an update never answers with either; duplicates inside an update are item failures.',
  }),
  derived({ doc: DOCS.connectModel, section: 'shapes DataTableLockLevel, DataTableAttributeValueType' }, {
    id: 'CONNECT-ENUM-1',
    level: 'MUST',
    services: ['connect'],
    operations: ['CreateDataTable', 'CreateDataTableAttribute'],
    text:
      'Lock levels accepted for a table are the five the model enumerates, NONE up to VALUE, and ' +
      'attribute value types are TEXT, NUMBER, BOOLEAN and the two list kinds; anything else is a 400.',
  }),
  derived({ doc: DOCS.connectCreateBoto, section: 'batch_create_data_table_value (description)' }, {
    id: 'CONNECT-AUTH-1',
    level: 'INFO',
    services: ['connect'],
    operations: [CREATE, UPDATE],
    text:
      'Authorisation is all or nothing for a batch: should any primary value or attribute be off ' +
      'limits to the caller, the call as a whole is refused rather than split into per-item results. ' +
      'The suite reports what it sees; it cannot provoke this against the reference server.',
  }),
];

const SYNC_D: Requirement[] = [
  derived({ doc: DOCS.syncUpdatePage, section: 'URI Request Parameters' }, {
    id: 'SYNC-REQ-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS, LIST_RECORDS],
    text:
      'IdentityPoolId and IdentityId are namespaced GUIDs: 1 to 55 characters, a region-like prefix ' +
      'of word characters or dashes, a colon, then lowercase hex digits and dashes.',
  }),
  derived({ doc: DOCS.syncUpdatePage, section: 'URI Request Parameters' }, {
    id: 'SYNC-REQ-2',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS, LIST_RECORDS],
    text:
      'DatasetName has 1 to 128 characters from ASCII letters, digits, underscore, dot, colon and dash.',
  }),
  derived({ doc: DOCS.syncUpdatePage, section: 'Request Body' }, {
    id: 'SYNC-REQ-3',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    text: 'DeviceId is optional; when present it has 1 to 256 characters.',
  }),
  derived({ doc: DOCS.syncModel, section: 'shapes RecordPatch, Operation' }, {
    id: 'SYNC-PATCH-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    text:
      'Every patch states Op, Key and SyncCount; Op is either replace or remove; SyncCount is an ' +
      'integer; Value and DeviceLastModifiedDate may be left out.',
  }),
  derived({ doc: DOCS.syncModel, section: 'shapes RecordKey, RecordValue' }, {
    id: 'SYNC-PATCH-2',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    text: 'A record key is 1 to 1024 characters long; a record value is at most 1048575 characters.',
  }),
  derived({ doc: DOCS.syncUpdatePage, section: 'Request Body' }, {
    id: 'SYNC-PATCH-3',
    level: 'SHOULD',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    basis: [{ doc: DOCS.syncModel, section: 'shape UpdateRecordsRequest' }],
    text:
      'RecordPatches is not a required member: a call holding only a valid session token should be ' +
      'accepted and change nothing.',
  }),
  derived({ doc: DOCS.syncUpdatePage, section: 'Response Syntax' }, {
    id: 'SYNC-RESP-1',
    level: 'SHOULD',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    text:
      'The Records of a successful update list the records it touched, one per patched key, each ' +
      'with its Key, new SyncCount and LastModifiedDate (epoch seconds).',
  }),
  derived({ doc: DOCS.syncUpdatePage, section: 'URI Request Parameters' }, {
    id: 'SYNC-INFO-2',
    level: 'INFO',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    text:
      'The x-amz-Client-Context header is documented as unimplemented; how LastModifiedBy and ' +
      'DeviceLastModifiedDate are filled in is reported, not judged.',
  }),
  derived({ doc: DOCS.syncModel, section: 'shape ResourceConflictException' }, {
    id: 'SYNC-ERR-1',
    level: 'MUST',
    services: ['cognito-sync'],
    operations: [UPDATE_RECORDS],
    basis: [{ doc: DOCS.syncUpdatePage, section: 'Errors' }],
    text:
      'Cognito Sync error bodies put their text under lowercase message (required for ' +
      'ResourceConflictException), and each error uses the status the page gives it: 400 for ' +
      'parameter, limit, Lambda output and Lambda timeout errors, 403 not authorized, 404 not found, 409 conflict, ' +
      '429 throttling.',
  }),
];

const DIR_D: Requirement[] = [
  derived({ doc: DOCS.dirBatchWritePage, section: 'Examples' }, {
    id: 'DIR-EMPTY-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text: 'A batch with an empty Operations array is valid and answers 200 with an empty Responses array.',
  }),
  derived({ doc: DOCS.dirModel, section: 'shape BatchWriteRequest' }, {
    id: 'DIR-REQ-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    basis: [{ doc: DOCS.dirBatchWritePage, section: 'Request Body' }],
    text: 'Operations is a required body member and the directory ARN a required header; omitting Operations is a 400.',
  }),
  derived({ doc: DOCS.dirModel, section: 'shape BatchWriteOperation' }, {
    id: 'DIR-OP-1',
    level: 'SHOULD',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'Our reading: each element of Operations names exactly one of the fifteen write kinds the model ' +
      'lists; an element naming none or several is a ValidationException (inside the batch, at its index).',
  }),
  derived({ doc: DOCS.dirModel, section: 'shape LinkName' }, {
    id: 'DIR-LINK-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'A link name has 1 to 64 characters and contains no slash, square or round brackets, braces, ' +
      'colon, hash, at sign, exclamation or question mark, backslash, semicolon or whitespace.',
  }),
  derived({ doc: DOCS.dirModel, section: 'shapes FacetName, AttributeName' }, {
    id: 'DIR-NAME-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'Facet names are 1 to 64 characters of letters, digits, dot, underscore and dash; attribute ' +
      'names 1 to 230 characters of the same set plus colon.',
  }),
  derived({ doc: DOCS.dirModel, section: 'shape BatchCreateObject' }, {
    id: 'DIR-CREATE-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'A CreateObject operation must carry SchemaFacet and ObjectAttributeList; ParentReference, ' +
      'LinkName and BatchReferenceName are optional.',
  }),
  derived({ doc: DOCS.dirModel, section: 'shapes BatchWriteException, BatchWriteExceptionType' }, {
    id: 'DIR-EXC-3',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    basis: [{ doc: DOCS.dirBatchWritePage, section: 'Errors' }],
    text:
      'BatchWriteException is sent with status 400, an integer Index and a Type taken from the ' +
      "model's enumeration of eighteen exception names; a Type outside that list is a divergence.",
  }),
  derived({ doc: DOCS.dirBatchWritePage, section: 'Response Syntax' }, {
    id: 'DIR-RESP-1',
    level: 'MUST',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'Result members per kind: CreateObject, CreateIndex and UpdateObjectAttributes give ' +
      'ObjectIdentifier; AttachObject gives attachedObjectIdentifier and DetachObject ' +
      'detachedObjectIdentifier (lower camel case); AttachToIndex gives AttachedObjectIdentifier and ' +
      'DetachFromIndex DetachedObjectIdentifier; AttachTypedLink returns its TypedLinkSpecifier; the ' +
      'remaining kinds return an empty object.',
  }),
  derived({ doc: DOCS.dirBatchWritePage, section: 'Errors' }, {
    id: 'DIR-RETRY-1',
    level: 'INFO',
    services: ['clouddirectory'],
    operations: [BATCH_WRITE],
    text:
      'Under contention an implementation may answer 409 RetryableConflictException; how often it ' +
      'does, and that such a call had no effect, is reported.',
  }),
];

const COMMON_D: Requirement[] = [
  derived({ doc: DOCS.connectUpdatePage, section: 'Request Syntax' }, {
    id: 'COMMON-BIND-1',
    level: 'MUST',
    services: ALL,
    basis: [
      { doc: DOCS.dirBatchWritePage, section: 'Request Syntax' },
      { doc: DOCS.syncUpdatePage, section: 'Request Syntax' },
    ],
    text:
      'Each operation is served at the HTTP method and path template of its model binding (Connect ' +
      'batch values: POST under /data-tables; Cognito Sync UpdateRecords: POST on the dataset path; ' +
      'Cloud Directory BatchWrite: PUT on /amazonclouddirectory/2017-01-11/batchwrite).',
  }),
];

/** Every requirement, profile ids first, then the derived ones, grouped by service. */
export const REQUIREMENTS: Requirement[] = [
  ...COMMON,
  ...COMMON_D,
  ...CONNECT_P,
  ...CONNECT_D,
  ...SYNC_P,
  ...SYNC_D,
  ...DIR_P,
  ...DIR_D,
  ...NET_P,
];

const BY_ID = new Map(REQUIREMENTS.map((r) => [r.id, r]));

export function requirementById(id: string): Requirement | undefined {
  return BY_ID.get(id);
}

/** The requirements that apply to one service (common ones included), in catalog order. */
export function requirementsFor(service: ServiceName): Requirement[] {
  return REQUIREMENTS.filter((r) => r.services.includes(service));
}
