// HTTP transport on undici. One Pool per logical client; explicit connect/headers/body timeouts
// plus an overall deadline; a cap on the response size; never retries (a retried write would be a
// second operation). Every exchange is recorded, secrets redacted; transport failures are results.
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { Exchange } from './verdict.js';
import { redactHeaders, redactUrl } from './redact.js';
import type { Signer } from './signing.js';

export type FailureKind = 'timeout' | 'reset' | 'garbage' | 'too-large' | 'refused' | 'error';

export interface HttpResponse {
  kind: 'response';
  status: number;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  body: string;
  /** Parsed body when it is JSON; undefined when empty or not JSON. */
  json?: unknown;
  exchange: Exchange;
}

export interface HttpFailure {
  kind: FailureKind;
  message: string;
  exchange: Exchange;
}

export type HttpResult = HttpResponse | HttpFailure;

export interface OutgoingRequest {
  operation: string;
  method: string;
  /** Path and query, already percent-encoded, relative to the base URL. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface TransportOptions {
  /** Logical client name, recorded on every exchange. */
  client: string;
  baseUrl: string;
  timeoutMs: number;
  /** Abort a response past this many bytes. */
  maxResponseBytes?: number;
  /** Parallel connections of this client's pool. */
  connections?: number;
  signer?: Signer;
  /** Epoch milliseconds the exchange times count from. */
  origin?: number;
  /** Sees every exchange (e.g. the verdict recorder, a history recorder). */
  observe?: (e: Exchange) => void;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 8 * 1024 * 1024;
/** Recorded response bodies are cut here so reports stay readable. */
const RECORDED_BODY_LIMIT = 256 * 1024;

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED', 'ECONNABORTED']);
const REFUSED_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);

/** Classifies an undici/socket error. */
export function classifyError(e: unknown, deadlineHit: boolean): FailureKind {
  if (deadlineHit) return 'timeout';
  const err = e as { code?: string; name?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code ?? '';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  if (RESET_CODES.has(code)) return 'reset';
  if (REFUSED_CODES.has(code)) return 'refused';
  if (code.startsWith('HPE_') || code === 'UND_ERR_RES_CONTENT_LENGTH_MISMATCH' || err?.name === 'HTTPParserError') return 'garbage';
  return 'error';
}

function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function clip(s: string): string {
  return s.length > RECORDED_BODY_LIMIT ? s.slice(0, RECORDED_BODY_LIMIT) + `…[${s.length - RECORDED_BODY_LIMIT} more characters]` : s;
}

type RawOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }
  | { kind: FailureKind; message: string };

export class Transport {
  private readonly pool: Pool;
  private readonly prefix: string;
  private readonly origin: number;
  private readonly originUrl: string;
  readonly baseUrl: string;

  constructor(private readonly opts: TransportOptions) {
    const u = new URL(opts.baseUrl);
    this.baseUrl = opts.baseUrl;
    this.prefix = u.pathname.replace(/\/+$/, '');
    this.originUrl = u.origin;
    this.origin = opts.origin ?? performance.timeOrigin;
    this.pool = new Pool(u.origin, {
      connections: opts.connections ?? 4,
      pipelining: 1,
      connectTimeout: opts.timeoutMs,
      headersTimeout: opts.timeoutMs,
      bodyTimeout: opts.timeoutMs,
      keepAliveTimeout: 4_000,
    });
  }

  private now(): number {
    return performance.timeOrigin + performance.now() - this.origin;
  }

  async send(req: OutgoingRequest): Promise<HttpResult> {
    const fullPath = this.prefix + req.path;
    const url = this.originUrl + fullPath;
    let headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    if (this.opts.signer) headers = await this.opts.signer({ method: req.method, url: new URL(url), headers, body: req.body });

    const exchange: Exchange = {
      client: this.opts.client,
      operation: req.operation,
      request: { method: req.method, url: redactUrl(url), headers: redactHeaders(headers), ...(req.body !== undefined ? { body: req.body } : {}) },
      callTime: this.now(),
      returnTime: 0,
    };
    const done = <T extends HttpResult>(r: T): T => {
      exchange.returnTime = this.now();
      this.opts.observe?.(exchange);
      return r;
    };

    const raw = await this.exchange(req.method, fullPath, headers, req.body);
    if (raw.kind !== 'response') {
      exchange.error = `${raw.kind}: ${raw.message}`;
      return done({ kind: raw.kind, message: raw.message, exchange });
    }
    const body = raw.body.toString('utf8');
    const rh = flattenHeaders(raw.headers);
    exchange.response = { status: raw.status, headers: redactHeaders(rh), body: clip(body) };
    let json: unknown;
    if (body.length > 0) {
      try {
        json = JSON.parse(body);
      } catch {
        json = undefined;
      }
    }
    return done({ kind: 'response', status: raw.status, headers: rh, body, json, exchange });
  }

  /**
   * One request on the pool through undici's dispatch API (no stream per response: this path is
   * hot in concurrency tests). Settles exactly once: response, transport error, size cap, or the
   * overall deadline (which also aborts the request once undici has started it).
   */
  private exchange(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<RawOutcome> {
    const max = this.opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const timeoutMs = this.opts.timeoutMs;
    return new Promise<RawOutcome>((resolve) => {
      let settled = false;
      let controller: Dispatcher.DispatchController | undefined;
      let status = 0;
      let responseHeaders: Record<string, string | string[] | undefined> = {};
      const chunks: Buffer[] = [];
      let size = 0;
      const finish = (r: RawOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      const timer = setTimeout(() => {
        // Settle first: abort() reports back through onResponseError synchronously.
        finish({ kind: 'timeout', message: `no complete response within ${timeoutMs} ms` });
        controller?.abort(new Error('deadline'));
      }, timeoutMs);
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart(c) {
          controller = c;
          if (settled) c.abort(new Error('deadline'));
        },
        onResponseStart(_c, statusCode, h) {
          status = statusCode;
          responseHeaders = h as Record<string, string | string[] | undefined>;
        },
        onResponseData(c, chunk) {
          size += chunk.length;
          if (size > max) {
            finish({ kind: 'too-large', message: `response larger than ${max} bytes` });
            c.abort(new Error('too large'));
            return;
          }
          chunks.push(chunk);
        },
        onResponseEnd() {
          finish({ kind: 'response', status, headers: responseHeaders, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks) });
        },
        onResponseError(_c, err) {
          finish({ kind: classifyError(err, false), message: err?.message ?? String(err) });
        },
      };
      try {
        this.pool.dispatch({ method: method as Dispatcher.HttpMethod, path, headers, body, headersTimeout: timeoutMs, bodyTimeout: timeoutMs }, handler);
      } catch (e) {
        finish({ kind: classifyError(e, false), message: (e as Error)?.message ?? String(e) });
      }
    });
  }

  async close(): Promise<void> {
    // destroy rather than close: a hung server must not keep the run waiting.
    await this.pool.destroy().catch(() => undefined);
  }
}
