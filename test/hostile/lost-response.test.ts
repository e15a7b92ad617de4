// lost-response: the write reaches the upstream and applies, the client's answer is dropped.
import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Agent } from 'undici';
import { startHostileServer, type HostileServer } from '../../fixtures/hostile/index.js';
import { caught, post, shortAgent } from './helpers.js';

/** A tiny upstream that counts the writes it applied and echoes the request back. */
async function counterUpstream() {
  const applied: Array<{ method?: string; url?: string; body: string; header?: string }> = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => (body += c));
    req.on('end', () => {
      applied.push({ method: req.method, url: req.url, body, header: req.headers['x-test'] as string | undefined });
      res.writeHead(201, { 'content-type': 'application/json', 'x-amzn-requestid': `req-${applied.length}` });
      res.end(JSON.stringify({ applied: applied.length, echo: body }));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
  return { url, applied, close };
}

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c().catch(() => {});
});

async function setup(dropEvery?: number) {
  const upstream = await counterUpstream();
  cleanups.push(upstream.close);
  const hostile: HostileServer = await startHostileServer({ mode: 'lost-response', upstream: upstream.url, dropEvery });
  cleanups.push(() => hostile.close());
  const agent: Agent = shortAgent({ headersTimeout: 5_000, bodyTimeout: 5_000 });
  cleanups.push(() => agent.destroy());
  return { upstream, hostile, agent };
}

describe('lost-response', () => {
  it('applies the write upstream, then drops the connection instead of answering', async () => {
    const { upstream, hostile, agent } = await setup();
    const err = await caught(() => post(hostile.url, agent, '{"Values":[1]}'));
    expect(['ECONNRESET', 'UND_ERR_SOCKET']).toContain(err.code ?? err.cause?.code);
    expect(upstream.applied).toEqual([
      { method: 'POST', url: '/data-tables/i/t/values/update', body: '{"Values":[1]}', header: undefined },
    ]);
    expect(hostile.stats).toEqual({ requests: 1, forwarded: 0, dropped: 1 });
  });

  it('dropEvery: 2 passes odd requests through unchanged and drops even ones', async () => {
    const { upstream, hostile, agent } = await setup(2);
    const outcomes: string[] = [];
    for (let i = 1; i <= 4; i++) {
      try {
        const res = await agent.request({
          origin: hostile.url,
          method: 'PUT',
          path: `/thing/${i}?q=${i}`,
          headers: { 'content-type': 'application/json', 'x-test': `h${i}` },
          body: `{"n":${i}}`,
        });
        const json = (await res.body.json()) as { applied: number; echo: string };
        outcomes.push(`${res.statusCode} ${res.headers['x-amzn-requestid']} ${json.applied} ${json.echo}`);
      } catch (e) {
        const err = e as { code?: string };
        outcomes.push(`lost ${err.code}`);
      }
    }
    expect(outcomes[0]).toBe('201 req-1 1 {"n":1}');
    expect(outcomes[1]).toMatch(/^lost (ECONNRESET|UND_ERR_SOCKET)$/);
    expect(outcomes[2]).toBe('201 req-3 3 {"n":3}');
    expect(outcomes[3]).toMatch(/^lost (ECONNRESET|UND_ERR_SOCKET)$/);
    // Every request, dropped or not, was applied upstream, with its path, query and headers.
    expect(upstream.applied.map((a) => `${a.method} ${a.url} ${a.header} ${a.body}`)).toEqual([
      'PUT /thing/1?q=1 h1 {"n":1}',
      'PUT /thing/2?q=2 h2 {"n":2}',
      'PUT /thing/3?q=3 h3 {"n":3}',
      'PUT /thing/4?q=4 h4 {"n":4}',
    ]);
    expect(hostile.stats).toEqual({ requests: 4, forwarded: 2, dropped: 2 });
  });

  it('answers 502 when the upstream cannot be reached', async () => {
    const upstream = await counterUpstream();
    await upstream.close(); // nothing listens there any more
    const hostile = await startHostileServer({ mode: 'lost-response', upstream: upstream.url });
    cleanups.push(() => hostile.close());
    const agent = shortAgent({ headersTimeout: 5_000 });
    cleanups.push(() => agent.destroy());
    const res = await post(hostile.url, agent);
    expect(res.statusCode).toBe(502);
    expect(await res.body.text()).toMatch(/upstream failed/);
  });

  it('refuses bad options instead of starting', async () => {
    await expect(startHostileServer({ mode: 'lost-response' })).rejects.toThrow(/upstream/);
    await expect(startHostileServer({ mode: 'lost-response', upstream: 'ftp://x' })).rejects.toThrow(/http:/);
    await expect(
      startHostileServer({ mode: 'lost-response', upstream: 'http://127.0.0.1:9', dropEvery: 0 }),
    ).rejects.toThrow(/dropEvery/);
    await expect(startHostileServer({ mode: 'nope' as never })).rejects.toThrow(/unknown hostile mode/);
  });
});
