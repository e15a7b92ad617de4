// HTTP transport on undici. One Pool per logical client; explicit connect/headers/body timeouts
// plus an overall deadline; a cap on the response size; never retries (a retried write would be a
// second operation). Every exchange is recorded, secrets redacted; transport failures are results.
import { Pool } from 'undici';
import type { Dispatcher } from 'undici';
import type { Exchange } from './verdict.js';
import { redactHeaders, redactUrl } from './redact.js';
import type { Signer } from './signing.js';
import { deadlineFor, noteOutcome, type Deadline } from './silent-target.js';

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

/** Response headers with lower-cased names; repeated headers joined (undici already lower-cases). */
function flattenHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in h) {
    const v = h[k];
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function clip(s: string): string {
  return s.length > RECORDED_BODY_LIMIT ? s.slice(0, RECORDED_BODY_LIMIT) + `…[${s.length - RECORDED_BODY_LIMIT} more characters]` : s;
}

type RawOutcome =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }
  | { kind: FailureKind; message: string };

const EMPTY = Buffer.alloc(0);

/**
 * The undici handler of one request, as a class (no per-request closures on this hot path).
 * Settles exactly once: response, transport error, size cap, or the overall deadline (which also
 * aborts the request once undici has started it).
 */
class ExchangeHandler implements Dispatcher.DispatchHandler {
  private settled = false;
  private controller: Dispatcher.DispatchController | undefined;
  private status = 0;
  private headers: Record<string, string | string[] | undefined> = {};
  /** The first chunk is kept alone: most bodies arrive in one, so no concat. */
  private first: Buffer | undefined;
  private rest: Buffer[] | undefined;
  private size = 0;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly resolve: (r: RawOutcome) => void,
    private readonly max: number,
    private readonly deadline: Deadline,
    /** Where the outcome is noted for the silent-target guard. */
    private readonly origin: string,
  ) {
    this.timer = setTimeout(ExchangeHandler.onDeadline, deadline.ms, this);
  }

  private static onDeadline(h: ExchangeHandler): void {
    // Settle first: abort() reports back through onResponseError synchronously.
    const why = h.deadline.shortened ? ` (${h.deadline.shortened})` : '';
    h.finish({ kind: 'timeout', message: `no complete response within ${h.deadline.ms} ms${why}` });
    h.controller?.abort(new Error('deadline'));
  }

  finish(r: RawOutcome): void {
    if (this.settled) return;
    this.settled = true;
    clearTimeout(this.timer);
    noteOutcome(this.origin, r.kind === 'timeout');
    this.resolve(r);
  }

  onRequestStart(c: Dispatcher.DispatchController): void {
    this.controller = c;
    if (this.settled) c.abort(new Error('deadline'));
  }

  onResponseStart(_c: Dispatcher.DispatchController, statusCode: number, h: Record<string, string | string[] | undefined>): void {
    this.status = statusCode;
    this.headers = h;
  }

  onResponseData(c: Dispatcher.DispatchController, chunk: Buffer): void {
    this.size += chunk.length;
    if (this.size > this.max) {
      this.finish({ kind: 'too-large', message: `response larger than ${this.max} bytes` });
      c.abort(new Error('too large'));
      return;
    }
    if (this.first === undefined) this.first = chunk;
    else (this.rest ??= [this.first]).push(chunk);
  }

  onResponseEnd(): void {
    const body = this.rest ? Buffer.concat(this.rest, this.size) : (this.first ?? EMPTY);
    this.finish({ kind: 'response', status: this.status, headers: this.headers, body });
  }

  onResponseError(_c: Dispatcher.DispatchController, err: Error): void {
    this.finish({ kind: classifyError(err, false), message: err?.message ?? String(err) });
  }
}

export class Transport {
  private readonly pool: Pool;
  private readonly prefix: string;
  private readonly origin: number;
  private readonly originUrl: string;
  private readonly maxResponseBytes: number;
  readonly baseUrl: string;

  constructor(private readonly opts: TransportOptions) {
    const u = new URL(opts.baseUrl);
    this.baseUrl = opts.baseUrl;
    this.prefix = u.pathname.replace(/\/+$/, '');
    this.originUrl = u.origin;
    this.origin = opts.origin ?? performance.timeOrigin;
    this.maxResponseBytes = opts.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
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

  send(req: OutgoingRequest): Promise<HttpResult> {
    // Unsigned requests skip one await (the common case against the reference).
    return this.opts.signer ? this.sendSigned(req, this.opts.signer) : this.sendWith(req, this.withLength(req));
  }

  private withLength(req: OutgoingRequest): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const k in req.headers) headers[k] = req.headers[k]!;
    if (req.body !== undefined) headers['content-length'] = String(Buffer.byteLength(req.body));
    return headers;
  }

  private async sendSigned(req: OutgoingRequest, signer: Signer): Promise<HttpResult> {
    const headers = await signer({ method: req.method, url: new URL(this.originUrl + this.prefix + req.path), headers: this.withLength(req), body: req.body });
    return this.sendWith(req, headers);
  }

  private async sendWith(req: OutgoingRequest, headers: Record<string, string>): Promise<HttpResult> {
    const fullPath = this.prefix + req.path;
    const request: Exchange['request'] = { method: req.method, url: redactUrl(this.originUrl + fullPath), headers: redactHeaders(headers) };
    if (req.body !== undefined) request.body = req.body;
    const exchange: Exchange = { client: this.opts.client, operation: req.operation, request, callTime: this.now(), returnTime: 0 };

    const raw = await this.exchange(req.method, fullPath, headers, req.body);
    let result: HttpResult;
    if (raw.kind !== 'response') {
      exchange.error = `${raw.kind}: ${raw.message}`;
      result = { kind: raw.kind, message: raw.message, exchange };
    } else {
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
      result = { kind: 'response', status: raw.status, headers: rh, body, json, exchange };
    }
    exchange.returnTime = this.now();
    this.opts.observe?.(exchange);
    return result;
  }

  /** One request on the pool through undici's dispatch API (no stream per response: this path is hot in concurrency tests). */
  private exchange(method: string, path: string, headers: Record<string, string>, body: string | undefined): Promise<RawOutcome> {
    const deadline = deadlineFor(this.originUrl, this.opts.timeoutMs);
    return new Promise<RawOutcome>((resolve) => {
      const handler = new ExchangeHandler(resolve, this.maxResponseBytes, deadline, this.originUrl);
      try {
        this.pool.dispatch({ method: method as Dispatcher.HttpMethod, path, headers, body, headersTimeout: deadline.ms, bodyTimeout: deadline.ms }, handler);
      } catch (e) {
        handler.finish({ kind: classifyError(e, false), message: (e as Error)?.message ?? String(e) });
      }
    });
  }

  async close(): Promise<void> {
    // destroy rather than close: a hung server must not keep the run waiting.
    await this.pool.destroy().catch(() => undefined);
  }
}
