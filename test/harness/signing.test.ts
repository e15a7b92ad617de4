// SigV4 from the harness is accepted by a verifying server, including labels with / : and $.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { request } from '../../suites/harness/builders.js';
import { decodeError } from '../../suites/harness/errors.js';
import { createSigner } from '../../suites/harness/signing.js';
import { Transport, type HttpResult } from '../../suites/harness/transport.js';

const creds = { accessKeyId: 'AKIDHARNESSSIGNING01', secretAccessKey: 'harness/signing+secret=0123456789abcdef' };
let ref: ReferenceServer;
const transports: Transport[] = [];

beforeAll(async () => {
  ref = await startReferenceServer({ port: 0, auth: creds, log: () => undefined });
});
afterAll(async () => {
  for (const t of transports) await t.close();
  await ref.close();
});

function client(service: 'connect' | 'cognito-sync' | 'clouddirectory', secret = creds.secretAccessKey): Transport {
  const t = new Transport({ client: 'sig', baseUrl: ref.url, timeoutMs: 10_000, signer: createSigner(service, 'us-east-1', { ...creds, secretAccessKey: secret }) });
  transports.push(t);
  return t;
}

const code = (r: HttpResult) => (r.kind === 'response' ? `${r.status} ${decodeError(r.headers, r.json).code ?? ''}`.trim() : r.kind);

describe('SigV4 signing', () => {
  test('signed Connect calls pass verification, with an ARN:$LATEST label', async () => {
    const c = client('connect');
    const created = await c.send(request('connect', 'CreateDataTable', { path: { InstanceId: 'inst-sig' }, body: { Name: 'signed', TimeZone: 'UTC', ValueLockLevel: 'NONE', Status: 'PUBLISHED' } }));
    expect(code(created)).toBe('200');
    const arn = (created.kind === 'response' ? (created.json as { Arn: string }).Arn : '') + ':$LATEST';
    expect(arn).toMatch(/^arn:.*\/.*:\$LATEST$/);
    const d = await c.send(request('connect', 'DescribeDataTable', { path: { InstanceId: 'inst-sig', DataTableId: arn } }));
    expect(code(d)).toBe('200');
  });

  test('signed calls with a query string and with a header binding pass', async () => {
    const s = await client('cognito-sync').send(
      request('cognito-sync', 'ListRecords', { path: { IdentityPoolId: 'us-east-1:0000-aaaa', IdentityId: 'us-east-1:1111-bbbb', DatasetName: 'sig.ds' }, query: { maxResults: 3, nextToken: undefined } }),
    );
    expect(code(s)).toBe('200');
    const dir = await client('clouddirectory').send(request('clouddirectory', 'CreateSchema', { body: { Name: 'signed-schema' } }));
    expect(code(dir)).toBe('200');
  });

  test('a wrong secret is refused (the check above is not vacuous)', async () => {
    const r = await client('connect', 'not-the-secret').send(request('connect', 'DescribeDataTable', { path: { InstanceId: 'inst-sig', DataTableId: 'x' } }));
    expect(code(r)).toBe('403 AccessDeniedException');
  });
});
