import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocuments, defaultReconciliationFile } from '../../spec/generate/generate.js';
import { GenerateError } from '../../spec/generate/errors.js';
import { copyDocs, editFile } from './docs.js';

const PAGE_000 = '000_0814a27de2fe3176.txt';
const PAGE_004 = '004_f6c211b4703fb1c9.txt';

function failure(run: () => unknown): GenerateError {
  try {
    run();
  } catch (e) {
    if (e instanceof GenerateError) return e;
    throw e;
  }
  throw new Error('generation was expected to fail');
}

const temps: string[] = [];
afterEach(() => {
  for (const d of temps.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function docsCopy(): string {
  const d = copyDocs();
  temps.push(d);
  return d;
}

describe('cross-checking pages against models', () => {
  it('an altered constraint on a page fails generation, naming the page section and the model shape', () => {
    const docs = docsCopy();
    // page 000 gives DataTableId a maximum length of 256, as the model does; make the page say 255
    editFile(path.join(docs, 'seeds', PAGE_000), 'Minimum length of 1. Maximum length of 256.', 'Minimum length of 1. Maximum length of 255.');
    const e = failure(() => buildDocuments({ docsDir: docs, validate: false }));
    expect(e.message).toContain('connect:BatchUpdateDataTableValue:uri:DataTableId:maxLength');
    expect(e.message).toContain(`${PAGE_000} section "URI Request Parameters > DataTableId"`);
    expect(e.message).toContain('says 255');
    expect(e.message).toMatch(/connect\.service-2\.json shape DataTableId .* says 256/);
  });

  it('an altered error status fails generation', () => {
    const docs = docsCopy();
    editFile(path.join(docs, 'seeds', PAGE_004), 'Thrown if the resource doesn\'t exist.\n\nHTTP Status Code: 404', 'Thrown if the resource doesn\'t exist.\n\nHTTP Status Code: 410');
    const e = failure(() => buildDocuments({ docsDir: docs, validate: false }));
    expect(e.message).toContain('cognito-sync:UpdateRecords:error:ResourceNotFoundException:status');
    expect(e.message).toContain(PAGE_004);
  });

  it('an error the model lacks is an unsettled disagreement without its reconciliation', () => {
    const docs = docsCopy();
    const empty = path.join(docs, 'reconciliation.json');
    fs.writeFileSync(empty, '[]');
    const e = failure(() => buildDocuments({ docsDir: docs, reconciliationFile: empty, validate: false }));
    expect(e.message).toContain('cognito-sync:UpdateRecords:error:LambdaSocketTimeoutException');
    expect(e.message).toContain(`${PAGE_004} section "Errors > LambdaSocketTimeoutException"`);
    expect(e.message).toContain('cognito-sync.service-2.json operation UpdateRecords errors says absent');
  });

  it('a reconciliation that matches no disagreement is reported as stale', () => {
    const docs = docsCopy();
    const list = JSON.parse(fs.readFileSync(defaultReconciliationFile(), 'utf8')) as unknown[];
    list.push({ fact: 'connect:BatchUpdateDataTableValue:uri:InstanceId:maxLength', pageSays: '99', modelSays: '100', winner: 'model', reason: 'test' });
    const file = path.join(docs, 'reconciliation.json');
    fs.writeFileSync(file, JSON.stringify(list));
    const e = failure(() => buildDocuments({ docsDir: docs, reconciliationFile: file, validate: false }));
    expect(e.message).toContain('stale reconciliation');
    expect(e.message).toContain('connect:BatchUpdateDataTableValue:uri:InstanceId:maxLength');
  });

  it('the page wins where reconciled: UpdateRecords keeps LambdaSocketTimeoutException (400)', () => {
    const docs = buildDocuments({ docsDir: docsCopy(), validate: false });
    const op = (docs.get('cognito-sync') as any).paths['/identitypools/{IdentityPoolId}/identities/{IdentityId}/datasets/{DatasetName}'].post;
    expect(op['x-lockstep-errors']).toContainEqual({ shape: 'LambdaSocketTimeoutException', status: 400 });
    expect(op.responses['400'].headers['X-Amzn-ErrorType'].schema.enum).toContain('LambdaSocketTimeoutException');
  });

  it('a model winning a reconciliation leaves the model value in place', () => {
    const docs = docsCopy();
    editFile(path.join(docs, 'seeds', PAGE_000), 'Minimum length of 1. Maximum length of 100.', 'Minimum length of 1. Maximum length of 90.');
    const list = JSON.parse(fs.readFileSync(defaultReconciliationFile(), 'utf8')) as unknown[];
    list.push({ fact: 'connect:BatchUpdateDataTableValue:uri:InstanceId:maxLength', pageSays: '90', modelSays: '100', winner: 'model', reason: 'test' });
    const file = path.join(docs, 'reconciliation.json');
    fs.writeFileSync(file, JSON.stringify(list));
    const out = buildDocuments({ docsDir: docs, reconciliationFile: file, validate: false });
    const op = (out.get('connect') as any).paths['/data-tables/{InstanceId}/{DataTableId}/values/update'].post;
    expect(op.parameters.find((p: any) => p.name === 'InstanceId').schema.maxLength).toBe(100);
    list[list.length - 1] = { ...(list[list.length - 1] as object), winner: 'page' };
    fs.writeFileSync(file, JSON.stringify(list));
    const out2 = buildDocuments({ docsDir: docs, reconciliationFile: file, validate: false });
    const op2 = (out2.get('connect') as any).paths['/data-tables/{InstanceId}/{DataTableId}/values/update'].post;
    expect(op2.parameters.find((p: any) => p.name === 'InstanceId').schema.maxLength).toBe(90);
    // other operations sharing the shape keep the model's constraint
    const create = (out2.get('connect') as any).paths['/data-tables/{InstanceId}/{DataTableId}/values/create'].post;
    expect(create.parameters.find((p: any) => p.name === 'InstanceId').schema.maxLength).toBe(100);
  });

  it('a model lacking a documented operation fails naming the model file', () => {
    const docs = docsCopy();
    const file = path.join(docs, 'models', 'clouddirectory.service-2.json');
    const model = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete model.operations.BatchWrite;
    fs.writeFileSync(file, JSON.stringify(model));
    const e = failure(() => buildDocuments({ docsDir: docs, validate: false }));
    expect(e.message).toContain('clouddirectory.service-2.json');
    expect(e.message).toContain('BatchWrite');
  });

  it('an unrecognised page fails naming the file', () => {
    const docs = docsCopy();
    fs.writeFileSync(path.join(docs, 'seeds', '009_garbage.txt'), 'just some words\nnothing else\n');
    const e = failure(() => buildDocuments({ docsDir: docs, validate: false }));
    expect(e.message).toMatch(/009_garbage\.txt: unrecognised page format/);
  });
});
