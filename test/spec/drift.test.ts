import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generate } from '../../spec/generate/generate.js';
import { projectRoot } from '../../spec/services.js';
import { requireDocs } from './docs.js';

// The committed OpenAPI and types must be exactly what the documents generate.
describe('generated files match the documents', () => {
  it('regenerating from ../shared reproduces every committed file byte for byte', async () => {
    const docs = requireDocs();
    const files = await generate({ docsDir: docs });
    expect(files.map((f) => f.path).sort()).toEqual(
      [
        'spec/openapi/clouddirectory.openapi.json',
        'spec/openapi/cognito-sync.openapi.json',
        'spec/openapi/connect.openapi.json',
        'spec/types/clouddirectory.d.ts',
        'spec/types/cognito-sync.d.ts',
        'spec/types/connect.d.ts',
      ].map((p) => p.split('/').join(path.sep)),
    );
    for (const f of files) {
      const committed = fs.readFileSync(path.join(projectRoot(), f.path), 'utf8');
      expect(committed === f.content, `${f.path} is stale: run npm run spec:generate`).toBe(true);
    }
  });

  it('is deterministic: two runs give identical output', async () => {
    const docs = requireDocs();
    const a = await generate({ docsDir: docs, withTypes: false, validate: false });
    const b = await generate({ docsDir: docs, withTypes: false, validate: false });
    expect(a).toEqual(b);
  });
});
