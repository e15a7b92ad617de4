// COMMON-VAL-1 probes of BatchWrite's constraints, with the derived DIR-LINK-1, DIR-NAME-1,
// DIR-CREATE-1, DIR-OP-1 and DIR-REQ-1. Each bad operation sits at index 1 after a valid create: the
// answer must be a 400 ValidationException, or a BatchWriteException of Type ValidationException at
// index 1, and the batch must leave nothing. Patterns are probed with values matching them nowhere.
import type { VerdictRecorder } from '../harness/verdicts.js';
import type { DirApi } from './api.js';
import { homeStarts, makeHome, type Home } from './home.js';
import { describe, isValidationRefusal, record } from './judge.js';
import { byId, createObject, updateAttrs } from './ops.js';
import { FACETS, type Directory } from './provision.js';
import { diffSnapshots, readBack } from './readback.js';

interface Probe {
  check: string;
  requirements: string[];
  op: (h: Home, arn: string) => unknown;
}

const create = (arn: string, h: Home, link: string, facet: string = FACETS.node) => createObject(arn, { parent: byId(h.home), link, facet });

const PROBES: Probe[] = [
  { check: 'LinkName of 65 characters', requirements: ['COMMON-VAL-1', 'DIR-LINK-1'], op: (h, arn) => create(arn, h, 'k'.repeat(65)) },
  { check: 'LinkName of forbidden characters only', requirements: ['COMMON-VAL-1', 'DIR-LINK-1'], op: (h, arn) => create(arn, h, '/#@') },
  { check: 'empty LinkName', requirements: ['COMMON-VAL-1', 'DIR-LINK-1'], op: (h, arn) => create(arn, h, '') },
  { check: 'FacetName with a space and !', requirements: ['COMMON-VAL-1', 'DIR-NAME-1'], op: (h, arn) => create(arn, h, 'fx', 'bad name!') },
  { check: 'FacetName of 65 characters', requirements: ['COMMON-VAL-1', 'DIR-NAME-1'], op: (h, arn) => create(arn, h, 'fy', 'F'.repeat(65)) },
  { check: 'attribute name with a slash', requirements: ['COMMON-VAL-1', 'DIR-NAME-1'], op: (h, arn) => updateAttrs(arn, byId(h.victim), [['bad/name', 'x']]) },
  {
    check: 'ObjectAttributeActionType outside its enum',
    requirements: ['COMMON-VAL-1'],
    op: (h, arn) => ({
      UpdateObjectAttributes: {
        ObjectReference: byId(h.victim),
        AttributeUpdates: [{ ObjectAttributeKey: { SchemaArn: arn, FacetName: FACETS.node, Name: 'label' }, ObjectAttributeAction: { ObjectAttributeActionType: 'SMASH', ObjectAttributeUpdateValue: { StringValue: 'x' } } }],
      },
    }),
  },
  { check: 'CreateObject without ObjectAttributeList', requirements: ['COMMON-VAL-1', 'DIR-CREATE-1'], op: (h, arn) => ({ CreateObject: { SchemaFacet: [{ SchemaArn: arn, FacetName: FACETS.node }], ParentReference: byId(h.home), LinkName: 'no-list' } }) },
  { check: 'CreateObject without SchemaFacet', requirements: ['COMMON-VAL-1', 'DIR-CREATE-1'], op: (h) => ({ CreateObject: { ObjectAttributeList: [], ParentReference: byId(h.home), LinkName: 'no-facet' } }) },
  { check: 'DeleteObject without ObjectReference', requirements: ['COMMON-VAL-1'], op: () => ({ DeleteObject: {} }) },
  { check: 'AttachObject without LinkName', requirements: ['COMMON-VAL-1'], op: (h) => ({ AttachObject: { ParentReference: byId(h.nodes[0]!), ChildReference: byId(h.leaf) } }) },
  {
    check: 'attribute value naming two types',
    requirements: ['COMMON-VAL-1'],
    op: (h, arn) => ({
      UpdateObjectAttributes: {
        ObjectReference: byId(h.victim),
        AttributeUpdates: [{ ObjectAttributeKey: { SchemaArn: arn, FacetName: FACETS.node, Name: 'label' }, ObjectAttributeAction: { ObjectAttributeActionType: 'CREATE_OR_UPDATE', ObjectAttributeUpdateValue: { StringValue: 'x', NumberValue: '1' } } }],
      },
    }),
  },
  { check: 'operation naming no kind', requirements: ['DIR-OP-1'], op: () => ({}) },
  { check: 'operation naming two kinds', requirements: ['DIR-OP-1'], op: (h) => ({ DeleteObject: { ObjectReference: byId(h.victim) }, DetachObject: { ParentReference: byId(h.home), LinkName: 'victim' } }) },
];

let n = 0;

export async function checkValidationProbes(api: DirApi, rec: VerdictRecorder, dir: Directory): Promise<void> {
  const h = await makeHome(api, dir);
  const arn = dir.schemaArn;
  for (const p of PROBES) {
    const ops = [create(arn, h, `p${(n++).toString(36)}`), p.op(h, arn)];
    const before = await readBack(api, dir.arn, homeStarts(h));
    const r = await api.batchWrite(dir.arn, ops);
    const diff = diffSnapshots(before, await readBack(api, dir.arn, homeStarts(h)));
    const refused = isValidationRefusal(r, 1);
    const ok = refused && diff.length === 0;
    const message = ok ? describe(r) : !refused ? `got ${describe(r)}, wanted a ValidationException` : `refused but left effects: ${diff.slice(0, 3).join('; ')}`;
    for (const requirement of p.requirements) record(rec, { requirement, check: p.check, ok, message, ops, evidence: [r.exchange] });
  }

  const fits = [create(arn, h, 'k'.repeat(64))];
  const r = await api.batchWrite(dir.arn, fits);
  record(rec, { requirement: 'DIR-LINK-1', check: 'LinkName of 64 characters is accepted', ok: r.status === 200, message: describe(r), ops: fits, evidence: [r.exchange] });

  const noOps = await api.call('BatchWrite', { header: { 'x-amz-data-partition': dir.arn }, body: {} });
  const okNo = noOps.status === 400 && noOps.errorType === 'ValidationException';
  record(rec, { requirement: 'DIR-REQ-1', check: 'body without Operations', ok: okNo, message: okNo ? describe(noOps) : `got ${describe(noOps)}, wanted 400 ValidationException`, ops: [], evidence: [noOps.exchange] });
}

