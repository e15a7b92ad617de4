// Locates ../shared (the profile, seeds and models) for the catalog tests. A missing directory is
// a hard failure with a message saying where we looked, never a silent skip.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../spec/services.js';

function defaultCandidates(): string[] {
  return [process.env.LOCKSTEP_SHARED, path.resolve(projectRoot(), '..', 'shared')].filter(
    (p): p is string => typeof p === 'string' && p.length > 0,
  );
}

export function sharedDir(candidates: string[] = defaultCandidates()): string {
  for (const dir of candidates) {
    if (existsSync(path.join(dir, 'CONFORMANCE-PROFILE.md'))) return dir;
  }
  throw new Error(
    `shared documents not found: looked for CONFORMANCE-PROFILE.md in ${candidates.join(', ')} ` +
      '(the catalog tests need ../shared beside the project, or LOCKSTEP_SHARED)',
  );
}

export function readShared(rel: string): string {
  return readFileSync(path.join(sharedDir(), rel), 'utf8');
}

export interface ProfileEntry {
  id: string;
  level: 'MUST' | 'SHOULD' | 'INFO';
}

/** Ids and levels as the profile lists them: bullet lines "- <ID> <LEVEL>...". */
export function parseProfileIds(text: string): ProfileEntry[] {
  const out: ProfileEntry[] = [];
  const re = /^- ([A-Z]+(?:-[A-Z]+)*-\d+) (MUST|SHOULD|INFO)\b/gm;
  for (const m of text.matchAll(re)) out.push({ id: m[1], level: m[2] as ProfileEntry['level'] });
  return out;
}

/** The seed pages' text, one string per file. */
export function seedTexts(): Map<string, string> {
  const dir = path.join(sharedDir(), 'seeds');
  const texts = new Map<string, string>();
  for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
    texts.set(`seeds/${f}`, readFileSync(path.join(dir, f), 'utf8'));
  }
  return texts;
}

/** Every documentation string of the three service models, HTML tags removed. */
export function modelDocStrings(): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        if (k === 'documentation' && typeof x === 'string') out.push(x.replace(/<[^>]*>/g, ' '));
        else walk(x);
      }
    }
  };
  for (const f of ['connect', 'cognito-sync', 'clouddirectory']) walk(JSON.parse(readShared(`models/${f}.service-2.json`)));
  return out;
}
