// Format (b): boto3 client method documentation in reStructuredText (seeds 001, 002):
// `:type X:` / `:param X: **[REQUIRED]**` for top-level inputs, nested `- **Name** *(type) --*`
// items whose indentation gives the nesting, `- *(dict) --*` for list elements, and an
// Exceptions list. boto3 pages state no HTTP binding, statuses or constraints.
import type { FactType, MemberFact, PageFacts } from './facts.js';
import { PageParseError } from './parse-api-reference.js';

const RST_TYPES: Record<string, FactType> = {
  string: 'string',
  list: 'list',
  dict: 'structure',
  datetime: 'timestamp',
  integer: 'integer',
  float: 'float',
  boolean: 'boolean',
  bytes: 'blob',
};

function rstType(t: string): FactType | undefined {
  return RST_TYPES[t.trim().toLowerCase()];
}

const NAMED_ITEM = /^(\s*)- \*\*(\w+)\*\* \*\(([\w ]+)\) --\*(.*)$/;
const ANON_ITEM = /^(\s*)- \*\(([\w ]+)\) --\*/;

interface Frame {
  indent: number;
  fact?: MemberFact;
  /** where named children go */
  target: MemberFact[];
}

/** Parses nested `-` items starting at `start` until `stop(line)`; returns the top-level facts. */
function parseItems(lines: string[], start: number, stop: (line: string) => boolean, root: Frame, section: string, input: boolean): number {
  const stack: Frame[] = [root];
  let i = start;
  for (; i < lines.length; i++) {
    const line = lines[i];
    if (stop(line)) break;
    let m = NAMED_ITEM.exec(line);
    if (m) {
      const indent = m[1].length;
      while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
      const parent = stack[stack.length - 1];
      const path = parent.fact ? `${parent.fact.section} > ${m[2]}` : `${section} > ${m[2]}`;
      const fact: MemberFact = { name: m[2], constraints: {}, section: path };
      const t = rstType(m[3]);
      if (t) fact.type = t;
      // input members are marked when required; output members are never marked
      if (m[4].includes('**[REQUIRED]**')) fact.required = true;
      else if (input) fact.required = false;
      parent.target.push(fact);
      fact.members = [];
      stack.push({ indent, fact, target: fact.members });
      continue;
    }
    m = ANON_ITEM.exec(line);
    if (m) {
      const indent = m[1].length;
      while (stack.length > 1 && stack[stack.length - 1].indent >= indent) stack.pop();
      const parent = stack[stack.length - 1];
      const t = rstType(m[2]);
      if (parent.fact && parent.fact.type === 'list') parent.fact.itemType = t;
      // the element's members belong to the list member itself (or to the root for the response dict)
      stack.push({ indent, fact: parent.fact, target: parent.target });
    }
  }
  return i;
}

/** Drops `members: []` where the page listed no children (boto3 does not draw empty structures). */
function prune(facts: MemberFact[]): MemberFact[] {
  for (const f of facts) {
    if (f.members && f.members.length === 0) delete f.members;
    else if (f.members) prune(f.members);
  }
  return facts;
}

function snakeToPascal(s: string): string {
  return s.split('_').map((p) => p.charAt(0).toUpperCase() + p.slice(1)).join('');
}

export function parseBoto3Rst(text: string, file: string): PageFacts {
  const lines = text.split(/\r?\n/);
  const link = /WebAPI\/[\w.-]+\/(\w+)>/.exec(text);
  const method = /\.\. py:method:: [\w.]+\.(\w+)\(/.exec(text);
  const operation = link?.[1] ?? (method ? snakeToPascal(method[1]) : undefined);
  if (!operation) throw new PageParseError('no operation name (neither an AWS API Documentation link nor a py:method line)');

  const request: MemberFact[] = [];
  const isParamBoundary = (l: string) => /^\s*:(type|param|rtype|returns)\b/.test(l) || /^\s*\*\*(Exceptions|Response Structure)\*\*/.test(l);
  for (let i = 0; i < lines.length; i++) {
    const type = /^(\s*):type (\w+): (.+)$/.exec(lines[i]);
    if (!type) continue;
    const name = type[2];
    const fact: MemberFact = { name, constraints: {}, section: `Parameters > ${name}`, members: [] };
    const t = rstType(type[3]);
    if (t) fact.type = t;
    const param = lines.slice(i + 1, i + 3).find((l) => l.includes(`:param ${name}:`));
    fact.required = param?.includes('**[REQUIRED]**') ?? false;
    request.push(fact);
    i = parseItems(lines, i + 2, isParamBoundary, { indent: type[1].length, fact, target: fact.members! }, 'Parameters', true) - 1;
  }

  const response: MemberFact[] = [];
  const respStart = lines.findIndex((l) => /\*\*Response Structure\*\*/.test(l));
  if (respStart >= 0) {
    parseItems(lines, respStart + 1, (l) => /^\s*\*\*Exceptions\*\*/.test(l), { indent: -1, target: response }, 'Response Structure', false);
  }

  const errors = [...text.matchAll(/:py:class:`[\w.]+\.exceptions\.(\w+)`/g)].map((m) => ({
    shape: m[1],
    members: [] as string[],
    section: `Exceptions > ${m[1]}`,
  }));

  return {
    file,
    format: 'boto3-rst',
    operation,
    headers: [],
    uriParams: [],
    request: prune(request),
    requestIncludesUri: true,
    response: prune(response),
    errors,
  };
}
