// Reachability probe run before any suite: one short request per distinct target. Any HTTP answer
// (even 403 or 404) means reachable; a refused/timed-out/garbled connection is a usage error.
import { request } from 'undici';

export interface ProbeResult {
  url: string;
  reachable: boolean;
  reason?: string;
}

export async function probe(url: string, timeoutMs = 2_000): Promise<ProbeResult> {
  try {
    const res = await request(url, {
      method: 'GET',
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      signal: AbortSignal.timeout(timeoutMs),
      // undici's connect timeout rides on the dispatcher; the signal bounds the whole exchange.
    });
    // Discard the body; an error while discarding does not make the target unreachable.
    await res.body.dump({ limit: 64 * 1024 }).catch(() => undefined);
    return { url, reachable: true };
  } catch (e) {
    const err = e as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
    const code = err.code ?? err.cause?.code;
    const reason =
      err.name === 'TimeoutError' || err.name === 'AbortError' ? `no answer within ${timeoutMs} ms` : code ? `${code}${err.message ? ` (${err.message})` : ''}` : (err.message ?? String(e));
    return { url, reachable: false, reason };
  }
}

export async function probeAll(urls: string[], timeoutMs?: number): Promise<ProbeResult[]> {
  return Promise.all([...new Set(urls)].map((u) => probe(u, timeoutMs)));
}
