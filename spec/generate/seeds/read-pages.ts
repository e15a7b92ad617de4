// Finds the seed pages in <docs>/seeds, recognises each one's format and parses it.
// An unreadable or unrecognised page fails generation naming the file.
import fs from 'node:fs';
import path from 'node:path';
import { GenerateError } from '../errors.js';
import type { PageFacts } from './facts.js';
import { PageParseError, parseApiReference } from './parse-api-reference.js';
import { parseApiReferenceBroken } from './parse-api-reference-broken.js';
import { parseBoto3Rst } from './parse-boto3-rst.js';

export type PageFormat = PageFacts['format'];

export function detectFormat(text: string): PageFormat | undefined {
  if (/^\.\. py:method:: /m.test(text)) return 'boto3-rst';
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (!lines.includes('Request Syntax')) return undefined;
  // the broken variant marks members with "- Name" then a lone "-"
  if (lines.includes('-') && lines.some((l) => /^- \w+$/.test(l))) return 'api-reference-broken';
  if (lines.some((l) => /^(GET|POST|PUT|DELETE|PATCH|HEAD) \S+ HTTP\/1\.1/.test(l))) return 'api-reference';
  return undefined;
}

export function parsePage(text: string, file: string): PageFacts {
  const format = detectFormat(text);
  if (!format) throw new GenerateError(`${file}: unrecognised page format (expected an AWS API reference page or a boto3 reStructuredText page)`);
  try {
    switch (format) {
      case 'boto3-rst':
        return parseBoto3Rst(text, file);
      case 'api-reference-broken':
        return parseApiReferenceBroken(text, file);
      case 'api-reference':
        return parseApiReference(text, file);
    }
  } catch (e) {
    if (e instanceof PageParseError) throw new GenerateError(`${file}: ${e.message}`);
    throw e;
  }
}

/** Every `*.txt` page of <docs>/seeds except README files, sorted by name. */
export function readPages(docsDir: string): PageFacts[] {
  const dir = path.join(docsDir, 'seeds');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    throw new GenerateError(`${dir}: seed directory not found or unreadable`);
  }
  const pages = names.filter((n) => n.endsWith('.txt') && !/^readme/i.test(n)).sort();
  if (pages.length === 0) throw new GenerateError(`${dir}: no seed pages (*.txt)`);
  return pages.map((name) => {
    let text: string;
    try {
      text = fs.readFileSync(path.join(dir, name), 'utf8');
    } catch (e) {
      throw new GenerateError(`${path.join(dir, name)}: unreadable (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
    }
    return parsePage(text, name);
  });
}
