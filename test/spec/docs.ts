// Where the source documents are for the generator tests, and copying them for alteration.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../spec/services.js';

export const DOCS_DIR = path.resolve(projectRoot(), '..', 'shared');

/** The documents directory, or an error telling what is missing (these tests never pass silently without it). */
export function requireDocs(): string {
  const missing = ['seeds', 'models'].filter((d) => !fs.existsSync(path.join(DOCS_DIR, d)));
  if (missing.length > 0) {
    throw new Error(`these tests need the source documents at ${DOCS_DIR} (with seeds/ and models/); missing: ${missing.join(', ')}`);
  }
  return DOCS_DIR;
}

/** A writable copy of the documents (seeds + models only) in a fresh temp directory. */
export function copyDocs(): string {
  const src = requireDocs();
  const dst = fs.mkdtempSync(path.join(os.tmpdir(), 'lockstep-docs-'));
  for (const sub of ['seeds', 'models']) {
    fs.mkdirSync(path.join(dst, sub));
    for (const f of fs.readdirSync(path.join(src, sub))) {
      fs.copyFileSync(path.join(src, sub, f), path.join(dst, sub, f));
      fs.chmodSync(path.join(dst, sub, f), 0o644);
    }
  }
  return dst;
}

export function editFile(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  if (!text.includes(from)) throw new Error(`${file} does not contain ${JSON.stringify(from)}: the test's alteration no longer applies`);
  fs.writeFileSync(file, text.replace(from, to));
}
