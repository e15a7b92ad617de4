// Each self-contained hostile mode, seen from an undici client with short timeouts. Assertions are
// on the kind of failure (error codes, statuses, parse errors), never on how long anything took.
import { afterEach, describe, expect, it } from 'vitest';
import type { Agent } from 'undici';
import { startHostileServer, type HostileOptions, type HostileServer } from '../../fixtures/hostile/index.js';
import { caught, post, shortAgent } from './helpers.js';

const open: Array<{ server: HostileServer; agent: Agent }> = [];

async function setup(options: HostileOptions, agentOptions: Parameters<typeof shortAgent>[0] = {}) {
  const server = await startHostileServer(options);
  const agent = shortAgent(agentOptions);
  open.push({ server, agent });
  return { server, agent };
}

afterEach(async () => {
  for (const { server, agent } of open.splice(0)) {
    await agent.destroy().catch(() => {});
    await server.close();
  }
});

describe('hostile endpoint modes', () => {
  it('listens on 127.0.0.1 with an OS-chosen port', async () => {
    const { server } = await setup({ mode: 'empty-200' });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(Number(new URL(server.url).port)).toBeGreaterThan(0);
  });

  it('hang: the request is received but no header ever comes (headers timeout)', async () => {
    const { server, agent } = await setup({ mode: 'hang' });
    const err = await caught(() => post(server.url, agent));
    expect(err.code).toBe('UND_ERR_HEADERS_TIMEOUT');
    expect(server.stats.requests).toBe(1);
  });

  it('reset: the connection is torn down after the request is read', async () => {
    const { server, agent } = await setup({ mode: 'reset' });
    const err = await caught(() => post(server.url, agent));
    const code = err.code ?? err.cause?.code;
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(code);
    expect(server.stats.requests).toBe(1);
  });

  it('garbage: the answer is not HTTP (parser error)', async () => {
    const { server, agent } = await setup({ mode: 'garbage' });
    const err = await caught(() => post(server.url, agent));
    expect(err.name).toBe('HTTPParserError');
  });

  it('slow-drip: headers arrive, then the body stalls past the body timeout', async () => {
    const { server, agent } = await setup({ mode: 'slow-drip' }); // one byte per second
    const res = await post(server.url, agent);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const err = await caught(() => res.body.text());
    expect(err.code).toBe('UND_ERR_BODY_TIMEOUT');
  });

  it('slow-drip: with a patient client the dripped body is complete and valid', async () => {
    const { server, agent } = await setup(
      { mode: 'slow-drip', dripIntervalMs: 5, dripBody: '{"Records":[]}' },
      { bodyTimeout: 30_000 },
    );
    const res = await post(server.url, agent);
    expect(await res.body.json()).toEqual({ Records: [] });
  });

  it('huge-body: claims gigabytes; a client with a size cap stops with a size error', async () => {
    const { server, agent } = await setup({ mode: 'huge-body' }, { maxResponseSize: 1024 * 1024 });
    const err = await caught(async () => {
      const res = await post(server.url, agent);
      await res.body.text();
    });
    expect(err.code).toBe('UND_ERR_RES_EXCEEDED_MAX_SIZE');
  });

  it('huge-body: the body really streams (more than a megabyte read, then the client leaves)', async () => {
    const { server, agent } = await setup({ mode: 'huge-body' }, { bodyTimeout: 30_000 });
    const res = await post(server.url, agent);
    expect(res.statusCode).toBe(200);
    expect(Number(res.headers['content-length'])).toBe(8 * 1024 * 1024 * 1024);
    let read = 0;
    for await (const chunk of res.body) {
      read += (chunk as Buffer).length;
      if (read > 2 * 1024 * 1024) break; // leaving the loop destroys the body stream
    }
    expect(read).toBeGreaterThan(2 * 1024 * 1024);
  });

  it('wrong-content-type: 200 with an HTML page', async () => {
    const { server, agent } = await setup({ mode: 'wrong-content-type' });
    const res = await post(server.url, agent);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    const text = await res.body.text();
    expect(text).toMatch(/^<!DOCTYPE html>/);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('invalid-json: 200 application/json whose body does not parse', async () => {
    const { server, agent } = await setup({ mode: 'invalid-json' });
    const res = await post(server.url, agent);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    const text = await res.body.text();
    expect(text.length).toBeGreaterThan(0);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('500-everything: every method and path gets a 500', async () => {
    const { server, agent } = await setup({ mode: '500-everything' });
    const statuses: number[] = [];
    for (const [method, path] of [
      ['POST', '/data-tables/i/t/values/create'],
      ['PUT', '/amazonclouddirectory/2017-01-11/batchwrite'],
      ['GET', '/identitypools/us-east-1:1/identities/us-east-1:2/datasets/d/records'],
      ['DELETE', '/nothing/here'],
    ] as const) {
      const res = await agent.request({ origin: server.url, method, path, body: method === 'GET' ? undefined : '{}' });
      statuses.push(res.statusCode);
      await res.body.dump();
    }
    expect(statuses).toEqual([500, 500, 500, 500]);
    expect(server.stats.requests).toBe(4);
  });

  it('empty-200: 200 that says JSON and carries nothing', async () => {
    const { server, agent } = await setup({ mode: 'empty-200' });
    const res = await post(server.url, agent);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(await res.body.text()).toBe('');
  });
});
