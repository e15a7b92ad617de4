// close() must end every socket, so a test using the hostile endpoint can never hang on it;
// and no input, however broken, takes the server down.
import { describe, expect, it } from 'vitest';
import net from 'node:net';
import { Agent, request } from 'undici';
import { HOSTILE_MODES, startHostileServer } from '../../fixtures/hostile/index.js';

/** Sends raw bytes, keeps at most 64 KiB of the answer, and closes once the peer closes or `waitMs` passed. */
function rawExchange(url: string, bytes: Buffer | string, waitMs: number): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname);
    let got = '';
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(got);
    };
    const timer = setTimeout(done, waitMs);
    socket.on('data', (d) => {
      if (got.length < 64 * 1024) got += d.toString('latin1');
    });
    socket.on('error', done);
    socket.on('close', done);
    socket.write(bytes);
  });
}

/** Polls `cond` every 10 ms, giving up after `limitMs`. */
async function until(cond: () => boolean, limitMs: number): Promise<void> {
  const stop = Date.now() + limitMs;
  while (!cond() && Date.now() < stop) await new Promise((r) => setTimeout(r, 10));
}

describe('hostile server lifecycle', () => {
  it('close() ends a connection that is hanging, failing the pending request with a socket error', async () => {
    const server = await startHostileServer({ mode: 'hang' });
    // No client timeout here: only close() can end this request.
    const agent = new Agent({ headersTimeout: 0, bodyTimeout: 0 });
    const pending = request(server.url, { method: 'POST', body: '{}', dispatcher: agent }).then(
      () => 'answered',
      (e: { code?: string }) => e.code ?? 'unknown error',
    );
    await until(() => server.stats.requests > 0, 5_000);
    await server.close();
    expect(['UND_ERR_SOCKET', 'ECONNRESET']).toContain(await pending);
    await agent.destroy();
  });

  it('close() stops a slow drip and a huge body mid-stream', async () => {
    for (const mode of ['slow-drip', 'huge-body'] as const) {
      const server = await startHostileServer({ mode });
      const agent = new Agent({ headersTimeout: 5_000, bodyTimeout: 0 });
      const res = await request(server.url, { method: 'POST', body: '{}', dispatcher: agent });
      expect(res.statusCode).toBe(200);
      const body = res.body.text().then(
        () => 'complete',
        (e: { code?: string; name?: string }) => e.code ?? e.name ?? 'error',
      );
      await server.close();
      expect(await body, mode).not.toBe('complete');
      await agent.destroy();
    }
  });

  it('close() is idempotent and the port stops accepting', async () => {
    const server = await startHostileServer({ mode: 'empty-200' });
    await Promise.all([server.close(), server.close()]);
    const agent = new Agent({ connectTimeout: 2_000 });
    const err = await request(server.url, { dispatcher: agent }).then(
      () => undefined,
      (e: { code?: string }) => e.code,
    );
    expect(err).toBe('ECONNREFUSED');
    await agent.destroy();
  });

  it('survives malformed requests in every mode and still serves the next one', async () => {
    const junk = [Buffer.from([0, 1, 2, 255, 254, 13, 10, 13, 10]), 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: zz\r\n\r\n', 'POST'];
    for (const mode of HOSTILE_MODES) {
      const options = mode === 'lost-response' ? { mode, upstream: 'http://127.0.0.1:9' } : { mode };
      const server = await startHostileServer(options);
      for (const bytes of junk) await rawExchange(server.url, bytes, 100);
      // A well-formed request is still received after the junk.
      const before = server.stats.requests;
      const answer = rawExchange(server.url, 'POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}', 5_000);
      await until(() => server.stats.requests > before, 5_000);
      expect(server.stats.requests, mode).toBe(before + 1);
      await server.close(); // also ends the exchange above, whatever the mode does with it
      await answer;
      await server.close();
    }
  });
});
