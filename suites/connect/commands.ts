// The commands of the sequential property: plain data chosen by fast-check (which record, which
// attribute, which kind of value, which lock-version component is fresh, stale, missing, foreign or
// never issued), turned into requests at run time from the tokens the model knows then.
import fc from 'fast-check';
import { BAD_PRIMARY_VALUES, RECORDS, VALUE_ATTRIBUTES } from './layout.js';
import { BOGUS_PREFIX, type TableModel } from './model.js';
import type { LockComponent, LockVersion, PrimaryValue, ValueItem } from './types.js';
import { LOCK_COMPONENTS } from './types.js';

export type LockChoice = 'fresh' | 'stale' | 'missing' | 'foreign' | 'bogus';
export type ValueKind = 'valid' | 'edge' | 'invalid';

export interface ItemSpec {
  /** >= 0: index in RECORDS; < 0: -1 - index in BAD_PRIMARY_VALUES. */
  rec: number;
  /** Attribute name (a value attribute, or 'nosuch'). */
  attr: string;
  kind: ValueKind;
  pick: number;
  /** undefined: no LockVersion member at all. */
  lock?: Record<LockComponent, LockChoice>;
  /** Aim at a value that exists when the command runs (the target-th one), if any does. */
  existing?: boolean;
  target?: number;
}

export const UNKNOWN_ATTRIBUTE = 'nosuch';

const lockChoice = fc.constantFrom<LockChoice>('fresh', 'fresh', 'fresh', 'fresh', 'fresh', 'stale', 'stale', 'missing', 'foreign', 'bogus');

export function itemSpecArb(attrs: string[], withBadIdentity = true): fc.Arbitrary<ItemSpec> {
  const rec = withBadIdentity
    ? fc.oneof({ arbitrary: fc.integer({ min: 0, max: RECORDS.length - 1 }), weight: 12 }, { arbitrary: fc.integer({ min: -BAD_PRIMARY_VALUES.length, max: -1 }), weight: 2 })
    : fc.integer({ min: 0, max: RECORDS.length - 1 });
  const attr = withBadIdentity
    ? fc.oneof({ arbitrary: fc.constantFrom(...attrs), weight: 15 }, { arbitrary: fc.constant(UNKNOWN_ATTRIBUTE), weight: 1 })
    : fc.constantFrom(...attrs);
  return fc.record({
    rec,
    attr,
    kind: fc.constantFrom<ValueKind>('valid', 'valid', 'valid', 'valid', 'edge', 'invalid', 'invalid'),
    pick: fc.nat({ max: 20 }),
    lock: fc.option(fc.record({ DataTable: lockChoice, Attribute: lockChoice, PrimaryValues: lockChoice, Value: lockChoice }), { freq: 10, nil: undefined }),
    existing: fc.boolean(),
    target: fc.nat({ max: 30 }),
  });
}

/**
 * The spec as it applies to the current state: an `existing` spec is redirected to an existing
 * value (so that updates and deletes meet values often); otherwise it stays as generated.
 */
export function effectiveSpec(model: TableModel, spec: ItemSpec, attrs: string[]): ItemSpec {
  if (!spec.existing || spec.rec < 0 || spec.attr === UNKNOWN_ATTRIBUTE) return spec;
  const live: Array<{ rec: number; attr: string }> = [];
  RECORDS.forEach((pv, rec) => {
    const rk = model.recordKey(pv);
    if ('key' in rk) for (const a of attrs) if (model.hasValue(rk.key, a)) live.push({ rec, attr: a });
  });
  if (live.length === 0) return spec;
  const t = live[(spec.target ?? 0) % live.length]!;
  return { ...spec, rec: t.rec, attr: t.attr, existing: false };
}

export function primaryValuesOf(rec: number): PrimaryValue[] {
  return rec >= 0 ? RECORDS[rec]! : BAD_PRIMARY_VALUES[-1 - rec]!;
}

export function valueOf(spec: ItemSpec): string {
  const a = VALUE_ATTRIBUTES.find((x) => x.name === spec.attr);
  if (!a) return 'x';
  const list = spec.kind === 'edge' && a.samples.edge.length ? a.samples.edge : spec.kind === 'invalid' ? a.samples.invalid : a.samples.valid;
  return list[spec.pick % list.length]!;
}

export function isEdge(spec: ItemSpec): boolean {
  return spec.kind === 'edge' && VALUE_ATTRIBUTES.some((a) => a.name === spec.attr && a.samples.edge.length > 0);
}

let bogusCounter = 0;

/** Picks the token a choice stands for, from what the model knows right now. */
function tokenFor(model: TableModel, choice: LockChoice, comp: LockComponent, record: string, attr: string): string | undefined {
  const entity = model.entityOf(comp, record, attr);
  switch (choice) {
    case 'missing':
      return undefined;
    case 'fresh':
      return model.currentToken(entity);
    case 'stale':
      return model.staleToken(entity) ?? `${BOGUS_PREFIX}${++bogusCounter}`;
    case 'bogus':
      return `${BOGUS_PREFIX}${++bogusCounter}`;
    case 'foreign': {
      // The current token of another entity of the same kind (another value, record, attribute).
      const kind = entity.slice(0, 2);
      for (const [k, c] of model.tokens) if (k !== entity && k.startsWith(kind) && c.current !== undefined) return c.current;
      return `${BOGUS_PREFIX}${++bogusCounter}`;
    }
  }
}

/** The request item for a spec; `withValue` false for deletes. */
export function resolveItem(model: TableModel, spec: ItemSpec, withValue: boolean): ValueItem {
  const pv = primaryValuesOf(spec.rec);
  const rk = model.recordKey(pv);
  const record = 'key' in rk ? rk.key : '?';
  const item: ValueItem = { PrimaryValues: pv, AttributeName: spec.attr };
  if (withValue) item.Value = valueOf(spec);
  if (spec.lock) {
    const lv: LockVersion = {};
    for (const comp of LOCK_COMPONENTS) {
      const t = tokenFor(model, spec.lock[comp], comp, record, spec.attr);
      if (t !== undefined) lv[comp] = t;
    }
    item.LockVersion = lv;
  } else if (!withValue) {
    // A delete item must carry LockVersion (the model requires it, CONNECT-DELETE-2): send it empty.
    item.LockVersion = {};
  }
  return item;
}

/** Short text of a spec for counterexamples. */
export function specText(spec: ItemSpec, withValue: boolean): string {
  const rec = spec.rec >= 0 ? `r${spec.rec}` : `badpk${-spec.rec}`;
  const v = withValue ? `=${JSON.stringify(valueOf(spec))}` : '';
  const lock = spec.lock ? ` lock{${LOCK_COMPONENTS.map((c) => `${c}:${spec.lock![c]}`).join(',')}}` : ' no-lock';
  return `${rec}.${spec.attr}${v}${lock}`;
}

