import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GenerateError } from '../../spec/generate/errors.js';
import { parsePage, detectFormat } from '../../spec/generate/seeds/read-pages.js';

// Whatever a page holds, parsing either yields facts or fails with a GenerateError naming the file.
const fragments = fc.constantFrom(
  'Request Syntax', 'URI Request Parameters', 'Request Body', 'Response Syntax', 'Response Elements', 'Errors', 'See Also',
  'POST /a/B/c HTTP/1.1 { "X": [ { "Y": number } ] }', 'PUT /x HTTP/1.1', '{', '}', '"string', '",', '-', '- Name', 'Name',
  'Type: Array of X objects', 'Length Constraints: Minimum length of 1.', 'Pattern: [a-z', 'Required: Yes', 'HTTP Status Code: 400',
  '.. py:method:: A.Client.b(**kwargs)', '  :type X: string', '  :param X: **[REQUIRED]**', '    - **Y** *(list) --*', '      - *(dict) --*',
  '**Response Structure**', '**Exceptions**', '*   :py:class:`A.Client.exceptions.E`',
);

describe('seed page parsing on arbitrary input', () => {
  it('never throws anything but a GenerateError', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fragments, fc.string({ maxLength: 20 })), { maxLength: 40 }), (parts) => {
        const text = parts.join('\n');
        try {
          const facts = parsePage(text, 'fuzz.txt');
          expect(typeof facts.operation).toBe('string');
        } catch (e) {
          expect(e).toBeInstanceOf(GenerateError);
          expect((e as Error).message).toMatch(/^fuzz\.txt: /);
        }
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });

  it('recognises each format and nothing else', () => {
    expect(detectFormat('.. py:method:: A.Client.b(**kwargs)\n')).toBe('boto3-rst');
    expect(detectFormat('Op\nRequest Syntax\nPOST /x HTTP/1.1\n- Name\n-\n')).toBe('api-reference-broken');
    expect(detectFormat('Op\nRequest Syntax\nPOST /x HTTP/1.1 { }\n')).toBe('api-reference');
    expect(detectFormat('hello')).toBeUndefined();
  });
});
