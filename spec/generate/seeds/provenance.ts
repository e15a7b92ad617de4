// Provenance built from what the pages stated: a member a page documents is `seed:<file>` (the
// lowest-numbered page when several do), everything else `model`.
import type { Provenance } from '../emit/provenance.js';
import type { Mark } from './crosscheck.js';

export function provenanceFrom(marks: Mark[], operationPages: Map<string, string[]>): Provenance {
  const members = new Map<string, { file: string; constraintsFile?: string }>();
  for (const m of marks) {
    const key = `${m.structure}\u0000${m.member}`;
    const cur = members.get(key);
    const file = cur && cur.file < m.file ? cur.file : m.file;
    let constraintsFile = cur?.constraintsFile;
    if (m.constraints && (!constraintsFile || m.file < constraintsFile)) constraintsFile = m.file;
    members.set(key, { file, constraintsFile });
  }
  return {
    member: (shape, member) => {
      const hit = members.get(`${shape}\u0000${member}`);
      return hit ? `seed:${hit.file}` : 'model';
    },
    constraints: (shape, member) => {
      const hit = members.get(`${shape}\u0000${member}`);
      return hit?.constraintsFile ? `seed:${hit.constraintsFile}` : 'model';
    },
    operation: (op) => ['model', ...[...new Set(operationPages.get(op) ?? [])].sort().map((f) => `seed:${f}`)],
  };
}
