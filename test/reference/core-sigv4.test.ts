// Optional SigV4 verification: requests signed by the official SDK clients with the configured
// credentials pass; other signatures, or none, get each service's access-denied error (403).
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CognitoSyncClient, ListRecordsCommand, UpdateRecordsCommand } from '@aws-sdk/client-cognito-sync';
import { ConnectClient, DescribeDataTableCommand } from '@aws-sdk/client-connect';
import { CloudDirectoryClient, CreateSchemaCommand, GetDirectoryCommand } from '@aws-sdk/client-clouddirectory';
import { Sha256 } from '@aws-crypto/sha256-js';
import { HttpRequest } from '@smithy/protocol-http';
import { SignatureV4 } from '@smithy/signature-v4';
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { rawRequest } from './core-http.js';

const GOOD = { accessKeyId: 'AKIDLOCKSTEPTEST', secretAccessKey: 'reference-secret-for-tests' };
const WRONG_SECRET = { ...GOOD, secretAccessKey: 'not-the-secret' };
const WRONG_KEY = { ...GOOD, accessKeyId: 'AKIDSOMEONEELSE' };
const POOL = 'us-east-1:0a0b';
const IDENTITY = 'us-east-1:c0de';

let server: ReferenceServer;
beforeAll(async () => {
  server = await startReferenceServer({ auth: GOOD, log: () => undefined });
});
afterAll(async () => {
  await server.close();
});

const opts = (credentials: typeof GOOD) => ({ endpoint: server.url, region: 'us-east-1', credentials, maxAttempts: 1 });

async function errorName(p: Promise<unknown>): Promise<{ name: string; status?: number }> {
  try {
    await p;
    return { name: 'ok' };
  } catch (e) {
    const err = e as { name: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode };
  }
}

describe('Cognito Sync', () => {
  it('accepts SDK-signed GET and POST (with body) requests', async () => {
    const c = new CognitoSyncClient(opts(GOOD));
    const listed = await c.send(new ListRecordsCommand({ IdentityPoolId: POOL, IdentityId: IDENTITY, DatasetName: 'signed', MaxResults: 5 }));
    const out = await c.send(
      new UpdateRecordsCommand({
        IdentityPoolId: POOL,
        IdentityId: IDENTITY,
        DatasetName: 'signed',
        SyncSessionToken: listed.SyncSessionToken,
        RecordPatches: [{ Op: 'replace', Key: 'k ü/?&=', Value: 'v', SyncCount: 0 }],
      }),
    );
    expect(out.Records?.[0]?.Key).toBe('k ü/?&=');
  });

  it('answers a wrong secret or key with 403 NotAuthorizedException', async () => {
    for (const creds of [WRONG_SECRET, WRONG_KEY]) {
      const c = new CognitoSyncClient(opts(creds));
      const r = await errorName(c.send(new ListRecordsCommand({ IdentityPoolId: POOL, IdentityId: IDENTITY, DatasetName: 'signed' })));
      expect(r).toEqual({ name: 'NotAuthorizedException', status: 403 });
    }
  });

  it('answers an unsigned request with 403 NotAuthorizedException', async () => {
    const r = await rawRequest(server.url, 'GET', `/identitypools/${POOL}/identities/${IDENTITY}/datasets/signed/records`);
    expect(r.status).toBe(403);
    expect(r.headers['x-amzn-errortype']).toBe('NotAuthorizedException');
    expect(typeof r.json.message).toBe('string');
  });

  it('accepts a hand-signed request and refuses the same signature over another body', async () => {
    const path = `/identitypools/${POOL}/identities/${IDENTITY}/datasets/hand`;
    const listed = await new CognitoSyncClient(opts(GOOD)).send(new ListRecordsCommand({ IdentityPoolId: POOL, IdentityId: IDENTITY, DatasetName: 'hand' }));
    const body = (value: string) =>
      JSON.stringify({ SyncSessionToken: listed.SyncSessionToken, RecordPatches: [{ Op: 'replace', Key: 'k', Value: value, SyncCount: 0 }] });
    const url = new URL(server.url);
    const signer = new SignatureV4({ credentials: GOOD, region: 'us-east-1', service: 'cognito-sync', sha256: Sha256 });
    const signed = await signer.sign(
      new HttpRequest({ method: 'POST', protocol: 'http:', hostname: url.host, path, headers: { host: url.host, 'content-type': 'application/json' }, body: body('a') }),
    );
    const headers = signed.headers as Record<string, string>;
    const tampered = await rawRequest(server.url, 'POST', path, body('b'), headers);
    expect(tampered.status).toBe(403);
    expect(tampered.headers['x-amzn-errortype']).toBe('NotAuthorizedException');
    const genuine = await rawRequest(server.url, 'POST', path, body('a'), headers);
    expect(genuine.status).toBe(200);
    expect(genuine.json.Records[0].Value).toBe('a');
  });
});

