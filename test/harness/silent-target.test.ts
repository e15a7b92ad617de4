// The silent-target guard: after TIMEOUT_STREAK timeouts in a row at one origin, requests there get a
// short deadline (and say so), until a request there is answered again. Asserted on the deadline
// each timeout message names, not on durations.
import { existsSync, mkdtempSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { request } from '../../suites/harness/builders.js';
import { TIMEOUT_STREAK, deadlineFor, forgetStreaks, noteOutcome, sharedMarkFile, shortDeadlineMs } from '../../suites/harness/silent-target.js';
import { CONTEXT_ENV } from '../../suites/harness/run-context.js';
import { Transport } from '../../suites/harness/transport.js';

/** A server that hangs while `hang` is set and otherwise answers 200 {}. */
async function switchable(): Promise<{ url: string; setHang(on: boolean): void; close(): Promise<void> }> {
  let hang = true;
  const server = http.createServer((req, res) => {
    req.resume();
    if (hang) return; // never answered
    res.writeHead(200, { 'content-type': 'application/json', 'x-amzn-RequestId': 'r' });
    res.end('{}');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    setHang: (on) => void (hang = on),
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c();
});

const describeReq = () => request('connect', 'DescribeDataTable', { path: { InstanceId: 'i', DataTableId: 't' } });

describe('deadlines (no network)', () => {
  it('a tenth of the timeout, at least 200 ms, never more than the timeout', () => {
    expect(shortDeadlineMs(10_000)).toBe(1_000);
    expect(shortDeadlineMs(1_000)).toBe(200);
    expect(shortDeadlineMs(150)).toBe(150);
  });

  it('shortened only after the streak, per origin, and reset by any answer', () => {
    const a = 'http://silent-a.invalid';
    const b = 'http://silent-b.invalid';
    for (let i = 0; i < TIMEOUT_STREAK; i++) {
      expect(deadlineFor(a, 10_000)).toEqual({ ms: 10_000 });
      noteOutcome(a, true);
    }
    expect(deadlineFor(a, 10_000).ms).toBe(1_000);
    expect(deadlineFor(a, 10_000).shortened).toMatch(/last 3 requests to this target timed out/);
    expect(deadlineFor(b, 10_000)).toEqual({ ms: 10_000 });
    noteOutcome(a, false);
    expect(deadlineFor(a, 10_000)).toEqual({ ms: 10_000 });
  });
});

describe('across worker processes of one run (the mark beside the context file)', () => {
  it('a worker that found the target silent marks it; another worker shortens after its first timeout; an answer clears the mark', () => {
    const saved = process.env[CONTEXT_ENV];
    process.env[CONTEXT_ENV] = path.join(mkdtempSync(path.join(os.tmpdir(), 'lockstep-silent-')), 'context.json');
    try {
      const origin = 'http://silent-shared.invalid';
      const mark = sharedMarkFile(origin)!;
      for (let i = 0; i < TIMEOUT_STREAK; i++) noteOutcome(origin, true);
      expect(existsSync(mark)).toBe(true);

      forgetStreaks(); // as a second worker
      expect(deadlineFor(origin, 10_000)).toEqual({ ms: 10_000 }); // its first request still gets the full deadline
      noteOutcome(origin, true);
      expect(deadlineFor(origin, 10_000).ms).toBe(1_000);

      noteOutcome(origin, false);
      expect(existsSync(mark)).toBe(false);
      forgetStreaks();
      noteOutcome(origin, true);
      expect(deadlineFor(origin, 10_000)).toEqual({ ms: 10_000 });
    } finally {
      if (saved === undefined) delete process.env[CONTEXT_ENV];
      else process.env[CONTEXT_ENV] = saved;
      forgetStreaks();
    }
  });

  it('outside a run there is no mark', () => {
    expect(sharedMarkFile('http://x.invalid', {})).toBeUndefined();
  });
});

describe('through the transport', () => {
  it('a hanging target gets short deadlines after the streak; an answer restores the full one', async () => {
    const s = await switchable();
    closers.push(s.close);
    const other = await switchable();
    closers.push(other.close);
    const t = new Transport({ client: 'silent', baseUrl: s.url, timeoutMs: 600 });
    closers.push(() => t.close());
    const messages: string[] = [];
    for (let i = 0; i < TIMEOUT_STREAK + 1; i++) {
      const r = await t.send(describeReq());
      expect(r.kind).toBe('timeout');
      messages.push(r.kind === 'timeout' ? r.message : '');
    }
    for (const m of messages.slice(0, TIMEOUT_STREAK)) expect(m).toBe('no complete response within 600 ms');
    expect(messages[TIMEOUT_STREAK]).toBe('no complete response within 200 ms (shortened from 600 ms: the last 3 requests to this target timed out)');

    // Another origin is judged on its own.
    const t2 = new Transport({ client: 'silent-2', baseUrl: other.url, timeoutMs: 600 });
    closers.push(() => t2.close());
    const first = await t2.send(describeReq());
    expect(first.kind === 'timeout' && first.message).toBe('no complete response within 600 ms');

    // The target answers again: the answer gets through and the full deadline is back.
    s.setHang(false);
    const answered = await t.send(describeReq());
    expect(answered.kind).toBe('response');
    s.setHang(true);
    const again = await t.send(describeReq());
    expect(again.kind === 'timeout' && again.message).toBe('no complete response within 600 ms');
  }, 30_000);
});
