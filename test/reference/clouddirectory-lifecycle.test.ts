// Schemas, facets and directories of the Cloud Directory reference, and the
// x-amz-data-partition rules (DIR-HDR-1).
import { describe, expect, it } from 'vitest';
import { directory, group, harness } from './clouddirectory-setup.js';

const ARN = 'arn:aws:clouddirectory:us-east-1:123456789012:';

describe('schemas', () => {
  it('creates development schemas once and publishes them with versioned ARNs', async () => {
    const h = harness();
    const dev = await h.call('CreateSchema', { Name: 'inv' });
    expect(dev.SchemaArn).toBe(`${ARN}schema/development/inv`);
    expect((await h.error('CreateSchema', { Name: 'inv' })).shape).toBe('SchemaAlreadyExistsException');
    const p1 = await h.call('PublishSchema', { DevelopmentSchemaArn: dev.SchemaArn, Version: '1' });
    expect(p1.PublishedSchemaArn).toBe(`${ARN}schema/published/inv/1`);
    const p2 = await h.call('PublishSchema', { DevelopmentSchemaArn: dev.SchemaArn, Version: '2', MinorVersion: '5', Name: 'other' });
    expect(p2.PublishedSchemaArn).toBe(`${ARN}schema/published/other/2/5`);
    expect((await h.error('PublishSchema', { DevelopmentSchemaArn: dev.SchemaArn, Version: '1' })).shape).toBe('SchemaAlreadyPublishedException');
    expect((await h.error('PublishSchema', { DevelopmentSchemaArn: `${ARN}schema/development/nope`, Version: '1' })).shape).toBe('ResourceNotFoundException');
  });

  it('checks facets when they are created', async () => {
    const h = harness();
    const dev = (await h.call('CreateSchema', { Name: 's' })).SchemaArn;
    await h.call('CreateFacet', { SchemaArn: dev, Name: 'F', ObjectType: 'NODE', Attributes: [] });
    expect((await h.error('CreateFacet', { SchemaArn: dev, Name: 'F', ObjectType: 'NODE' })).shape).toBe('FacetAlreadyExistsException');
    expect((await h.error('CreateFacet', { SchemaArn: `${ARN}schema/development/zz`, Name: 'G', ObjectType: 'NODE' })).shape).toBe('ResourceNotFoundException');
    expect((await h.error('CreateFacet', { SchemaArn: 'not-an-arn', Name: 'G', ObjectType: 'NODE' })).shape).toBe('InvalidArnException');
    const badRule = { Name: 'a', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'NUMBER', Rules: { r: { Type: 'STRING_LENGTH', Parameters: { max: '3' } } } } };
    expect((await h.error('CreateFacet', { SchemaArn: dev, Name: 'G', ObjectType: 'NODE', Attributes: [badRule] })).shape).toBe('InvalidRuleException');
    const badDefault = { Name: 'a', RequiredBehavior: 'NOT_REQUIRED', AttributeDefinition: { Type: 'NUMBER', DefaultValue: { StringValue: 'x' } } };
    expect((await h.error('CreateFacet', { SchemaArn: dev, Name: 'G', ObjectType: 'NODE', Attributes: [badDefault] })).shape).toBe('FacetValidationException');
    const tl = { Name: 'L', Attributes: [{ Name: 'a', Type: 'STRING', RequiredBehavior: 'REQUIRED_ALWAYS' }], IdentityAttributeOrder: ['b'] };
    expect((await h.error('CreateTypedLinkFacet', { SchemaArn: dev, Facet: tl })).shape).toBe('FacetValidationException');
  });

  it('refuses to delete a published schema still applied to a live directory', async () => {
    const h = harness();
    const dev = (await h.call('CreateSchema', { Name: 's' })).SchemaArn;
    const pub = (await h.call('PublishSchema', { DevelopmentSchemaArn: dev, Version: '1' })).PublishedSchemaArn;
    const d = await h.call('CreateDirectory', { SchemaArn: pub, Name: 'd' });
    expect((await h.error('DeleteSchema', { SchemaArn: pub })).shape).toBe('StillContainsLinksException');
    await h.call('DisableDirectory', { DirectoryArn: d.DirectoryArn });
    await h.call('DeleteDirectory', { DirectoryArn: d.DirectoryArn });
    expect(await h.call('DeleteSchema', { SchemaArn: pub })).toEqual({ SchemaArn: pub });
    expect(await h.call('DeleteSchema', { SchemaArn: dev })).toEqual({ SchemaArn: dev });
    expect((await h.error('DeleteSchema', { SchemaArn: dev })).shape).toBe('ResourceNotFoundException');
  });
});

