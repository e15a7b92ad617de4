// DIR-ORDER-1 / DIR-RESP-1: what a successful BatchWrite answers. The Responses list must match the
// operations position by position; entry i is keyed by the kind of operation i and carries that
// kind's result member, spelt exactly as the BatchWrite page spells it (AttachObject's attachedObjectIdentifier is lower camel; AttachToIndex's
// AttachedObjectIdentifier is not). A member spelt with another casing is reported as such.
import { isObject } from './api.js';
import { kindOf } from './ops.js';

/** The result member each kind returns (undefined: an empty object). */
export const RESULT_MEMBER: Record<string, string | undefined> = {
  CreateObject: 'ObjectIdentifier',
  CreateIndex: 'ObjectIdentifier',
  UpdateObjectAttributes: 'ObjectIdentifier',
  AttachObject: 'attachedObjectIdentifier',
  DetachObject: 'detachedObjectIdentifier',
  AttachToIndex: 'AttachedObjectIdentifier',
  DetachFromIndex: 'DetachedObjectIdentifier',
  AttachTypedLink: 'TypedLinkSpecifier',
  AttachPolicy: undefined,
  DetachPolicy: undefined,
  DeleteObject: undefined,
  AddFacetToObject: undefined,
  RemoveFacetFromObject: undefined,
  DetachTypedLink: undefined,
  UpdateLinkAttributes: undefined,
};

/** Problems with the Responses of a successful batch (empty when it fits). */
export function responseProblems(ops: unknown[], body: unknown): string[] {
  if (!isObject(body) || !Array.isArray(body.Responses)) return ['200 without a Responses array'];
  const responses = body.Responses;
  const out: string[] = [];
  if (responses.length !== ops.length) out.push(`${responses.length} responses for ${ops.length} operations`);
  for (let i = 0; i < Math.min(ops.length, responses.length); i++) {
    const kind = kindOf(ops[i]);
    const entry = responses[i];
    if (!isObject(entry) || !isObject(entry[kind])) {
      out.push(`response ${i} does not hold ${kind} (keys: ${isObject(entry) ? Object.keys(entry).join(', ') || 'none' : typeof entry})`);
      continue;
    }
    const inner = entry[kind] as Record<string, unknown>;
    const member = RESULT_MEMBER[kind];
    if (member === undefined) continue;
    if (inner[member] === undefined) {
      const near = Object.keys(inner).find((k) => k.toLowerCase() === member.toLowerCase());
      out.push(near ? `response ${i} (${kind}) spells ${near} instead of ${member}` : `response ${i} (${kind}) lacks ${member}`);
    } else if (member !== 'TypedLinkSpecifier' && typeof inner[member] !== 'string') {
      out.push(`response ${i} (${kind}) ${member} is not a string`);
    }
  }
  return out;
}
