import { describe, expect, it } from 'vitest';
import { parseApiReference } from '../../spec/generate/seeds/parse-api-reference.js';

// A small page in the one-paragraph-per-line reference format, written for this test.
const PAGE = [
  'PutWidget - Example Service',
  '',
  'PutWidget',
  '',
  'Stores a widget.',
  '',
  'Request Syntax',
  '',
  'PUT /shops/ShopId/widgets HTTP/1.1 x-amz-Trace: TraceId Content-type: application/json { "Items": [ { "Name": "string", "Size": number, "Tags": { "Colour": "string" } } ], "Note": "string" }',
  '',
  'URI Request Parameters',
  '',
  'ShopId',
  'Which shop.',
  'Length Constraints: Minimum length of 2. Maximum length of 9.',
  'Pattern: [a-z]+',
  'Required: Yes',
  '',
  'TraceId',
  'A trace id.',
  'Required: No',
  '',
  'Request Body',
  '',
  'Items',
  'The widgets.',
  'Type: Array of Widget objects',
  'Array Members: Minimum number of 1 item. Maximum number of 5 items.',
  'Required: Yes',
  '',
  'Note',
  'A note.',
  'Type: String',
  'Valid Values: RED | GREEN',
  'Required: No',
  '',
  'Response Syntax',
  '',
  'HTTP/1.1 200 Content-type: application/json { "Count": number, "When": number }',
  '',
  'Response Elements',
  '',
  'Count',
  'How many.',
  'Type: Integer',
  'Valid Range: Minimum value of 0. Maximum value of 10.',
  '',
  'Errors',
  '',
  'For information about the errors that are common to all actions, see Common Errors.',
  '',
  'BadWidgetException',
  'Nope.',
  'Message',
  'The message.',
  'HTTP Status Code: 400',
  '',
  'ShopGoneException',
  'Gone.',
  'HTTP Status Code: 404',
  '',
  'See Also',
].join('\n');

describe('API reference page parser', () => {
  const facts = parseApiReference(PAGE, 'w.txt');

  it('reads the operation, method and URI template, and headers', () => {
    expect(facts.operation).toBe('PutWidget');
    expect(facts.http).toMatchObject({ method: 'PUT', uri: '/shops/{ShopId}/widgets' });
    expect(facts.headers).toEqual([{ wireName: 'x-amz-Trace', member: 'TraceId', section: 'Request Syntax' }]);
  });

  it('reads URI parameters with their constraints and required flags', () => {
    const shop = facts.uriParams.find((p) => p.name === 'ShopId');
    expect(shop).toMatchObject({ required: true, constraints: { minLength: 2, maxLength: 9, pattern: '[a-z]+' } });
    expect(facts.uriParams.find((p) => p.name === 'TraceId')?.required).toBe(false);
  });

  it('merges the request syntax tree with the member sections', () => {
    const items = facts.request.find((m) => m.name === 'Items')!;
    expect(items).toMatchObject({ type: 'list', itemType: 'structure', itemShape: 'Widget', required: true, constraints: { minItems: 1, maxItems: 5 } });
    expect(items.members?.map((m) => [m.name, m.type])).toEqual([
      ['Name', 'string'],
      ['Size', 'number'],
      ['Tags', 'structure'],
    ]);
    expect(items.members?.[2].members?.map((m) => m.name)).toEqual(['Colour']);
    expect(facts.request.find((m) => m.name === 'Note')).toMatchObject({ type: 'string', required: false, constraints: { enum: ['RED', 'GREEN'] } });
  });

  it('reads response members with ranges', () => {
    expect(facts.response.find((m) => m.name === 'Count')).toMatchObject({ type: 'integer', constraints: { minimum: 0, maximum: 10 } });
    expect(facts.response.find((m) => m.name === 'When')?.type).toBe('number');
  });

  it('reads errors, their members and statuses', () => {
    expect(facts.errors.map((e) => [e.shape, e.status, e.members])).toEqual([
      ['BadWidgetException', 400, ['Message']],
      ['ShopGoneException', 404, []],
    ]);
  });

  it('rejects a page without a request line', () => {
    expect(() => parseApiReference('X\n\nRequest Syntax\n\nnothing here\n', 'x.txt')).toThrow(/Request Syntax/);
  });
});
