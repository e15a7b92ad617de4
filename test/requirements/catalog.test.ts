import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REQUIREMENTS, requirementById, requirementsFor } from '../../spec/requirements/catalog.js';
import type { SourceRef } from '../../spec/requirements/types.js';
import { SERVICES } from '../../spec/services.js';
import { parseProfileIds, readShared, sharedDir } from './shared-docs.js';

describe('requirement catalog against the conformance profile', () => {
  it('finds the shared documents', () => {
    // Fails with "shared documents not found: ..." when ../shared is missing.
    expect(existsSync(path.join(sharedDir(), 'seeds'))).toBe(true);
  });

  it('says clearly where it looked when the shared documents are missing', () => {
    expect(() => sharedDir(['/nonexistent/shared'])).toThrow(/shared documents not found.*\/nonexistent\/shared/);
  });

  it('the profile parser sees the profile ids (sanity of the regex)', () => {
    const ids = parseProfileIds(readShared('CONFORMANCE-PROFILE.md')).map((e) => e.id);
    // Spot ids from each section of the profile, and the total count stated there by its bullets.
    for (const id of ['COMMON-ERR-1', 'COMMON-VAL-2', 'CONNECT-LOCK-1', 'CONNECT-SYS-1', 'SYNC-CONC-1', 'DIR-HDR-1', 'NET-1']) {
      expect(ids).toContain(id);
    }
    expect(ids.length).toBeGreaterThanOrEqual(40);
    expect(parseProfileIds('- FOO-BAR-1 MUST: x\n- NET-2 INFO (note): y\nnot - X-1 MUST')).toEqual([
      { id: 'FOO-BAR-1', level: 'MUST' },
      { id: 'NET-2', level: 'INFO' },
    ]);
  });

  it('holds every profile id, at the level the profile gives it', () => {
    const profile = parseProfileIds(readShared('CONFORMANCE-PROFILE.md'));
    const missing = profile.filter((p) => !requirementById(p.id)).map((p) => p.id);
    expect(missing, `profile ids missing from the catalog`).toEqual([]);
    const wrongLevel = profile
      .filter((p) => requirementById(p.id)?.level !== p.level)
      .map((p) => `${p.id}: profile ${p.level}, catalog ${requirementById(p.id)?.level}`);
    expect(wrongLevel).toEqual([]);
  });

  it('marks exactly the profile ids as origin "profile"', () => {
    const profileIds = new Set(parseProfileIds(readShared('CONFORMANCE-PROFILE.md')).map((p) => p.id));
    for (const r of REQUIREMENTS) {
      expect(r.origin, r.id).toBe(profileIds.has(r.id) ? 'profile' : 'derived');
    }
  });

  it('adds derived requirements for every service', () => {
    for (const s of SERVICES) {
      const derived = REQUIREMENTS.filter((r) => r.origin === 'derived' && r.services.includes(s));
      expect(derived.length, s).toBeGreaterThanOrEqual(3);
    }
  });
});

describe('catalog shape', () => {
  it('has unique, well-formed ids', () => {
    const ids = REQUIREMENTS.map((r) => r.id);
    const dupes = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(dupes).toEqual([]);
    for (const id of ids) expect(id).toMatch(/^(COMMON|CONNECT|SYNC|DIR|NET)(-[A-Z]+)*-\d+$/);
  });

  it('prefixes match services', () => {
    const prefixService: Record<string, string> = { CONNECT: 'connect', SYNC: 'cognito-sync', DIR: 'clouddirectory' };
    for (const r of REQUIREMENTS) {
      const prefix = r.id.split('-')[0];
      expect(r.services.length, r.id).toBeGreaterThan(0);
      if (prefix in prefixService) expect(r.services, r.id).toEqual([prefixService[prefix]]);
      else expect([...r.services].sort(), r.id).toEqual([...SERVICES].sort());
    }
  });

  it('names only operations the service models define', () => {
    const models: Record<string, string> = {
      connect: 'models/connect.service-2.json',
      'cognito-sync': 'models/cognito-sync.service-2.json',
      clouddirectory: 'models/clouddirectory.service-2.json',
    };
    const ops = new Set<string>();
    for (const rel of Object.values(models)) {
      for (const name of Object.keys(JSON.parse(readShared(rel)).operations)) ops.add(name);
    }
    for (const r of REQUIREMENTS) for (const op of r.operations) expect(ops.has(op), `${r.id}: ${op}`).toBe(true);
  });

  it('has a non-trivial paraphrase for each entry', () => {
    for (const r of REQUIREMENTS) expect(r.text.split(/\s+/).length, r.id).toBeGreaterThanOrEqual(8);
  });

  it('requirementById and requirementsFor agree with the list', () => {
    expect(requirementById('CONNECT-LOCK-1')?.level).toBe('MUST');
    expect(requirementById('NO-SUCH-1')).toBeUndefined();
    const sync = requirementsFor('cognito-sync').map((r) => r.id);
    expect(sync).toContain('SYNC-COUNT-2');
    expect(sync).toContain('COMMON-ERR-1');
    expect(sync).toContain('NET-1');
    expect(sync.some((id) => id.startsWith('CONNECT-') || id.startsWith('DIR-'))).toBe(false);
    const total = new Set(SERVICES.flatMap((s) => requirementsFor(s).map((r) => r.id)));
    expect(total.size).toBe(REQUIREMENTS.length);
  });
});

/** Whether `section` can be found in the cited document (heading, shape, operation, or its words). */
function sectionFound(ref: SourceRef): boolean {
  const text = readFileSync(path.join(sharedDir(), ref.doc), 'utf8');
  if (ref.doc.endsWith('.md')) return text.includes(`## ${ref.section}`);
  if (ref.doc.endsWith('.json')) {
    const model = JSON.parse(text) as { shapes: Record<string, unknown>; operations: Record<string, unknown> };
    const shapes = /^shapes? (.+)$/.exec(ref.section);
    if (shapes) return shapes[1].split(/,\s*/).every((n) => n in model.shapes);
    const ops = /^operation errors \((.+)\)$/.exec(ref.section);
    if (ops) return ops[1].split(/,\s*/).every((n) => n in model.operations);
    return false;
  }
  const bare = ref.section.replace(/ \(description\)$/, '');
  if (text.includes(bare)) return true;
  return bare.split(/ \/ |\./).every((part) => part.trim().length > 0 && text.includes(part.trim()));
}

describe('sources', () => {
  it('cite documents that exist, at sections found in them', () => {
    for (const r of REQUIREMENTS) {
      for (const ref of [r.source, ...(r.basis ?? [])]) {
        expect(existsSync(path.join(sharedDir(), ref.doc)), `${r.id}: ${ref.doc}`).toBe(true);
        expect(sectionFound(ref), `${r.id}: ${ref.doc} § ${ref.section}`).toBe(true);
      }
    }
  });

  it('the section check rejects a section that is not there', () => {
    expect(sectionFound({ doc: 'CONFORMANCE-PROFILE.md', section: 'No such heading' })).toBe(false);
    expect(sectionFound({ doc: 'models/connect.service-2.json', section: 'shape NoSuchShape' })).toBe(false);
    expect(sectionFound({ doc: 'seeds/004_f6c211b4703fb1c9.txt', section: 'Zebra Crossing' })).toBe(false);
  });
});
