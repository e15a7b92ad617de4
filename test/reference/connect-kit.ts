// Helpers for the Connect reference tests: drive the handler directly (no HTTP), with a fixed clock
// and chosen faults, and build tables and attributes in one line.
import { expect } from 'vitest';
import { createConnectHandler, type ConnectHandler } from '../../fixtures/reference/connect/handler.js';
import { ApiError, type RequestContext } from '../../fixtures/reference/types.js';
import { responseValidator } from '../../spec/validators.js';

export const INSTANCE = 'inst-1';
export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';

/* eslint-disable @typescript-eslint/no-explicit-any */
export type Json = any;

export interface LockVersion {
  DataTable?: string;
  Attribute?: string;
  PrimaryValues?: string;
  Value?: string;
}

export interface Pv {
  AttributeName: string;
  Value: string;
}

export class Kit {
  readonly handler: ConnectHandler;
  readonly ctx: RequestContext;
  clockMs = 1_700_000_000_000;

  constructor(faults: string[] = []) {
    this.handler = createConnectHandler();
    this.ctx = {
      faults: new Set(faults),
      requestId: 'req-test',
      now: () => this.clockMs,
      region: REGION,
      accountId: ACCOUNT,
    };
  }

  /** Runs an operation; every success is checked against the operation's OpenAPI output schema. */
  async call(op: string, input: Record<string, unknown>): Promise<Json> {
    const out = await this.handler.handle(op, { InstanceId: INSTANCE, ...input }, this.ctx);
    const checked = responseValidator('connect', op)(JSON.parse(JSON.stringify(out)));
    expect(checked.errors, `${op} output against its schema`).toEqual([]);
    return out;
  }

  /** Runs an operation that must fail with a modelled error; returns it. */
  async error(op: string, input: Record<string, unknown>): Promise<ApiError> {
    try {
      await this.call(op, input);
    } catch (e) {
      expect(e).toBeInstanceOf(ApiError);
      return e as ApiError;
    }
    throw new Error(`${op} was expected to fail`);
  }

  async table(level = 'VALUE', name = `t-${Math.random().toString(36).slice(2)}`): Promise<{ Id: string; Arn: string; LockVersion: LockVersion }> {
    return this.call('CreateDataTable', { Name: name, TimeZone: 'UTC', ValueLockLevel: level, Status: 'PUBLISHED' });
  }

  async attribute(tableId: string, name: string, valueType = 'TEXT', extra: Record<string, unknown> = {}): Promise<Json> {
    return this.call('CreateDataTableAttribute', { DataTableId: tableId, Name: name, ValueType: valueType, ...extra });
  }

  create(tableId: string, values: Json[]): Promise<Json> {
    return this.call('BatchCreateDataTableValue', { DataTableId: tableId, Values: values });
  }

  update(tableId: string, values: Json[]): Promise<Json> {
    return this.call('BatchUpdateDataTableValue', { DataTableId: tableId, Values: values });
  }

  remove(tableId: string, values: Json[]): Promise<Json> {
    return this.call('BatchDeleteDataTableValue', { DataTableId: tableId, Values: values });
  }

  describe(tableId: string, values: Json[]): Promise<Json> {
    return this.call('BatchDescribeDataTableValue', { DataTableId: tableId, Values: values });
  }

  /** Reads one value back; undefined when it does not exist. */
  async read(tableId: string, attributeName: string, primaryValues: Pv[] = []): Promise<Json | undefined> {
    const out = await this.describe(tableId, [{ PrimaryValues: primaryValues, AttributeName: attributeName }]);
    return out.Successful[0];
  }

  /** Creates one value that must succeed; returns its success entry. */
  async createOne(tableId: string, attributeName: string, value: string, primaryValues: Pv[] = []): Promise<Json> {
    const out = await this.create(tableId, [{ PrimaryValues: primaryValues, AttributeName: attributeName, Value: value }]);
    expect(out.Failed).toEqual([]);
    return out.Successful[0];
  }

  /** Updates one value; returns the response. */
  updateOne(tableId: string, attributeName: string, value: string, lock: LockVersion | undefined, primaryValues: Pv[] = []): Promise<Json> {
    const item: Json = { PrimaryValues: primaryValues, AttributeName: attributeName, Value: value };
    if (lock) item.LockVersion = lock;
    return this.update(tableId, [item]);
  }
}

/** Each item in exactly one list (CONNECT-BATCH-1), returned for further checks. */
export function expectPartition(out: Json, sent: number): void {
  expect(Array.isArray(out.Successful)).toBe(true);
  expect(Array.isArray(out.Failed)).toBe(true);
  expect(out.Successful.length + out.Failed.length).toBe(sent);
  for (const f of out.Failed) expect(typeof f.Message === 'string' && f.Message.length > 0).toBe(true);
}