describe('directories', () => {
  it('creates a directory from a published schema, with its root and applied schema ARN', async () => {
    const h = harness();
    const dev = (await h.call('CreateSchema', { Name: 'org' })).SchemaArn;
    expect((await h.error('CreateDirectory', { SchemaArn: dev, Name: 'x' })).shape).toBe('InvalidArnException');
    const pub = (await h.call('PublishSchema', { DevelopmentSchemaArn: dev, Version: '3' })).PublishedSchemaArn;
    const d = await h.call('CreateDirectory', { SchemaArn: pub, Name: 'x' });
    expect(d.DirectoryArn).toMatch(/^arn:aws:clouddirectory:us-east-1:123456789012:directory\/[A-Za-z0-9_-]+$/);
    expect(d.AppliedSchemaArn).toBe(`${d.DirectoryArn}/schema/org/3`);
    expect(d.Name).toBe('x');
    expect(typeof d.ObjectIdentifier).toBe('string');
    expect((await h.error('CreateDirectory', { SchemaArn: pub, Name: 'x' })).shape).toBe('DirectoryAlreadyExistsException');
    const got = await h.call('GetDirectory', { DirectoryArn: d.DirectoryArn });
    expect(got.Directory).toEqual({ Name: 'x', DirectoryArn: d.DirectoryArn, State: 'ENABLED', CreationDateTime: 1_700_000_000 });
    const root = await h.call('GetObjectInformation', { DirectoryArn: d.DirectoryArn, ObjectReference: { Selector: '/' } });
    expect(root.ObjectIdentifier).toBe(d.ObjectIdentifier);
  });

  it('disables, then deletes; a disabled directory rejects data operations', async () => {
    const d = await directory();
    expect((await d.h.error('DeleteDirectory', { DirectoryArn: d.dirArn })).shape).toBe('DirectoryNotDisabledException');
    expect(await d.h.call('DisableDirectory', { DirectoryArn: d.dirArn })).toEqual({ DirectoryArn: d.dirArn });
    expect((await d.h.call('GetDirectory', { DirectoryArn: d.dirArn })).Directory.State).toBe('DISABLED');
    const e = await d.writeError([group(d)]);
    expect(e.shape).toBe('DirectoryNotEnabledException');
    for (const op of ['BatchRead', 'ListObjectChildren', 'GetObjectInformation', 'ListObjectAttributes']) {
      const input = op === 'BatchRead' ? { Operations: [] } : { ObjectReference: { Selector: '/' } };
      expect((await d.h.error(op, { DirectoryArn: d.dirArn, ...input })).shape).toBe('DirectoryNotEnabledException');
    }
    await d.h.call('DeleteDirectory', { DirectoryArn: d.dirArn });
    expect((await d.h.call('GetDirectory', { DirectoryArn: d.dirArn })).Directory.State).toBe('DELETED');
    expect((await d.writeError([group(d)])).shape).toBe('AccessDeniedException');
    expect((await d.h.error('DisableDirectory', { DirectoryArn: d.dirArn })).shape).toBe('DirectoryDeletedException');
    expect((await d.h.error('DeleteDirectory', { DirectoryArn: d.dirArn })).shape).toBe('DirectoryDeletedException');
  });
});

describe('x-amz-data-partition (DIR-HDR-1)', () => {
  it('missing or malformed is InvalidArnException, unknown is AccessDeniedException', async () => {
    const d = await directory();
    const unknown = `${ARN}directory/AAAAAAAAAAAAAAAAAAAAAAA`;
    expect((await d.h.error('BatchWrite', { Operations: [] })).shape).toBe('InvalidArnException');
    expect((await d.h.error('BatchWrite', { DirectoryArn: 'arn:aws:s3:::bucket', Operations: [] })).shape).toBe('InvalidArnException');
    expect((await d.h.error('BatchWrite', { DirectoryArn: d.schemaArn, Operations: [] })).shape).toBe('InvalidArnException');
    expect((await d.h.error('BatchWrite', { DirectoryArn: unknown, Operations: [] })).shape).toBe('AccessDeniedException');
    expect((await d.h.error('BatchRead', { DirectoryArn: unknown, Operations: [] })).shape).toBe('AccessDeniedException');
    expect((await d.h.error('GetDirectory', { DirectoryArn: unknown })).shape).toBe('AccessDeniedException');
    expect((await d.h.error('DisableDirectory', { DirectoryArn: unknown })).shape).toBe('ResourceNotFoundException');
  });

  it('the core hook turns a schema failure with a missing header into InvalidArnException', () => {
    const h = harness();
    const hook = (h.handler as unknown as { validationError: (o: string, p: string[], i: Record<string, unknown>) => { shape: string } | undefined }).validationError;
    expect(hook('BatchWrite', ['(root): must have required property DirectoryArn'], { Operations: [] })?.shape).toBe('InvalidArnException');
    expect(hook('BatchWrite', ['/Operations: must be array'], { DirectoryArn: `${ARN}directory/abc`, Operations: 1 })).toBeUndefined();
    expect(hook('CreateSchema', ['/Name: too long'], { Name: 'x'.repeat(40) })).toBeUndefined();
  });

  it('an empty batch succeeds with no responses', async () => {
    const d = await directory();
    expect(await d.write([])).toEqual({ Responses: [] });
  });
});
