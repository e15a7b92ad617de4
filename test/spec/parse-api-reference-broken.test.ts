import { describe, expect, it } from 'vitest';
import { parseApiReferenceBroken } from '../../spec/generate/seeds/parse-api-reference-broken.js';

// The line-broken reference layout, written for this test.
const PAGE = `MoveThing
Moves a thing.
Request Syntax
POST /things/move HTTP/1.1
x-amz-home: HomeArn
Content-type: application/json
{
"Moves": [
{
"From": {
"Path": "string
"
},
"Flag": boolean
,
"Payload": blob
}
]
}
URI Request Parameters
The request uses the following URI parameters.
- HomeArn
-
The home.
Required: Yes
Request Body
The request accepts the following data in JSON format.
- Moves
-
The moves.
Type: Array of Move objects
Required: Yes
Response Syntax
HTTP/1.1 200
Content-type: application/json
{
"Done": [
{
"Moved": {
},
"newId": "string"
}
]
}
Response Elements
- Done
-
Results.
Type: Array of MoveResult objects
Errors
- MoveException
-
A
MoveThing
failure.HTTP Status Code: 400
- BusyException
-
Busy.
HTTP Status Code: 409
Examples
`;

describe('line-broken API reference parser', () => {
  const facts = parseApiReferenceBroken(PAGE, 'm.txt');

  it('reads operation, binding and header', () => {
    expect(facts.operation).toBe('MoveThing');
    expect(facts.http).toMatchObject({ method: 'POST', uri: '/things/move' });
    expect(facts.headers.map((h) => [h.wireName, h.member])).toEqual([['x-amz-home', 'HomeArn']]);
    expect(facts.uriParams).toMatchObject([{ name: 'HomeArn', required: true, constraints: {} }]);
  });

  it('glues broken placeholders back into a member tree', () => {
    const moves = facts.request[0];
    expect(moves).toMatchObject({ name: 'Moves', type: 'list', itemShape: 'Move', required: true });
    expect(moves.members?.map((m) => [m.name, m.type])).toEqual([
      ['From', 'structure'],
      ['Flag', 'boolean'],
      ['Payload', 'blob'],
    ]);
    expect(moves.members?.[0].members?.map((m) => m.name)).toEqual(['Path']);
  });

  it('keeps lower-camel member names and empty structures as written', () => {
    const done = facts.response[0];
    expect(done.members?.map((m) => m.name)).toEqual(['Moved', 'newId']);
    expect(done.members?.[0].members).toEqual([]);
  });

  it('does not take words of a broken description for error names, and finds mid-line statuses', () => {
    expect(facts.errors.map((e) => [e.shape, e.status, e.members])).toEqual([
      ['MoveException', 400, []],
      ['BusyException', 409, []],
    ]);
  });
});
