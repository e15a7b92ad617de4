// A fresh directory per run: a development schema with the suites' facets, published, applied to a
// new directory with a unique name. Cleaned up (disable + delete directory, delete schema) after.
import { isObject, type DirApi, type DirResult } from './api.js';

/** Facet names the suites use; attributes are optional strings (plus one number on LsNode). */
export const FACETS = { node: 'LsNode', leaf: 'LsLeaf', policy: 'LsPolicy', extra: 'LsExtra' } as const;
export const NODE_ATTRS = ['label', 'val', 'note'] as const;
export const NUMBER_ATTR = 'num';

export interface Directory {
  arn: string;
  /** The applied schema ARN data operations name in SchemaFacet / AttributeKey. */
  schemaArn: string;
  devSchemaArn: string;
  name: string;
}

export class ProvisionError extends Error {
  override name = 'ProvisionError';
  constructor(
    message: string,
    readonly result?: DirResult,
  ) {
    super(message);
  }
}

function stringAttr(name: string) {
  return { Name: name, AttributeDefinition: { Type: 'STRING', IsImmutable: false }, RequiredBehavior: 'NOT_REQUIRED' };
}

async function must(r: Promise<DirResult>, what: string): Promise<DirResult & { json: Record<string, unknown> }> {
  const res = await r;
  if (res.status !== 200 || !isObject(res.json)) {
    throw new ProvisionError(`${what}: ${res.status} ${res.errorType ?? res.failure ?? ''}`.trim(), res);
  }
  return res as DirResult & { json: Record<string, unknown> };
}

let counter = 0;

/** Creates schema, facets, publishes it and creates a directory; throws ProvisionError on refusal. */
export async function provisionDirectory(api: DirApi, tag: string): Promise<Directory> {
  // Schema names are at most 32 characters: a short tag, the time, a counter and a random part.
  const name = `ls-${tag.replace(/[^a-zA-Z0-9]/g, '').slice(0, 6)}-${Date.now().toString(36)}${(counter++).toString(36)}-${Math.floor(Math.random() * 36 ** 4).toString(36)}`;
  const s = await must(api.call('CreateSchema', { body: { Name: name } }), 'CreateSchema');
  const dev = String(s.json.SchemaArn ?? '');
  const facets = [
    { Name: FACETS.node, ObjectType: 'NODE', Attributes: [...NODE_ATTRS.map(stringAttr), { Name: NUMBER_ATTR, AttributeDefinition: { Type: 'NUMBER', IsImmutable: false }, RequiredBehavior: 'NOT_REQUIRED' }] },
    { Name: FACETS.leaf, ObjectType: 'LEAF_NODE', Attributes: [stringAttr('label')] },
    { Name: FACETS.policy, ObjectType: 'POLICY', Attributes: [] },
    // A second NODE facet, added to objects by AddFacetToObject.
    { Name: FACETS.extra, ObjectType: 'NODE', Attributes: [stringAttr('extra')] },
  ];
  for (const f of facets) await must(api.withPartition('CreateFacet', dev, f), `CreateFacet ${f.Name}`);
  const p = await must(api.withPartition('PublishSchema', dev, { Version: '1' }), 'PublishSchema');
  const published = String(p.json.PublishedSchemaArn ?? '');
  const d = await must(api.withPartition('CreateDirectory', published, { Name: name }), 'CreateDirectory');
  const arn = String(d.json.DirectoryArn ?? '');
  const schemaArn = String(d.json.AppliedSchemaArn ?? '');
  if (!arn || !schemaArn) throw new ProvisionError('CreateDirectory answered without DirectoryArn / AppliedSchemaArn', d);
  return { arn, schemaArn, devSchemaArn: dev, name };
}

/** Best effort: disable and delete the directory, delete the development schema. Never throws. */
export async function dropDirectory(api: DirApi, dir: Directory | undefined): Promise<void> {
  if (!dir) return;
  try {
    await api.withPartition('DisableDirectory', dir.arn);
    await api.withPartition('DeleteDirectory', dir.arn);
    await api.withPartition('DeleteSchema', dir.devSchemaArn);
  } catch {
    // clean-up is not judged
  }
}

/** Keeps every directory a suite made, so one call at the end removes them all. */
export class DirectoryPool {
  private readonly made: Directory[] = [];
  constructor(
    private readonly api: DirApi,
    private readonly tag: string,
  ) {}

  async fresh(): Promise<Directory> {
    const d = await provisionDirectory(this.api, this.tag);
    this.made.push(d);
    return d;
  }

  async dropAll(): Promise<void> {
    for (const d of this.made.splice(0)) await dropDirectory(this.api, d);
  }
}
