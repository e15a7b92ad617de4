// Format (c): AWS API reference text broken across lines (seed 003): string placeholders split as
// `"string` / `",`, member names marked by "- Name" followed by a lone "-", no constraints.
import type { HeaderFact, PageFacts } from './facts.js';
import { PageParseError } from './parse-api-reference.js';
import { parseRequestLine, referencePageFacts, splitSections } from './reference-sections.js';
import { parseSyntaxJson } from './syntax-json.js';

const NAME_LINE = /^- ([A-Za-z][A-Za-z0-9_]*)$/;
const nameOf = (line: string) => NAME_LINE.exec(line)?.[1];

/** The JSON of a syntax block, its broken lines glued back together. */
function jsonOf(lines: string[]): string {
  const start = lines.findIndex((l) => l.startsWith('{'));
  return start < 0 ? '' : lines.slice(start).join('');
}

export function parseApiReferenceBroken(text: string, file: string): PageFacts {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const sections = splitSections(lines);
  const operation = (sections.get('intro') ?? [])[0];
  if (!operation || !/^[A-Za-z][A-Za-z0-9_]*$/.test(operation)) throw new PageParseError('no operation name on the first line');

  const reqLines = sections.get('Request Syntax') ?? [];
  const req = parseRequestLine(reqLines[0] ?? '');
  if (!req) throw new PageParseError('section "Request Syntax" does not start with a request line (METHOD /path HTTP/1.1)');
  const headers: HeaderFact[] = [];
  for (const l of reqLines.slice(1)) {
    if (l.startsWith('{')) break;
    const h = /^([A-Za-z0-9-]+):\s*(\S+)$/.exec(l);
    if (h && h[1].toLowerCase() !== 'content-type') headers.push({ wireName: h[1], member: h[2], section: 'Request Syntax' });
  }
  const reqJson = jsonOf(reqLines);
  const requestTree = reqJson ? parseSyntaxJson(reqJson, 'Request Syntax') : [];
  if ('error' in requestTree) throw new PageParseError(`section "Request Syntax": ${requestTree.error}`);
  const respJson = jsonOf(sections.get('Response Syntax') ?? []);
  const responseTree = respJson ? parseSyntaxJson(respJson, 'Response Syntax') : [];
  if ('error' in responseTree) throw new PageParseError(`section "Response Syntax": ${responseTree.error}`);

  return referencePageFacts({ file, format: 'api-reference-broken', operation, request: req, headers, requestTree, responseTree, sections, nameOf });
}
