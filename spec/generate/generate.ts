// The generator: documents directory in, file contents out (nothing written here).
import path from 'node:path';
import fs from 'node:fs';
import { SERVICES, type ServiceName } from '../services.js';
import { GenerateError } from './errors.js';
import { buildDocument } from './emit/document.js';
import { canonicalJson } from './emit/canonical.js';
import { emitTypes } from './emit/types.js';
import { MODEL_ONLY } from './emit/provenance.js';
import { modelFile, readModel } from './model/read.js';
import { PLANS } from './operations.js';
import { validateOpenApi } from './validate.js';

export interface GeneratedFile {
  /** path relative to the project root */
  path: string;
  content: string;
}

export interface GenerateOptions {
  docsDir: string;
  /** skip the openapi-typescript step (faster, for tests that only look at the JSON) */
  withTypes?: boolean;
}

export function openApiRelPath(service: ServiceName): string {
  return path.join('spec', 'openapi', `${service}.openapi.json`);
}

export function typesRelPath(service: ServiceName): string {
  return path.join('spec', 'types', `${service}.d.ts`);
}

function checkDocsDir(docsDir: string): void {
  let st: fs.Stats;
  try {
    st = fs.statSync(docsDir);
  } catch {
    throw new GenerateError(`${docsDir}: documents directory not found (expected seeds/ and models/ inside; pass --docs DIR)`);
  }
  if (!st.isDirectory()) throw new GenerateError(`${docsDir}: not a directory`);
  for (const sub of ['models']) {
    if (!fs.existsSync(path.join(docsDir, sub))) throw new GenerateError(`${path.join(docsDir, sub)}: missing (the documents directory needs seeds/ and models/)`);
  }
}

export async function generate(opts: GenerateOptions): Promise<GeneratedFile[]> {
  checkDocsDir(opts.docsDir);
  const files: GeneratedFile[] = [];
  for (const service of SERVICES) {
    const file = modelFile(opts.docsDir, service);
    const model = readModel(file);
    const doc = buildDocument({ plan: PLANS[service], model, modelFile: file, provenance: MODEL_ONLY });
    await validateOpenApi(doc, openApiRelPath(service));
    files.push({ path: openApiRelPath(service), content: canonicalJson(doc) });
    if (opts.withTypes !== false) files.push({ path: typesRelPath(service), content: await emitTypes(doc, service) });
  }
  return files;
}
