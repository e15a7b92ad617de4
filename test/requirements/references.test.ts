// Requirement ids are cited all over the project (OpenAPI x-lockstep, fault catalog, suites). Each
// cited id must exist in the catalog, or a verdict would name a requirement nobody can look up.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { requirementById } from '../../spec/requirements/catalog.js';
import { projectRoot } from '../../spec/services.js';

const ID = /["'`]((?:COMMON|CONNECT|SYNC|DIR|NET)(?:-[A-Z]+)*-\d+)["'`]/g;

function filesUnder(dir: string, exts: string[]): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.some((e) => name.endsWith(e))) out.push(p);
  }
  return out;
}

function citedIds(text: string): string[] {
  return [...text.matchAll(ID)].map((m) => m[1]);
}

describe('requirement ids cited elsewhere', () => {
  it('the id scanner finds quoted ids only', () => {
    expect(citedIds(`requirement: 'CONNECT-LOCK-1', x: "NET-1", y: CONNECT-LOCK-2, \`SYNC-COUNT-2\``)).toEqual([
      'CONNECT-LOCK-1',
      'NET-1',
      'SYNC-COUNT-2',
    ]);
  });

  it('all exist in the catalog', () => {
    const root = projectRoot();
    const files = [
      ...filesUnder(path.join(root, 'spec', 'openapi'), ['.json']),
      ...filesUnder(path.join(root, 'fixtures', 'faults'), ['.ts']),
      ...filesUnder(path.join(root, 'suites'), ['.ts']),
    ];
    const unknown: string[] = [];
    for (const f of files) {
      for (const id of citedIds(readFileSync(f, 'utf8'))) {
        if (!requirementById(id)) unknown.push(`${path.relative(root, f)}: ${id}`);
      }
    }
    expect([...new Set(unknown)]).toEqual([]);
  });
});
