// Bad input never crashes the Connect handler: whatever an operation receives, it either answers
// or throws a modelled ApiError (which the core turns into a 4xx), never a TypeError or the like.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CONNECT_OPERATIONS } from '../../fixtures/reference/connect/handler.js';
import { ApiError } from '../../fixtures/reference/types.js';
import { Kit } from './connect-kit.js';

const names = fc.constantFrom('id', 'name', 'qty', 'nope', '', 'ID');
const lock = fc.oneof(
  fc.constant(undefined),
  fc.record({ Value: fc.string(), PrimaryValues: fc.string(), Attribute: fc.string(), DataTable: fc.string() }, { requiredKeys: [] }),
  fc.anything(),
);
const item = fc.oneof(
  fc.record(
    {
      PrimaryValues: fc.oneof(fc.array(fc.record({ AttributeName: names, Value: fc.oneof(fc.string(), fc.constant('1')) })), fc.anything()),
      AttributeName: fc.oneof(names, fc.anything()),
      Value: fc.oneof(fc.string(), fc.constantFrom('1', '[1]', '["a"]', 'true'), fc.anything()),
      LockVersion: lock,
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom(null, 0, 'x', [], {}),
  fc.anything(),
);

/** A fresh table per run (a random DeleteDataTable must not starve later runs). */
async function freshTable(): Promise<{ k: Kit; id: string; arn: string }> {
  const k = new Kit();
  const t = await k.table('VALUE');
  await k.attribute(t.Id, 'id', 'TEXT', { Primary: true });
  await k.attribute(t.Id, 'name');
  await k.attribute(t.Id, 'qty', 'NUMBER', { Validation: { Minimum: 0 } });
  await k.createOne(t.Id, 'name', 'n', [{ AttributeName: 'id', Value: '1' }]);
  return { k, id: t.Id, arn: t.Arn };
}

const input = fc.record(
  {
    // mostly the real table (placeholders replaced per run) and a list, so that item-level code is reached
    DataTableId: fc.oneof({ arbitrary: fc.constantFrom('$id', '$arn'), weight: 8 }, fc.string(), fc.anything()),
    Values: fc.oneof({ arbitrary: fc.array(item, { maxLength: 5 }), weight: 8 }, fc.anything()),
    Name: fc.oneof(fc.string(), fc.anything()),
    AttributeName: fc.oneof(names, fc.anything()),
    ValueType: fc.oneof(fc.constantFrom('TEXT', 'NUMBER', 'BOOLEAN', 'TEXT_LIST', 'NUMBER_LIST'), fc.anything()),
    Validation: fc.oneof(fc.constant(undefined), fc.record({ MinLength: fc.integer(), Minimum: fc.double(), MultipleOf: fc.double() }, { requiredKeys: [] })),
    TimeZone: fc.oneof(fc.constant('UTC'), fc.string(), fc.anything()),
    ValueLockLevel: fc.oneof(fc.constantFrom('NONE', 'VALUE'), fc.anything()),
    NextToken: fc.oneof(fc.constant(undefined), fc.string(), fc.anything()),
    MaxResults: fc.oneof(fc.constant(undefined), fc.integer(), fc.anything()),
    RecordIds: fc.oneof(fc.constant(undefined), fc.array(fc.string()), fc.anything()),
    PrimaryAttributeValues: fc.oneof(fc.constant(undefined), fc.anything()),
    AttributeIds: fc.oneof(fc.constant(undefined), fc.anything()),
  },
  { requiredKeys: ['DataTableId', 'Values'] },
);

describe('Connect reference: robustness', () => {
  it('never throws anything but ApiError, whatever the input', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CONNECT_OPERATIONS), input, async (op, given) => {
        const { k, id, arn } = await freshTable();
        const DataTableId = given.DataTableId === '$id' ? id : given.DataTableId === '$arn' ? arn : given.DataTableId;
        try {
          await k.handler.handle(op, { InstanceId: 'inst-1', ...given, DataTableId }, k.ctx);
        } catch (e) {
          if (!(e instanceof ApiError)) throw e;
          expect(e.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 1000, seed: 20261122 },
    );
  });
});
