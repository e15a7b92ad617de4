// The pure model of one Connect data table: attributes, records, values and the four lock-version
// components. Tokens stay opaque: the model never parses them, it only remembers which token each
// entity (table, attribute, record, value) currently has, which ones it had before, and which
// component the profile says must change after each write (CONNECT-LOCK-2/3, CREATE-1).
import type { AttributeDef, LockComponent, LockLevel, LockVersion, PrimaryValue, ValueItem } from './types.js';
import { LOCK_COMPONENTS, lockedComponent } from './types.js';
import { valueViolation } from './value-rules.js';

export type Op = 'create' | 'update' | 'delete';

/** What the model expects of one item; `rule` is the requirement that decides it. */
export interface Prediction {
  outcome: 'ok' | 'fail' | 'either';
  rule: string;
  reason: string;
}

/** A token observation that breaks a lock-version rule. */
export interface TokenIssue {
  requirement: string;
  component: LockComponent;
  message: string;
}

interface TokenCell {
  current?: string;
  /** The token current just before the latest predicted change. */
  previous?: string;
  history: Set<string>;
}

/** Tokens the suite invents; no implementation issues them, so they are never current. */
export const BOGUS_PREFIX = 'lockstep-bogus-';

export type Resolved = { record: string; attr: AttributeDef } | { error: string; rule: string };

export class TableModel {
  readonly attrs = new Map<string, AttributeDef>();
  readonly primaryNames: string[];
  /** valueKey -> value string */
  readonly values = new Map<string, string>();
  readonly tokens = new Map<string, TokenCell>();
  /** record key -> RecordId as first observed */
  readonly recordIds = new Map<string, string>();

  constructor(
    readonly level: LockLevel,
    attributes: AttributeDef[],
  ) {
    for (const a of attributes) this.attrs.set(a.name, a);
    this.primaryNames = attributes.filter((a) => a.primary).map((a) => a.name);
  }

  /** An independent copy (to try alternative readings of one response). */
  clone(): TableModel {
    const m = new TableModel(this.level, [...this.attrs.values()]);
    for (const [k, v] of this.values) m.values.set(k, v);
    for (const [k, v] of this.recordIds) m.recordIds.set(k, v);
    for (const [k, c] of this.tokens) m.tokens.set(k, { ...c, history: new Set(c.history) });
    return m;
  }

  // ---- identities --------------------------------------------------------------------------

  /** CONNECT-PK-1: empty = default record; otherwise exactly the primary attributes, each once. */
  recordKey(pvs: PrimaryValue[] | undefined): { key: string } | { error: string } {
    if (!pvs || pvs.length === 0) return { key: '' };
    const names = pvs.map((p) => p.AttributeName);
    if (new Set(names).size !== names.length) return { error: 'a primary attribute is named twice' };
    if (names.length !== this.primaryNames.length || !this.primaryNames.every((n) => names.includes(n)))
      return { error: `PrimaryValues must name exactly [${this.primaryNames.join(', ')}]` };
    return { key: JSON.stringify(this.primaryNames.map((n) => pvs.find((p) => p.AttributeName === n)!.Value)) };
  }

  resolve(item: ValueItem): Resolved {
    const attr = this.attrs.get(item.AttributeName);
    if (!attr) return { error: `no attribute ${JSON.stringify(item.AttributeName)}`, rule: 'CONNECT-BATCH-2' };
    const rec = this.recordKey(item.PrimaryValues);
    if ('error' in rec) return { error: rec.error, rule: 'CONNECT-PK-1' };
    if (attr.primary) return { error: 'a primary attribute holds keys, not values', rule: 'CONNECT-PK-1' };
    return { record: rec.key, attr };
  }

  static valueKey(record: string, attr: string): string {
    return `V\u0000${record}\u0000${attr}`;
  }

  /** The entity whose token a component of the value (record, attr) stands for. */
  entityOf(c: LockComponent, record: string, attr: string): string {
    switch (c) {
      case 'DataTable':
        return 'T';
      case 'Attribute':
        return `A\u0000${attr}`;
      case 'PrimaryValues':
        return `R\u0000${record}`;
      case 'Value':
        return TableModel.valueKey(record, attr);
    }
  }

  cell(entity: string): TokenCell {
    let c = this.tokens.get(entity);
    if (!c) {
      c = { history: new Set() };
      this.tokens.set(entity, c);
    }
    return c;
  }

  currentToken(entity: string): string | undefined {
    return this.tokens.get(entity)?.current;
  }

  /** A token once issued for the entity and since replaced (a candidate "stale" token). */
  staleToken(entity: string): string | undefined {
    const c = this.tokens.get(entity);
    if (!c) return undefined;
    return [...c.history].reverse().find((t) => t !== c.current);
  }

  hasValue(record: string, attr: string): boolean {
    return this.values.has(TableModel.valueKey(record, attr));
  }

  getValue(record: string, attr: string): string | undefined {
    return this.values.get(TableModel.valueKey(record, attr));
  }

  // ---- prediction --------------------------------------------------------------------------

