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

class TooLarge extends Error {}

export class Transport {
  private readonly pool: Pool;
  private readonly prefix: string;
  private readonly origin: number;
  readonly baseUrl: string;

  constructor(private readonly opts: TransportOptions) {
    const u = new URL(opts.baseUrl);
    this.baseUrl = opts.baseUrl;
    this.prefix = u.pathname.replace(/\/+$/, '');
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
    const url = new URL(fullPath, this.baseUrl);
    let headers: Record<string, string> = { ...req.headers };
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    if (this.opts.signer) headers = await this.opts.signer({ method: req.method, url, headers, body: req.body });

    const exchange: Exchange = {
      client: this.opts.client,
      operation: req.operation,
      request: { method: req.method, url: redactUrl(url.toString()), headers: redactHeaders(headers), ...(req.body !== undefined ? { body: req.body } : {}) },
      callTime: this.now(),
      returnTime: 0,
    };
    const done = <T extends HttpResult>(r: T): T => {
      exchange.returnTime = this.now();
      this.opts.observe?.(exchange);
      return r;
    };

    const controller = new AbortController();
    let deadlineHit = false;
    const timer = setTimeout(() => {
      deadlineHit = true;
      controller.abort();
    }, this.opts.timeoutMs);
    let res: Dispatcher.ResponseData | undefined;
    try {
      res = await this.pool.request({
        method: req.method as Dispatcher.HttpMethod,
        path: fullPath,
        headers,
        body: req.body,
        signal: controller.signal,
      });
      const max = this.opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of res.body) {
        size += (chunk as Buffer).length;
        if (size > max) throw new TooLarge(`response larger than ${max} bytes`);
        chunks.push(chunk as Buffer);
      }
      const body = Buffer.concat(chunks).toString('utf8');
      const rh = flattenHeaders(res.headers as Record<string, string | string[] | undefined>);
      exchange.response = { status: res.statusCode, headers: redactHeaders(rh), body: clip(body) };
      let json: unknown;
      if (body.trim() !== '') {
        try {
          json = JSON.parse(body);
        } catch {
          json = undefined;
        }
      }
      return done({ kind: 'response', status: res.statusCode, headers: rh, body, json, exchange });
    } catch (e) {
      if (res) {
        // destroy() emits 'error' on the stream; without a listener that would crash the process.
        res.body.on('error', () => undefined);
        res.body.destroy();
      }
      const kind: FailureKind = e instanceof TooLarge ? 'too-large' : classifyError(e, deadlineHit);
      const message = kind === 'timeout' && deadlineHit ? `no complete response within ${this.opts.timeoutMs} ms` : (e as Error)?.message ?? String(e);
      exchange.error = `${kind}: ${message}`;
      return done({ kind, message, exchange });
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    // destroy rather than close: a hung server must not keep the run waiting.
    await this.pool.destroy().catch(() => undefined);
  }
}
