// A small Cognito Sync client for the suites: the dataset operations the concurrency checks use,
// each answering a decoded result. Goes through the harness client (its own undici pool, signing).
import type { BuildOptions, RawInput } from '../harness/builders.js';
import type { CallResult } from '../harness/client.js';

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
