// The generator: documents directory in, file contents out (nothing written here).
// Pages are the primary source; the models fill in what pages leave out; every disagreement
// must be settled in reconciliation.json.
import path from 'node:path';
import fs from 'node:fs';
import { SERVICES, projectRoot, type ServiceName } from '../services.js';
import { GenerateError } from './errors.js';
import { buildDocument } from './emit/document.js';
import { canonicalJson } from './emit/canonical.js';
import { emitTypes } from './emit/types.js';
import { modelFile, readModel } from './model/read.js';
import type { ServiceModel } from './model/types.js';
import { PLANS } from './operations.js';
import { validateOpenApi } from './validate.js';
import { readPages } from './seeds/read-pages.js';
import { checkPages, settle } from './seeds/index.js';
import { readReconciliations } from './seeds/reconcile.js';

export interface GeneratedFile {
  /** path relative to the project root */
  path: string;
  content: string;
}

export interface GenerateOptions {
  docsDir: string;
  /** defaults to spec/generate/reconciliation.json */
  reconciliationFile?: string;
  /** skip the openapi-typescript step (faster, for tests that only look at the JSON) */
  withTypes?: boolean;
  /** skip swagger-parser validation (tests that validate separately) */
  validate?: boolean;
}

export function defaultReconciliationFile(): string {
  return path.join(projectRoot(), 'spec', 'generate', 'reconciliation.json');
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
    throw new GenerateError(`${docsDir}: documents directory not found (it needs seeds/ and models/; pass --docs DIR)`);
  }
  if (!st.isDirectory()) throw new GenerateError(`${docsDir}: not a directory`);
  for (const sub of ['seeds', 'models']) {
    if (!fs.existsSync(path.join(docsDir, sub))) throw new GenerateError(`${path.join(docsDir, sub)}: missing (the documents directory needs seeds/ and models/)`);
  }
}

/** The OpenAPI documents, as objects, after cross-checking pages and models. */
export function buildDocuments(opts: GenerateOptions): Map<ServiceName, Record<string, unknown>> {
  checkDocsDir(opts.docsDir);
  const models = new Map<ServiceName, { model: ServiceModel; file: string }>();
  for (const service of SERVICES) {
    const file = modelFile(opts.docsDir, service);
    models.set(service, { model: readModel(file), file });
  }
  const pages = readPages(opts.docsDir);
  const reconciliationFile = opts.reconciliationFile ?? defaultReconciliationFile();
  const inputs = settle(checkPages(pages, models), models, readReconciliations(reconciliationFile), reconciliationFile);
  const docs = new Map<ServiceName, Record<string, unknown>>();
  for (const service of SERVICES) {
    const { file } = models.get(service)!;
    const { model, provenance, reconciled } = inputs.get(service)!;
    docs.set(service, buildDocument({ plan: PLANS[service], model, modelFile: file, provenance, reconciled }));
  }
  return docs;
}

export async function generate(opts: GenerateOptions): Promise<GeneratedFile[]> {
  const docs = buildDocuments(opts);
  const files: GeneratedFile[] = [];
  for (const [service, doc] of docs) {
    if (opts.validate !== false) await validateOpenApi(doc, openApiRelPath(service));
    files.push({ path: openApiRelPath(service), content: canonicalJson(doc) });
    if (opts.withTypes !== false) files.push({ path: typesRelPath(service), content: await emitTypes(doc, service) });
  }
  return files;
}
