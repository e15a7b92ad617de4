// Section and member-block handling shared by the two AWS API reference formats
// (one paragraph per line, and the line-broken variant). They differ only in how a member's
// name line looks and how the syntax blocks are laid out; the formats' own files supply that.
import { applyAttributeLine, type Attributes } from './attribute-lines.js';
import type { ErrorFact, HeaderFact, MemberFact, PageFacts } from './facts.js';

export const SECTION_TITLES = [
  'Request Syntax',
  'URI Request Parameters',
  'Request Body',
  'Response Syntax',
  'Response Elements',
  'Errors',
  'Examples',
  'See Also',
] as const;
export type SectionTitle = (typeof SECTION_TITLES)[number];

/** Splits trimmed, non-empty lines into the page's named sections (lines before the first: 'intro'). */
export function splitSections(lines: string[]): Map<SectionTitle | 'intro', string[]> {
  const out = new Map<SectionTitle | 'intro', string[]>([['intro', []]]);
  let current: SectionTitle | 'intro' = 'intro';
  for (const line of lines) {
    if ((SECTION_TITLES as readonly string[]).includes(line) && !out.has(line as SectionTitle)) {
      current = line as SectionTitle;
      out.set(current, []);
      continue;
    }
    out.get(current)!.push(line);
  }
  return out;
}

/** Member blocks: a name line (as `nameOf` recognises it) then its description and attribute lines. */
export function parseMemberBlocks(lines: string[], nameOf: (line: string) => string | undefined, section: string): MemberFact[] {
  const out: MemberFact[] = [];
  let attrs: Attributes | undefined;
  let name = '';
  const close = () => {
    if (!attrs) return;
    const m: MemberFact = { name, constraints: attrs.constraints, section: `${section} > ${name}` };
    if (attrs.type) m.type = attrs.type;
    if (attrs.itemType) m.itemType = attrs.itemType;
    if (attrs.itemShape) m.itemShape = attrs.itemShape;
    if (attrs.required !== undefined) m.required = attrs.required;
    out.push(m);
  };
  for (const line of lines) {
    const n = nameOf(line);
    if (n !== undefined) {
      close();
      name = n;
      attrs = { constraints: {} };
      continue;
    }
    if (attrs) applyAttributeLine(line, attrs);
  }
  close();
  return out;
}

const STATUS = /HTTP Status Code:\s*(\d{3})/;

/** Error blocks: a name line, description, member name lines, and "HTTP Status Code: N" (possibly mid-line). */
export function parseErrorBlocks(lines: string[], nameOf: (line: string) => string | undefined, section: string): ErrorFact[] {
  const out: ErrorFact[] = [];
  let current: ErrorFact | undefined;
  for (const line of lines) {
    const n = nameOf(line);
    if (n !== undefined) {
      if (!current) current = { shape: n, members: [], section: `${section} > ${n}` };
      else current.members.push(n);
    }
    const s = STATUS.exec(line);
    if (s && current) {
      current.status = Number(s[1]);
      out.push(current);
      current = undefined;
    }
  }
  if (current) out.push(current); // an error block without a status: the cross-check reports it
  return out;
}

/** Merges the member tree of a syntax block with the attribute blocks of the matching section. */
export function mergeSyntaxAndSection(syntax: MemberFact[], section: MemberFact[]): MemberFact[] {
  const out: MemberFact[] = syntax.map((m) => ({ ...m }));
  for (const s of section) {
    const target = out.find((m) => m.name === s.name);
    if (!target) {
      out.push(s);
      continue;
    }
    target.section = s.section;
    target.constraints = { ...target.constraints, ...s.constraints };
    if (s.required !== undefined) target.required = s.required;
    if (s.type) target.type = s.type;
    if (s.itemType) target.itemType = s.itemType;
    if (s.itemShape) target.itemShape = s.itemShape;
  }
  return out;
}

/** Request line ("POST /path HTTP/1.1 ...") -> method, path, and what follows it. */
export function parseRequestLine(line: string): { method: string; uri: string; rest: string } | undefined {
  const m = /^(GET|POST|PUT|DELETE|PATCH|HEAD)\s+(\S+)\s+HTTP\/1\.1\s*(.*)$/.exec(line);
  return m ? { method: m[1], uri: m[2], rest: m[3] } : undefined;
}

/** Page URIs write parameters bare (`/tables/InstanceId/x`); the model writes `{InstanceId}`. */
export function templateUri(uri: string, paramNames: string[]): string {
  const [p] = uri.split('?');
  return p
    .split('/')
    .map((seg) => (paramNames.includes(seg) ? `{${seg}}` : seg))
    .join('/');
}

/**
 * The page facts both reference formats assemble the same way once their syntax blocks are parsed:
 * URI parameters (those not bound to a header are path labels), members from syntax and sections,
 * and the errors.
 */
export function referencePageFacts(p: {
  file: string;
  format: 'api-reference' | 'api-reference-broken';
  operation: string;
  request: { method: string; uri: string };
  headers: HeaderFact[];
  requestTree: MemberFact[];
  responseTree: MemberFact[];
  sections: Map<SectionTitle | 'intro', string[]>;
  nameOf: (line: string) => string | undefined;
}): PageFacts {
  const { sections, nameOf } = p;
  const uriParams = parseMemberBlocks(sections.get('URI Request Parameters') ?? [], nameOf, 'URI Request Parameters');
  const headerMembers = new Set(p.headers.map((h) => h.member));
  const pathNames = uriParams.map((u) => u.name).filter((n) => !headerMembers.has(n));
  return {
    file: p.file,
    format: p.format,
    operation: p.operation,
    http: { method: p.request.method, uri: templateUri(p.request.uri, pathNames), section: 'Request Syntax' },
    headers: p.headers,
    uriParams,
    request: mergeSyntaxAndSection(p.requestTree, parseMemberBlocks(sections.get('Request Body') ?? [], nameOf, 'Request Body')),
    requestIncludesUri: false,
    response: mergeSyntaxAndSection(p.responseTree, parseMemberBlocks(sections.get('Response Elements') ?? [], nameOf, 'Response Elements')),
    errors: parseErrorBlocks(sections.get('Errors') ?? [], nameOf, 'Errors'),
  };
}
