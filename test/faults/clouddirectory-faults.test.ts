// Each Cloud Directory fault differs from the reference exactly as its description says.
import { describe, expect, it } from 'vitest';
import { FAULTS } from '../../fixtures/faults/clouddirectory.js';
import { directory, group, person, type Dir } from '../reference/clouddirectory-setup.js';

/** Runs `scenario` on the reference and on the reference with `fault`. */
async function both<T>(fault: string, scenario: (d: Dir) => Promise<T>): Promise<{ ref: T; faulty: T }> {
  return { ref: await scenario(await directory()), faulty: await scenario(await directory([fault])) };
}

describe('the Cloud Directory fault catalog', () => {
  it('names each fault once, for clouddirectory, with a DIR requirement', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(6);
    expect(new Set(FAULTS.map((f) => f.name)).size).toBe(FAULTS.length);
    for (const f of FAULTS) {
      expect(f.name).toMatch(/^dir-[a-z0-9-]+$/);
      expect(f.service).toBe('clouddirectory');
      expect(f.requirement).toMatch(/^DIR-(ATOMIC|ORDER|EXC|REF|LIMIT|HDR|CONC)-\d$/);
      expect(f.description.length).toBeGreaterThan(20);
    }
    expect(FAULTS.filter((f) => f.concurrencyOnly).map((f) => f.requirement)).toEqual(['DIR-CONC-1']);
  });
});

