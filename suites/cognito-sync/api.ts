// A small Cognito Sync client for the suites: the dataset operations the concurrency checks use,
// each answering a decoded result. Goes through the harness client (its own undici pool, signing).
import type { BuildOptions, RawInput } from '../harness/builders.js';
import type { CallResult } from '../harness/client.js';
import type { Exchange } from '../harness/verdict.js';

/** What the API needs from a client: the harness ApiClient, or an in-process adapter. */
export interface SyncCaller {
  raw(operation: string, input: RawInput, opts?: BuildOptions): Promise<CallResult<unknown>>;
}

export interface SyncResult<T> {
  /** HTTP status; 0 when the transport failed (timeout, reset, garbage). */
  status: number;
  /** The 200 body. */
  body?: T;
  /** Decoded error shape of a non-2xx answer. */
  errorType?: string;
  message?: string;
  /** Transport failure kind and message, when there is no response. */
  failure?: string;
}

/** A decoded result that keeps the exchange (evidence for verdicts) and the raw result (COMMON checks). */
export interface SentResult<T> extends SyncResult<T> {
  exchange: Exchange;
  raw: CallResult<unknown>;
}

/** ListRecords query members (wire names are camelCase). */
export interface ListQuery {
  maxResults?: number;
  nextToken?: string;
  lastSyncCount?: number;
}

export interface ListedRecord {
  Key?: string;
  Value?: string;
  SyncCount?: number;
}

export interface ListedRecords {
  Records?: ListedRecord[];
  NextToken?: string;
  SyncSessionToken?: string;
}

export interface UpdatedRecords {
  Records?: ListedRecord[];
}

export interface PatchIn {
  Op: 'replace' | 'remove';
  Key: string;
  Value?: string;
  SyncCount: number;
}

export interface IdentityAddress {
  IdentityPoolId: string;
  IdentityId: string;
}

export class SyncApi {
  constructor(
    readonly caller: SyncCaller,
    readonly identity: IdentityAddress,
  ) {}

  private async call<T>(operation: string, input: RawInput): Promise<SyncResult<T>> {
    const r = await this.caller.raw(operation, input);
    if (r.kind !== 'response') return { status: 0, failure: `${r.kind}: ${r.message}` };
    if (r.status === 200) return { status: 200, body: r.json as T };
    return { status: r.status, errorType: r.error?.code, message: r.error?.message };
  }

  private path(dataset: string): Record<string, unknown> {
    return { ...this.identity, DatasetName: dataset };
  }

  listRecords(dataset: string, nextToken?: string): Promise<SyncResult<ListedRecords>> {
    return this.call('ListRecords', { path: this.path(dataset), query: { maxResults: 1024, ...(nextToken ? { nextToken } : {}) } });
  }

  updateRecords(dataset: string, token: string, patches: PatchIn[]): Promise<SyncResult<UpdatedRecords>> {
    return this.call('UpdateRecords', { path: this.path(dataset), body: { SyncSessionToken: token, RecordPatches: patches } });
  }

  deleteDataset(dataset: string): Promise<SyncResult<unknown>> {
    return this.call('DeleteDataset', { path: this.path(dataset) });
  }

  /** Any operation with any input (deliberately wrong ones too), keeping the exchange. */
  async send<T>(operation: string, input: RawInput, opts?: BuildOptions): Promise<SentResult<T>> {
    const r = await this.caller.raw(operation, input, opts);
    if (r.kind !== 'response') return { status: 0, failure: `${r.kind}: ${r.message}`, exchange: r.exchange, raw: r };
    if (r.status === 200) return { status: 200, body: r.json as T, exchange: r.exchange, raw: r };
    return { status: r.status, errorType: r.error?.code, message: r.error?.message, exchange: r.exchange, raw: r };
  }

  /** The path members of `dataset` (for hand-made inputs). */
  address(dataset: string): Record<string, unknown> {
    return this.path(dataset);
  }

  /** One ListRecords page with the given query. */
  listPage(dataset: string, q: ListQuery = {}): Promise<SentResult<ListedRecords & { DatasetExists?: boolean; Count?: number }>> {
    const query: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(q)) if (v !== undefined) query[k] = v;
    return this.send('ListRecords', { path: this.path(dataset), query });
  }

  /** UpdateRecords keeping the exchange; `extra` adds body members (DeviceId) or overrides. */
  update(dataset: string, token: string | undefined, patches: unknown[] | undefined, extra: Record<string, unknown> = {}): Promise<SentResult<UpdatedRecords>> {
    const body: Record<string, unknown> = { ...(token !== undefined ? { SyncSessionToken: token } : {}), ...(patches !== undefined ? { RecordPatches: patches } : {}), ...extra };
    return this.send('UpdateRecords', { path: this.path(dataset), body });
  }

  /** DeleteDataset keeping the exchange. */
  drop(dataset: string): Promise<SentResult<unknown>> {
    return this.send('DeleteDataset', { path: this.path(dataset) });
  }

  /** Every record of the dataset (at most `maxPages` pages, so a looping NextToken cannot hang us). */
  async listAll(dataset: string, maxPages = 16): Promise<SyncResult<{ records: ListedRecord[]; token?: string }>> {
    const records: ListedRecord[] = [];
    let token: string | undefined;
    let next: string | undefined;
    for (let page = 0; page < maxPages; page++) {
      const r = await this.listRecords(dataset, next);
      if (r.status !== 200 || !r.body) return { status: r.status, errorType: r.errorType, message: r.message, failure: r.failure };
      const body = typeof r.body === 'object' ? r.body : {};
      records.push(...(Array.isArray(body.Records) ? body.Records : []));
      if (typeof body.SyncSessionToken === 'string') token ??= body.SyncSessionToken;
      next = typeof body.NextToken === 'string' && body.NextToken !== '' ? body.NextToken : undefined;
      if (!next) return { status: 200, body: { records, ...(token ? { token } : {}) } };
    }
    return { status: 0, failure: `ListRecords still paging after ${maxPages} pages` };
  }
}
