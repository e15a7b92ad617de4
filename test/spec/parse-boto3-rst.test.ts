import { describe, expect, it } from 'vitest';
import { parseBoto3Rst } from '../../spec/generate/seeds/parse-boto3-rst.js';

// A boto3-style method page, written for this test.
const PAGE = `
.. py:method:: Shop.Client.put_widget(**kwargs)

  Stores widgets.

  See also: \`AWS API Documentation <https://docs.aws.amazon.com/goto/WebAPI/shop-2020-01-01/PutWidget>\`_

  :type ShopId: string
  :param ShopId: **[REQUIRED]**

    The shop.

  :type Items: list
  :param Items: **[REQUIRED]**

    The widgets.

    - *(dict) --*

      A widget.

      - **Name** *(string) --* **[REQUIRED]**

        Its name.

      - **Made** *(datetime) --*

        When.

      - **Parts** *(list) --*

        - *(dict) --*

          - **Code** *(string) --* **[REQUIRED]**

  :type Note: string
  :param Note:

    Optional.

  :rtype: dict
  :returns:

    **Response Structure**

    - *(dict) --*

      - **Stored** *(list) --*

        - *(dict) --*

          - **Name** *(string) --*

          - **Size** *(integer) --*

  **Exceptions**

  *   :py:class:\`Shop.Client.exceptions.BadWidgetException\`

  *   :py:class:\`Shop.Client.exceptions.ThrottlingException\`
`;

describe('boto3 reStructuredText parser', () => {
  const facts = parseBoto3Rst(PAGE, 'r.txt');

  it('takes the operation from the API documentation link', () => {
    expect(facts.operation).toBe('PutWidget');
    expect(facts.http).toBeUndefined();
    expect(facts.requestIncludesUri).toBe(true);
  });

  it('reads top-level parameters with types and required flags', () => {
    expect(facts.request.map((m) => [m.name, m.type, m.required])).toEqual([
      ['ShopId', 'string', true],
      ['Items', 'list', true],
      ['Note', 'string', false],
    ]);
  });

  it('nests members by indentation, list elements included', () => {
    const items = facts.request[1];
    expect(items.itemType).toBe('structure');
    expect(items.members?.map((m) => [m.name, m.type, m.required])).toEqual([
      ['Name', 'string', true],
      ['Made', 'timestamp', false],
      ['Parts', 'list', false],
    ]);
    expect(items.members?.[2].members?.map((m) => [m.name, m.required])).toEqual([['Code', true]]);
  });

  it('reads the response structure without required flags', () => {
    expect(facts.response.map((m) => m.name)).toEqual(['Stored']);
    expect(facts.response[0].members?.map((m) => [m.name, m.type, m.required])).toEqual([
      ['Name', 'string', undefined],
      ['Size', 'integer', undefined],
    ]);
  });

  it('lists exceptions without statuses', () => {
    expect(facts.errors.map((e) => [e.shape, e.status])).toEqual([
      ['BadWidgetException', undefined],
      ['ThrottlingException', undefined],
    ]);
  });
});