describe('faults, sequential', () => {
  it('dir-partial-batch: the operations before a failure stay applied', async () => {
    const { ref, faulty } = await both('dir-partial-batch', async (d) => {
      const e = await d.writeError([
        group(d, { ParentReference: { Selector: '/' }, LinkName: 'first' }),
        group(d, { ParentReference: { Selector: '/' }, LinkName: 'first' }),
      ]);
      return { members: e.members, children: Object.keys(await d.children('/')) };
    });
    expect(ref).toEqual({ members: { Index: 1, Type: 'LinkNameAlreadyInUseException' }, children: [] });
    expect(faulty).toEqual({ members: { Index: 1, Type: 'LinkNameAlreadyInUseException' }, children: ['first'] });
  });

  it('dir-index-off-by-one: Index names the next operation', async () => {
    const { ref, faulty } = await both('dir-index-off-by-one', async (d) =>
      (await d.writeError([group(d), group(d), { DeleteObject: { ObjectReference: { Selector: '$missing' } } }])).members,
    );
    expect(ref).toEqual({ Index: 2, Type: 'ResourceNotFoundException' });
    expect(faulty).toEqual({ Index: 3, Type: 'ResourceNotFoundException' });
  });

  it('dir-link-name-wrong-type: a taken link name has the wrong Type', async () => {
    const { ref, faulty } = await both('dir-link-name-wrong-type', async (d) => {
      await d.write([group(d, { ParentReference: { Selector: '/' }, LinkName: 'x' })]);
      return (await d.writeError([person(d, 'p', { ParentReference: { Selector: '/' }, LinkName: 'x' })])).members;
    });
    expect(ref).toEqual({ Index: 0, Type: 'LinkNameAlreadyInUseException' });
    expect(faulty).toEqual({ Index: 0, Type: 'InvalidAttachmentException' });
  });

  it('dir-batch-ref-unresolved: #name selectors fail', async () => {
    const { ref, faulty } = await both('dir-batch-ref-unresolved', async (d) => {
      const ops = [group(d, { BatchReferenceName: 'g' }), { AttachObject: { ParentReference: { Selector: '/' }, ChildReference: { Selector: '#g' }, LinkName: 'g' } }];
      try {
        return { ok: (await d.write(ops)).Responses.length };
      } catch (e) {
        return { error: (e as { members: unknown }).members };
      }
    });
    expect(ref).toEqual({ ok: 2 });
    expect(faulty).toEqual({ error: { Index: 1, Type: 'ResourceNotFoundException' } });
  });

  it('dir-response-casing: AttachObject answers AttachedObjectIdentifier', async () => {
    const { ref, faulty } = await both('dir-response-casing', async (d) => {
      const r = await d.write([person(d, 'p', { BatchReferenceName: 'p' }), { AttachObject: { ParentReference: { Selector: '/' }, ChildReference: { Selector: '#p' }, LinkName: 'p' } }]);
      return Object.keys(r.Responses[1].AttachObject);
    });
    expect(ref).toEqual(['attachedObjectIdentifier']);
    expect(faulty).toEqual(['AttachedObjectIdentifier']);
  });

  it('dir-disabled-writable: BatchWrite on a disabled directory succeeds', async () => {
    const { ref, faulty } = await both('dir-disabled-writable', async (d) => {
      await d.h.call('DisableDirectory', { DirectoryArn: d.dirArn });
      try {
        return (await d.write([group(d)])).Responses.length;
      } catch (e) {
        return (e as Error).name;
      }
    });
    expect(ref).toBe('DirectoryNotEnabledException');
    expect(faulty).toBe(1);
  });

  it('dir-delete-attached: deleting an attached object succeeds', async () => {
    const { ref, faulty } = await both('dir-delete-attached', async (d) => {
      await d.write([person(d, 'p', { ParentReference: { Selector: '/' }, LinkName: 'p' })]);
      try {
        await d.write([{ DeleteObject: { ObjectReference: { Selector: '/p' } } }]);
        return { deleted: true, children: Object.keys(await d.children('/')) };
      } catch (e) {
        return { error: (e as { members: unknown }).members, children: Object.keys(await d.children('/')) };
      }
    });
    expect(ref).toEqual({ error: { Index: 0, Type: 'ObjectNotDetachedException' }, children: ['p'] });
    expect(faulty).toEqual({ deleted: true, children: [] });
  });

  it('dir-no-write-limits: a batch writing 21 objects is applied', async () => {
    const { ref, faulty } = await both('dir-no-write-limits', async (d) => {
      const ops = Array.from({ length: 21 }, (_, i) => group(d, { ParentReference: { Selector: '/' }, LinkName: `g${i}` }));
      try {
        await d.write(ops);
      } catch (e) {
        return { type: (e as { members: { Type?: unknown } }).members.Type, children: Object.keys(await d.children('/')).length };
      }
      return { type: 'none', children: Object.keys(await d.children('/')).length };
    });
    expect(ref).toEqual({ type: 'LimitExceededException', children: 0 });
    expect(faulty).toEqual({ type: 'none', children: 21 });
  });

  it('dir-batch-steps-visible: alone, a batch ends exactly as on the reference', async () => {
    const { ref, faulty } = await both('dir-batch-steps-visible', async (d) => {
      const r = await d.write([group(d, { ParentReference: { Selector: '/' }, LinkName: 'a' }), group(d, { ParentReference: { Selector: '/' }, LinkName: 'b' })]);
      const e = await d.writeError([group(d, { ParentReference: { Selector: '/' }, LinkName: 'c' }), group(d, { ParentReference: { Selector: '/' }, LinkName: 'a' })]);
      return { n: r.Responses.length, members: e.members, children: Object.keys(await d.children('/')).sort() };
    });
    expect(faulty).toEqual(ref);
    expect(ref.children).toEqual(['a', 'b']);
  });
});

describe('faults, concurrent', () => {
  /** Reads the root's children while a three-object batch is in flight; returns every count seen. */
  async function observe(d: Dir): Promise<Set<number>> {
    const seen = new Set<number>();
    const ops = ['a', 'b', 'c'].map((n) => group(d, { ParentReference: { Selector: '/' }, LinkName: n }));
    let settled = false;
    const write = d.write(ops).finally(() => {
      settled = true;
    });
    // Bounded: the faulty batch pauses a few milliseconds per operation.
    for (let i = 0; i < 5000 && !settled; i++) {
      seen.add(Object.keys(await d.children('/')).length);
      await new Promise((r) => setTimeout(r, 1));
    }
    await write;
    seen.add(Object.keys(await d.children('/')).length);
    return seen;
  }

  it('dir-batch-steps-visible: a concurrent reader sees part of a batch', async () => {
    const ref = await observe(await directory());
    const faulty = await observe(await directory(['dir-batch-steps-visible']));
    expect([...ref].every((n) => n === 0 || n === 3)).toBe(true);
    expect([...faulty].some((n) => n === 1 || n === 2)).toBe(true);
    expect(faulty.has(3)).toBe(true);
  });
});