describe('Connect and Cloud Directory', () => {
  it('Connect: a signed request reaches the service (percent-encoded path segment included)', async () => {
    const c = new ConnectClient(opts(GOOD));
    const r = await errorName(c.send(new DescribeDataTableCommand({ InstanceId: 'instance-1', DataTableId: 'no-such-table:$LATEST' })));
    expect(r.status).not.toBe(403);
    expect(r.name).toBe('ResourceNotFoundException');
  });

  it('Connect: a wrong secret gives 403 AccessDeniedException', async () => {
    const c = new ConnectClient(opts(WRONG_SECRET));
    const r = await errorName(c.send(new DescribeDataTableCommand({ InstanceId: 'instance-1', DataTableId: 'no-such-table' })));
    expect(r).toEqual({ name: 'AccessDeniedException', status: 403 });
  });

  it('Cloud Directory: a wrong secret gives 403 AccessDeniedException, the right one passes the check', async () => {
    const arn = 'arn:aws:clouddirectory:us-east-1:123456789012:directory/AbCdEf';
    const bad = await errorName(new CloudDirectoryClient(opts(WRONG_SECRET)).send(new GetDirectoryCommand({ DirectoryArn: arn })));
    expect(bad).toEqual({ name: 'AccessDeniedException', status: 403 });
    // CreateSchema touches no directory, so an access-denied answer could only come from the signature check.
    const good = await errorName(new CloudDirectoryClient(opts(GOOD)).send(new CreateSchemaCommand({ Name: 'sigv4-check' })));
    expect(good.name).not.toBe('AccessDeniedException');
  });
});

describe('forged Authorization headers', () => {
  it('are always a 403 of the service, never a 5xx (fixed seed)', async () => {
    const hex = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
    const headerName = fc.constantFrom('host', 'x-amz-date', 'content-type', 'x-amz-content-sha256', 'user-agent', 'authorization', 'x-missing');
    const wellFormed = fc
      .record({ key: fc.constantFrom(GOOD.accessKeyId, 'AKIDOTHER'), service: fc.constantFrom('cognito-sync', 'connect', 's3'), signed: fc.uniqueArray(headerName, { minLength: 1, maxLength: 5 }), sig: hex })
      .map((a) => `AWS4-HMAC-SHA256 Credential=${a.key}/20261122/us-east-1/${a.service}/aws4_request, SignedHeaders=${a.signed.join(';')}, Signature=${a.sig}`);
    const printable = fc.string({ unit: fc.constantFrom(...'AWS4-HMAC-SHA256 Credential=/,;abc0123xyz'), maxLength: 120 });
    await fc.assert(
      fc.asyncProperty(fc.oneof(wellFormed, printable), fc.constantFrom('20261122T120000Z', 'garbage', ''), async (authorization, date) => {
        const headers: Record<string, string> = { authorization };
        if (date) headers['x-amz-date'] = date;
        const r = await rawRequest(server.url, 'GET', `/identitypools/${POOL}/identities/${IDENTITY}/datasets/forged/records`, undefined, headers);
        expect(r.status).toBe(403);
        expect(r.headers['x-amzn-errortype']).toBe('NotAuthorizedException');
      }),
      { seed: 4242, numRuns: 120 },
    );
    expect(server.internalErrors()).toBe(0);
  });
});
