// What a suite talks to: a logical client of one API under test, combining the typed builders,
// the transport (own undici pool), SigV4 signing when credentials are set, and error decoding.
import type { ServiceName } from '../../spec/services.js';
import { buildRaw, request, type BuildOptions, type OperationName, type RawInput, type RequestInput, type ResponseBody } from './builders.js';
import { credentialsFromEnv } from './config.js';
import { decodeError, type DecodedError } from './errors.js';
import { runContext } from './run-context.js';
import { createSigner } from './signing.js';
import { Transport, type HttpResult } from './transport.js';
import type { Exchange } from './verdict.js';

export type CallResult<T> = HttpResult & {
  /** The typed 200 body. */
  data?: T;
  /** The decoded error of a non-2xx response. */
  error?: DecodedError;
};

export interface ClientOptions {
  /** Logical client name (recorded on exchanges). */
  name?: string;
  connections?: number;
  timeoutMs?: number;
  observe?: (e: Exchange) => void;
}

export class ApiClient<S extends ServiceName> {
  readonly transport: Transport;

  constructor(
    readonly service: S,
    baseUrl: string,
    opts: ClientOptions & { region: string; timeoutMs: number; origin?: number; signed?: boolean },
  ) {
    const creds = opts.signed === false ? undefined : credentialsFromEnv();
    this.transport = new Transport({
      client: opts.name ?? service,
      baseUrl,
      timeoutMs: opts.timeoutMs,
      connections: opts.connections,
      origin: opts.origin,
      observe: opts.observe,
      signer: creds ? createSigner(service, opts.region, creds) : undefined,
    });
  }

  /** A typed call: the input is checked against the generated types. */
  async call<O extends OperationName<S>>(operation: O, input: RequestInput<S, O>, opts?: BuildOptions): Promise<CallResult<ResponseBody<S, O>>> {
    return this.decorate(await this.transport.send(request(this.service, operation, input, opts)));
  }

  /** An untyped call, for deliberately wrong input. */
  async raw(operation: string, input: RawInput, opts?: BuildOptions): Promise<CallResult<unknown>> {
    return this.decorate(await this.transport.send(buildRaw(this.service, operation, input, opts)));
  }

  private decorate<T>(r: HttpResult): CallResult<T> {
    if (r.kind !== 'response') return r;
    if (r.status >= 200 && r.status < 300) return { ...r, data: r.json as T };
    return { ...r, error: decodeError(r.headers, r.json) };
  }

  close(): Promise<void> {
    return this.transport.close();
  }
}

/** A client for the API under test in the current run (`lockstep run` sets the context). */
export function clientFor<S extends ServiceName>(service: S, opts: ClientOptions = {}): ApiClient<S> {
  const ctx = runContext();
  const url = ctx.urls[service];
  if (!url) throw new Error(`no target URL for ${service} in this run`);
  return new ApiClient(service, url, { ...opts, region: ctx.resources.region, timeoutMs: opts.timeoutMs ?? ctx.timeoutMs, origin: ctx.origin });
}
