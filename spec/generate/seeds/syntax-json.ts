// The "Request Syntax" / "Response Syntax" JSON of AWS reference pages uses bare type words
// (number, boolean, blob) as placeholder values. This turns it into member trees.
import type { FactType, MemberFact } from './facts.js';

const PLACEHOLDER = '__lockstep_type__';

export function parseSyntaxJson(text: string, section: string): MemberFact[] | { error: string } {
  const quoted = text.replace(/:\s*(number|boolean|blob|timestamp)\b/g, (_m, t: string) => `: "${PLACEHOLDER}${t}"`);
  let value: unknown;
  try {
    value = JSON.parse(quoted);
  } catch (e) {
    return { error: `syntax JSON does not parse: ${(e as Error).message}` };
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return { error: 'syntax JSON is not an object' };
  return membersOf(value as Record<string, unknown>, section);
}

function typeOfPlaceholder(v: unknown): FactType | undefined {
  if (typeof v !== 'string') return undefined;
  if (v.startsWith(PLACEHOLDER)) return v.slice(PLACEHOLDER.length) as FactType;
  return 'string';
}

function membersOf(obj: Record<string, unknown>, section: string): MemberFact[] {
  return Object.entries(obj).map(([name, v]) => memberOf(name, v, `${section} > ${name}`));
}

function memberOf(name: string, v: unknown, section: string): MemberFact {
  if (Array.isArray(v)) {
    const first = v[0];
    if (first && typeof first === 'object' && !Array.isArray(first)) {
      return { name, type: 'list', itemType: 'structure', members: membersOf(first as Record<string, unknown>, section), constraints: {}, section };
    }
    return { name, type: 'list', itemType: typeOfPlaceholder(first), constraints: {}, section };
  }
  if (v && typeof v === 'object') return { name, type: 'structure', members: membersOf(v as Record<string, unknown>, section), constraints: {}, section };
  return { name, type: typeOfPlaceholder(v), constraints: {}, section };
}
