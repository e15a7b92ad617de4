// A small typed Connect data-table client: one method per operation, each returning the decoded
// result. The only file of suites/connect that touches the harness transport (through `raw`).
import type { CallResult } from '../harness/client.js';
import type { BuildOptions, RawInput } from '../harness/builders.js';
import type { Exchange } from '../harness/verdict.js';
import type { AttributeDef, BatchResult, DescribedValue, LockLevel, LockVersion, PrimaryValue, Validation, ValueItem } from './types.js';

/** What the API needs from a client: the harness ApiClient, or an in-process adapter. */
export interface ConnectCaller {
  raw(operation: string, input: RawInput, opts?: BuildOptions): Promise<CallResult<unknown>>;
}

export interface Result<T> {
  /** HTTP status; 0 when the transport failed (timeout, reset, garbage). */
  status: number;
  /** The 200 body. */
  body?: T;
  /** Decoded error shape and message of a non-2xx answer. */
  errorType?: string;
  message?: string;
  /** Transport failure kind, when there is no response. */
  failure?: string;
  exchange: Exchange;
  raw: CallResult<unknown>;
}

export interface TableCreated {
  Id?: string;
  Arn?: string;
  LockVersion?: LockVersion;
}
export interface AttributeCreated {
  Name?: string;
  AttributeId?: string;
  LockVersion?: LockVersion;
}
export interface DescribedTable {
  DataTable?: { Id?: string; Arn?: string; ValueLockLevel?: string; LockVersion?: LockVersion; Name?: string };
}
export interface ListedAttributes {
  Attributes?: Array<{ Name?: string; LockVersion?: LockVersion; Primary?: boolean }>;
  NextToken?: string;
}
export interface DescribeValues {
  Successful?: DescribedValue[];
  Failed?: Array<{ PrimaryValues?: PrimaryValue[]; AttributeName?: string; Message?: string }>;
}

export class ConnectApi {
  constructor(
    readonly caller: ConnectCaller,
    readonly instanceId: string,
  ) {}

  private async call<T>(operation: string, input: RawInput, opts?: BuildOptions): Promise<Result<T>> {
    const r = await this.caller.raw(operation, input, opts);
    if (r.kind !== 'response') return { status: 0, failure: `${r.kind}: ${r.message}`, exchange: r.exchange, raw: r };
    const ok = r.status >= 200 && r.status < 300;
    return {
      status: r.status,
      ...(ok ? { body: r.json as T } : {}),
      ...(!ok && r.error ? { errorType: r.error.code, message: r.error.message } : {}),
      exchange: r.exchange,
      raw: r,
    };
  }

  private path(tableId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
    return { InstanceId: this.instanceId, DataTableId: tableId, ...extra };
  }

  createDataTable(name: string, level: LockLevel, description?: string): Promise<Result<TableCreated>> {
    return this.call('CreateDataTable', {
      path: { InstanceId: this.instanceId },
      body: { Name: name, TimeZone: 'UTC', ValueLockLevel: level, Status: 'PUBLISHED', ...(description ? { Description: description } : {}) },
    });
  }

  describeDataTable(tableId: string): Promise<Result<DescribedTable>> {
    return this.call('DescribeDataTable', { path: this.path(tableId) });
  }

  updateDataTableMetadata(tableId: string, name: string, level: LockLevel, description: string): Promise<Result<{ LockVersion?: LockVersion }>> {
    return this.call('UpdateDataTableMetadata', { path: this.path(tableId), body: { Name: name, ValueLockLevel: level, TimeZone: 'UTC', Description: description } });
  }

  deleteDataTable(tableId: string): Promise<Result<unknown>> {
    return this.call('DeleteDataTable', { path: this.path(tableId) });
  }

  createAttribute(tableId: string, a: AttributeDef): Promise<Result<AttributeCreated>> {
    const v: Validation | undefined = a.validation;
    return this.call('CreateDataTableAttribute', {
      path: this.path(tableId),
      body: { Name: a.name, ValueType: a.valueType, Primary: a.primary, ...(v ? { Validation: v } : {}) },
    });
  }

  listAttributes(tableId: string): Promise<Result<ListedAttributes>> {
    return this.call('ListDataTableAttributes', { path: this.path(tableId), body: {} });
  }

  batchCreate(tableId: string, values: ValueItem[]): Promise<Result<BatchResult>> {
    return this.call('BatchCreateDataTableValue', { path: this.path(tableId), body: { Values: values } });
  }

  batchUpdate(tableId: string, values: ValueItem[]): Promise<Result<BatchResult>> {
    return this.call('BatchUpdateDataTableValue', { path: this.path(tableId), body: { Values: values } });
  }

  batchDelete(tableId: string, values: ValueItem[]): Promise<Result<BatchResult>> {
    return this.call('BatchDeleteDataTableValue', { path: this.path(tableId), body: { Values: values } });
  }

  batchDescribe(tableId: string, values: Array<{ PrimaryValues?: PrimaryValue[]; AttributeName: string }>): Promise<Result<DescribeValues>> {
    return this.call('BatchDescribeDataTableValue', { path: this.path(tableId), body: { Values: values } });
  }

  /** Any operation with hand-made input (validation probes: wrong types, raw bodies). */
  rawCall<T = unknown>(operation: string, input: RawInput, opts?: BuildOptions): Promise<Result<T>> {
    return this.call(operation, input, opts);
  }
}
