// Reading a dataset back: every record through ListRecords pages (a page cap so a looping NextToken
// cannot hang us), with the exchanges kept as evidence.
import type { Exchange } from '../harness/verdict.js';
import type { ListedRecord, ListQuery, SyncApi } from './api.js';

export interface Listing {
  ok: boolean;
  records: ListedRecord[];
  exchanges: Exchange[];
  /** Why the listing is unusable (non-200, missing Records, endless paging). */
  problem?: string;
  token?: string;
  datasetExists?: unknown;
}

const MAX_PAGES = 64;

export async function listAllPages(api: SyncApi, dataset: string, q: Omit<ListQuery, 'nextToken'> = {}): Promise<Listing> {
  const records: ListedRecord[] = [];
  const exchanges: Exchange[] = [];
  let next: string | undefined;
  let token: string | undefined;
  let datasetExists: unknown;
  for (let page = 0; page < MAX_PAGES; page++) {
    const r = await api.listPage(dataset, { ...q, ...(next ? { nextToken: next } : {}) });
    exchanges.push(r.exchange);
    if (r.status !== 200 || !r.body || typeof r.body !== 'object') return { ok: false, records, exchanges, problem: `ListRecords answered ${r.status} ${r.errorType ?? r.failure ?? ''}`.trim() };
    const body = r.body;
    if (body.Records !== undefined && !Array.isArray(body.Records)) return { ok: false, records, exchanges, problem: 'ListRecords Records is not a list' };
    for (const x of body.Records ?? []) if (x && typeof x === 'object') records.push(x);
    if (page === 0) datasetExists = body.DatasetExists;
    if (typeof body.SyncSessionToken === 'string') token ??= body.SyncSessionToken;
    next = typeof body.NextToken === 'string' && body.NextToken !== '' ? body.NextToken : undefined;
    if (!next) return { ok: true, records, exchanges, ...(token ? { token } : {}), datasetExists };
  }
  return { ok: false, records, exchanges, problem: `ListRecords still paging after ${MAX_PAGES} pages` };
}
