// Connect's choices for the COMMON-VAL-1 probes the harness derives from the OpenAPI
// (suites/harness/constraint-probes.ts): the values that fit Connect's name patterns, and the one
// probe a Connect target may refuse although the schema admits it.
import { probesFor as harnessProbes, type Probe, type ProbeOptions } from '../harness/constraint-probes.js';

export { applyProbe, fullMatch, matchesSomewhere, type JsonPath, type Probe } from '../harness/constraint-probes.js';

/** Attribute names, region-like ids, then plain letters; misses include '#' runs no Connect pattern admits. */
export const CONNECT_PROBE_OPTIONS: ProbeOptions = {
  patternFits: ['a', 'Attr_1', 'us-east-1', 'x'],
  patternMisses: ['#', '#!', '\u0001', '{}', '###'],
};

/** MultipleOf 0 divides nothing: the range admits it, an implementation may refuse it as meaningless. */
function avoided(p: Probe): boolean {
  return p.inside && p.at[p.at.length - 1] === 'MultipleOf' && p.value === 0;
}

/** Every probe of one Connect operation: path labels first, then the body. */
export function probesFor(operation: string): Probe[] {
  return harnessProbes('connect', operation, CONNECT_PROBE_OPTIONS).filter((p) => !avoided(p));
}
