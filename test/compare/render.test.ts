// The HTML page, the Markdown table and the console table of a comparison.
import { describe, expect, test } from 'vitest';
import { buildComparison } from '../../reporters/compare-matrix.js';
import { compareHtml, htmlEscape } from '../../reporters/compare-html.js';
import { compareMarkdown } from '../../reporters/compare-markdown.js';
import { compareConsole } from '../../reporters/compare-console.js';
import { makeReport } from './helpers/reports.js';
import { requirementById } from '../../spec/requirements/catalog.js';

const hostile = '<script>alert("x")</script> & \'quoted\' | piped';
const cmp = buildComparison([
  { name: 'ref', source: 'ref.json', report: makeReport([['CONNECT-LOCK-1', 'pass'], ['COMMON-ERR-2', 'pass'], ['NET-1', 'info', 'INFO']]) },
  { name: 'vendor-b', source: 'b.json', report: makeReport([['CONNECT-LOCK-1', 'fail', 'MUST', hostile], ['COMMON-ERR-2', 'pass']], { seed: 9 }) },
  { name: 'vendor_c', source: 'c.json', report: makeReport([['CONNECT-LOCK-1', 'pass'], ['COMMON-RESP-2', 'non-strict', 'SHOULD', 'missing request id']]) },
]);

describe('HTML', () => {
  const html = compareHtml(cmp, '2026-11-22T00:00:00.000Z');
  const rowAt = (id: string) => html.search(new RegExp(`<tr><th scope="row"[^>]*>${id}</th>`));

  test('a whole, self-contained document', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    expect(html).not.toMatch(/<(script|link|img)\b/i);
    expect(html).not.toMatch(/(src|href)=/i);
    // Every opened table element is closed.
    for (const tag of ['table', 'thead', 'tbody', 'tr', 'td', 'th', 'details', 'ul', 'li']) {
      expect(html.match(new RegExp(`<${tag}[\\s>]`, 'g'))?.length ?? 0, tag).toBe(html.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0);
    }
  });

  test('every requirement and endpoint appears; one row per requirement', () => {
    for (const id of ['CONNECT-LOCK-1', 'COMMON-ERR-2', 'COMMON-RESP-2', 'NET-1']) expect(rowAt(id), id).toBeGreaterThan(0);
    for (const name of ['ref', 'vendor-b', 'vendor_c']) expect(html).toContain(`<th>${name}<br>`);
    expect(html.match(/<th scope="row"/g)).toHaveLength(4);
    expect(html.match(/<td class="cell /g)).toHaveLength(12);
  });

  test('failure messages are escaped, in a details element and a tooltip', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;');
    expect(html).toMatch(/<details><summary>1 failing check<\/summary><ul><li>\[fail\][^<]*&lt;script&gt;/);
    expect(html).toMatch(/title="[^"<>]*&lt;script&gt;/);
  });

  test('the failing requirement is the first row, and the seed difference is flagged', () => {
    expect(rowAt('CONNECT-LOCK-1')).toBeLessThan(rowAt('COMMON-RESP-2'));
    expect(rowAt('COMMON-RESP-2')).toBeLessThan(rowAt('COMMON-ERR-2'));
    expect(html).toMatch(/<ul class="warnings"><li>seeds differ \(ref=42, vendor-b=9, vendor_c=42\)/);
  });

  test('a row header carries the catalog paraphrase of its requirement as a tooltip', () => {
    const text = requirementById('CONNECT-LOCK-1')!.text;
    expect(html).toContain(`<th scope="row" title="${htmlEscape(text)}">CONNECT-LOCK-1</th>`);
  });

  test('htmlEscape drops control characters', () => {
    expect(htmlEscape('a\u0000b\u001bc\nd')).toBe('abc\nd');
  });
});

describe('Markdown', () => {
  const md = compareMarkdown(cmp);
  test('a table with a column per endpoint and a row per requirement', () => {
    expect(md).toContain('| requirement | level | ref | vendor-b | vendor_c |');
    expect(md).toContain('|---|---|---|---|---|');
    expect(md).toMatch(/\| CONNECT-LOCK-1 \| MUST \| ✅ pass 1\/1 \| ❌ fail 1\/1 \| ✅ pass 1\/1 \|/);
    // NET-1 is a MUST in the catalog: the catalog level wins over the level a verdict carries.
    expect(md).toMatch(/\| NET-1 \| MUST \| ℹ️ info 1\/1 \| ➖ n\/a \(not checked\) \| ➖ n\/a \(not checked\) \|/);
    expect(md).toContain('> ⚠️ seeds differ');
  });
  test('cell text cannot break the table', () => {
    const odd = buildComparison([
      { name: 'a', source: 'x|y\nz', report: makeReport([['A|B', 'pass']]) },
      { name: 'b', source: 'b', report: makeReport([['A|B', 'pass']]) },
    ]);
    const text = compareMarkdown(odd);
    expect(text).toContain('| A\\|B | MUST |');
    expect(text).toContain('x\\|y z');
  });
});

describe('console', () => {
  test('one line per requirement and the overall result', () => {
    const text = compareConsole(cmp);
    expect(text).toMatch(/CONNECT-LOCK-1\s+MUST\s+pass 1\/1\s+FAIL 1\/1\s+pass 1\/1/);
    expect(text).toContain('warning: seeds differ');
    expect(text).toContain('Result: divergences on vendor-b');
  });
});
