// A small Cloud Directory client for the suites: each call returns status, body or error shape,
// and the recorded exchange. The only file of suites/clouddirectory that builds requests.
import type { CallResult } from '../harness/client.js';
import type { BuildOptions, RawInput } from '../harness/builders.js';
import type { Exchange } from '../harness/verdict.js';

/** What the API needs from a client: the harness ApiClient (or an adapter). */
export interface DirCaller {
  raw(operation: string, input: RawInput, opts?: BuildOptions): Promise<CallResult<unknown>>;
}

export interface DirResult {
  /** HTTP status; 0 when the transport failed. */
  status: number;
  /** Parsed JSON body (success or error). */
  json?: unknown;
  /** Error shape name of a non-2xx answer. */
  errorType?: string;
  failure?: string;
  exchange: Exchange;
}

export type Json = Record<string, unknown>;

export function isObject(x: unknown): x is Json {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export class DirApi {
  constructor(readonly caller: DirCaller) {}

  async call(operation: string, input: RawInput, opts?: BuildOptions): Promise<DirResult> {
    const r = await this.caller.raw(operation, input, opts);
    if (r.kind !== 'response') return { status: 0, failure: `${r.kind}: ${r.message}`, exchange: r.exchange };
    const ok = r.status >= 200 && r.status < 300;
    return { status: r.status, json: r.json, ...(!ok && r.error?.code ? { errorType: r.error.code } : {}), exchange: r.exchange };
  }

  /** BatchWrite; `partition` undefined leaves the header out. */
  batchWrite(partition: string | undefined, operations: unknown, opts?: BuildOptions): Promise<DirResult> {
    return this.call('BatchWrite', { header: partition === undefined ? {} : { 'x-amz-data-partition': partition }, body: { Operations: operations } }, opts);
  }

  batchRead(partition: string, operations: unknown[]): Promise<DirResult> {
    return this.call('BatchRead', { header: { 'x-amz-data-partition': partition, 'x-amz-consistency-level': 'SERIALIZABLE' }, body: { Operations: operations } });
  }

  withPartition(operation: string, partition: string, body?: unknown): Promise<DirResult> {
    return this.call(operation, { header: { 'x-amz-data-partition': partition }, ...(body !== undefined ? { body } : {}) });
  }
}
