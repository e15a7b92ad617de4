// A run's own corner of a directory: a node under the root (unique link name) holding three plain
// nodes, a victim node no valid operation touches, a leaf, a policy and an index; plus a detached
// node with one child. Built with `/path` and `$id` selectors only, one kind of feature at a time,
// so the set-up works on every fault of the reference.
import { isObject, type DirApi } from './api.js';
import type { Directory } from './provision.js';
import { byId, byPath, createIndex, createObject, type WriteOp } from './ops.js';
import { FACETS } from './provision.js';

export interface Home {
  dir: Directory;
  link: string;
  home: string;
  nodes: string[];
  victim: string;
  leaf: string;
  policy: string;
  index: string;
  /** Detached node with a child (`kid`). */
  detachedParent: string;
  detachedChild: string;
  /** Link names in use under home. */
  links: string[];
}

export class SetupError extends Error {
  override name = 'SetupError';
}

async function ids(api: DirApi, dir: Directory, ops: WriteOp[], what: string): Promise<string[]> {
  const r = await api.batchWrite(dir.arn, ops);
  const responses = isObject(r.json) && Array.isArray(r.json.Responses) ? r.json.Responses : undefined;
  if (r.status !== 200 || !responses || responses.length !== ops.length) throw new SetupError(`${what}: BatchWrite answered ${r.status} ${r.errorType ?? r.failure ?? ''}`.trim());
  return responses.map((x, i) => {
    const inner = isObject(x) ? Object.values(x)[0] : undefined;
    const id = isObject(inner) ? inner.ObjectIdentifier : undefined;
    if (typeof id !== 'string') throw new SetupError(`${what}: response ${i} has no ObjectIdentifier`);
    return id;
  });
}

let homes = 0;

export async function makeHome(api: DirApi, dir: Directory): Promise<Home> {
  const link = `h${(homes++).toString(36)}x${Math.floor(Math.random() * 1e9).toString(36)}`;
  const arn = dir.schemaArn;
  const [home] = await ids(api, dir, [createObject(arn, { parent: byPath('/'), link, attrs: [['label', 'home']] })], 'home node');
  const under = byPath(`/${link}`);
  const made = await ids(
    api,
    dir,
    [
      createObject(arn, { parent: under, link: 'n0', attrs: [['label', 'a0']] }),
      createObject(arn, { parent: under, link: 'n1', attrs: [['label', 'a1']] }),
      createObject(arn, { parent: under, link: 'n2', attrs: [['label', 'a2']] }),
      createObject(arn, { parent: under, link: 'victim', attrs: [['label', 'v']] }),
      createObject(arn, { parent: under, link: 'leaf', facet: FACETS.leaf, attrs: [['label', 'l']] }),
      createObject(arn, { parent: under, link: 'policy', facet: FACETS.policy }),
      createIndex(arn, { parent: under, link: 'index' }),
      createObject(arn, { attrs: [['label', 'dp']] }),
    ],
    'home contents',
  );
  const [n0, n1, n2, victim, leaf, policy, index, detachedParent] = made as [string, string, string, string, string, string, string, string];
  const [detachedChild] = await ids(api, dir, [createObject(arn, { parent: byId(detachedParent), link: 'kid', attrs: [['label', 'dc']] })], 'detached child');
  return {
    dir,
    link,
    home: home!,
    nodes: [n0, n1, n2],
    victim,
    leaf,
    policy,
    index,
    detachedParent,
    detachedChild: detachedChild!,
    links: ['n0', 'n1', 'n2', 'victim', 'leaf', 'policy', 'index'],
  };
}

/** Where a read-back of the home starts (the detached parent is not reachable from it). */
export function homeStarts(h: Home): string[] {
  return [h.home, h.detachedParent];
}
