import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../spec/services.js';

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  types: [],
};

function diagnostics(file: string): string[] {
  const program = ts.createProgram([file], OPTIONS);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

describe('generated TypeScript declarations', () => {
  it('type-check a typed use, including the uses they must reject (@ts-expect-error)', () => {
    const file = path.join(projectRoot(), 'test', 'spec', 'typed', 'typed-use.ts');
    expect(diagnostics(file)).toEqual([]);
  });

  it('reject a wrong member name when nothing expects the error', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lockstep-types-'));
    try {
      const file = path.join(dir, 'wrong.ts');
      const types = path.join(projectRoot(), 'spec', 'types', 'cognito-sync.js');
      fs.writeFileSync(
        file,
        `import type { components } from ${JSON.stringify(types)};\n` +
          `export const p: components['schemas']['RecordPatch'] = { Op: 'replace', Key: 'k', SyncCount: 0, Sync: 1 };\n` +
          `export const q: components['schemas']['RecordPatch'] = { Op: 'upsert', Key: 'k', SyncCount: 0 };\n`,
      );
      const errs = diagnostics(file);
      expect(errs.some((m) => m.includes("'Sync'"))).toBe(true);
      expect(errs.some((m) => m.includes('"upsert"'))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