  predict(op: Op, item: ValueItem): Prediction {
    const r = this.resolve(item);
    if ('error' in r) return { outcome: 'fail', rule: r.rule, reason: r.error };
    const exists = this.hasValue(r.record, r.attr.name);
    if (op === 'create' && exists) return { outcome: 'fail', rule: 'CONNECT-CREATE-1', reason: 'value already exists' };
    if (op === 'update' && !exists) return { outcome: 'fail', rule: 'CONNECT-BATCH-2', reason: 'value does not exist' };
    if (op === 'delete' && !exists) return { outcome: 'fail', rule: 'CONNECT-DELETE-1', reason: 'value does not exist' };
    if (op !== 'delete') {
      const bad = valueViolation(r.attr, item.Value ?? '');
      if (bad) return { outcome: 'fail', rule: 'CONNECT-VAL-1', reason: bad };
    }
    if (op === 'create') return { outcome: 'ok', rule: 'CONNECT-CREATE-1', reason: 'new value, valid' };
    const lockRule = op === 'delete' ? 'CONNECT-DELETE-1' : 'CONNECT-LOCK-1';
    const lock = this.lockCheck(item.LockVersion, r.record, r.attr.name);
    return { outcome: lock.outcome, rule: lockRule, reason: lock.reason };
  }

  /** CONNECT-LOCK-1: only the component the level selects is compared with the current token. */
  lockCheck(lv: LockVersion | undefined, record: string, attr: string): { outcome: Prediction['outcome']; reason: string } {
    const comp = lockedComponent(this.level);
    if (!comp) return { outcome: 'ok', reason: 'lock level NONE checks nothing' };
    const presented = lv?.[comp];
    if (presented === undefined || presented === '') return { outcome: 'fail', reason: `${comp} lock version missing` };
    const c = this.tokens.get(this.entityOf(comp, record, attr));
    if (c?.current !== undefined)
      return presented === c.current
        ? { outcome: 'ok', reason: `${comp} is current` }
        : { outcome: 'fail', reason: `${comp} is not the current token` };
    if (presented.startsWith(BOGUS_PREFIX)) return { outcome: 'fail', reason: `${comp} was never issued` };
    if (c && presented === c.previous) return { outcome: 'fail', reason: `${comp} was replaced` };
    if (c && comp === 'Value' && c.history.has(presented)) return { outcome: 'fail', reason: 'Value token was replaced (no ABA)' };
    return { outcome: 'either', reason: `current ${comp} token not yet observed` };
  }

  // ---- state changes -----------------------------------------------------------------------

  /** Components that a successful write of (record, attr) must change (LOCK-2, LOCK-3, CREATE-1). */
  changedBy(record: string, attr: string): string[] {
    const out = [TableModel.valueKey(record, attr), `R\u0000${record}`];
    if (this.level === 'ATTRIBUTE') out.push(`A\u0000${attr}`);
    if (this.level === 'DATA_TABLE') out.push('T');
    return out;
  }

  private markChanged(entity: string): void {
    const c = this.cell(entity);
    // Two changes before any observation: the older replaced token stays the one to refuse.
    if (c.current !== undefined) c.previous = c.current;
    c.current = undefined;
  }

  /**
   * Applies a successful item. `observed` is the LockVersion the response returned (create and
   * update; deletes return nothing the model learns from). Returns lock-version rule breaches.
   */
  applySuccess(op: Op, item: ValueItem, observed?: LockVersion): TokenIssue[] {
    const r = this.resolve(item);
    if ('error' in r) return [];
    const key = TableModel.valueKey(r.record, r.attr.name);
    const changed = this.changedBy(r.record, r.attr.name);
    for (const e of changed) this.markChanged(e);
    if (op === 'delete') {
      this.values.delete(key);
      if (![...this.values.keys()].some((k) => k.startsWith(`V\u0000${r.record}\u0000`))) this.recordIds.delete(r.record);
      return [];
    }
    this.values.set(key, item.Value ?? '');
    const issues: TokenIssue[] = [];
    for (const comp of LOCK_COMPONENTS) {
      const tok = observed?.[comp];
      if (typeof tok !== 'string' || tok === '') {
        issues.push({ requirement: 'CONNECT-LOCK-4', component: comp, message: `success without a ${comp} lock version` });
        continue;
      }
      issues.push(...this.observe(this.entityOf(comp, r.record, r.attr.name), comp, tok));
    }
    return issues;
  }

  /** UpdateDataTableMetadata changes the table's token (LOCK-3). */
  applyMetadataUpdate(observedDataTable?: string): TokenIssue[] {
    this.markChanged('T');
    if (typeof observedDataTable !== 'string' || observedDataTable === '') return [];
    return this.observe('T', 'DataTable', observedDataTable);
  }

  /**
   * Records a token seen for an entity. If the entity was predicted to change and its new token
   * is not known yet, the token must be new; if its token is known, the token must equal it.
   */
  observe(entity: string, comp: LockComponent, tok: string): TokenIssue[] {
    const c = this.cell(entity);
    const issues: TokenIssue[] = [];
    if (c.current === undefined) {
      if (comp === 'Value' && c.history.has(tok))
        issues.push({ requirement: 'CONNECT-LOCK-2', component: comp, message: `Value token ${tok} was issued before for this value` });
      else if (comp !== 'Value' && c.previous !== undefined && tok === c.previous)
        issues.push({ requirement: 'CONNECT-LOCK-3', component: comp, message: `${comp} token ${tok} did not change after a change that must move it` });
    } else if (tok !== c.current) {
      issues.push({
        requirement: comp === 'Value' ? 'CONNECT-LOCK-4' : 'CONNECT-LOCK-3',
        component: comp,
        message: `${comp} token changed from ${c.current} to ${tok} although nothing that moves it happened`,
      });
    }
    c.current = tok;
    c.history.add(tok);
    return issues;
  }

  /** Seeds known tokens (from provisioning: table and attribute creation responses). */
  seedToken(entity: string, tok: string | undefined): void {
    if (typeof tok !== 'string' || tok === '') return;
    const c = this.cell(entity);
    c.current = tok;
    c.history.add(tok);
  }
}
