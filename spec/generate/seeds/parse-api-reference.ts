// Format (a): AWS API reference page as text, one paragraph per line, syntax JSON inline
// (seeds 000 and 004).
import type { HeaderFact, PageFacts } from './facts.js';
import { parseRequestLine, referencePageFacts, splitSections } from './reference-sections.js';
import { parseSyntaxJson } from './syntax-json.js';

export class PageParseError extends Error {}

// A member or error name alone on its line.
const NAME_LINE = /^[A-Za-z][A-Za-z0-9_]*$/;
const nameOf = (line: string) => (NAME_LINE.test(line) ? line : undefined);

export function parseApiReference(text: string, file: string): PageFacts {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
  const sections = splitSections(lines);
  const intro = sections.get('intro') ?? [];
  const operation = intro.find((l) => NAME_LINE.test(l)) ?? intro[0]?.split(' - ')[0]?.trim();
  if (!operation || !NAME_LINE.test(operation)) throw new PageParseError('no operation name at the top of the page');

  const requestSyntax = (sections.get('Request Syntax') ?? []).join(' ');
  const req = parseRequestLine(requestSyntax);
  if (!req) throw new PageParseError('section "Request Syntax" has no request line (METHOD /path HTTP/1.1)');
  const brace = req.rest.indexOf('{');
  const headerText = brace >= 0 ? req.rest.slice(0, brace) : req.rest;
  const headers: HeaderFact[] = [];
  for (const h of headerText.matchAll(/([A-Za-z0-9-]+):\s*(\S+)/g)) {
    if (h[1].toLowerCase() === 'content-type') continue;
    headers.push({ wireName: h[1], member: h[2], section: 'Request Syntax' });
  }
  const requestTree = brace >= 0 ? parseSyntaxJson(req.rest.slice(brace), 'Request Syntax') : [];
  if ('error' in requestTree) throw new PageParseError(`section "Request Syntax": ${requestTree.error}`);

  const responseSyntax = (sections.get('Response Syntax') ?? []).join(' ');
  const rb = responseSyntax.indexOf('{');
  const responseTree = rb >= 0 ? parseSyntaxJson(responseSyntax.slice(rb), 'Response Syntax') : [];
  if ('error' in responseTree) throw new PageParseError(`section "Response Syntax": ${responseTree.error}`);

  return referencePageFacts({ file, format: 'api-reference', operation, request: req, headers, requestTree, responseTree, sections, nameOf });
}
