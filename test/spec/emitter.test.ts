import { describe, expect, it } from 'vitest';
import { SchemaEmitter } from '../../spec/generate/emit/schemas.js';
import { translatePattern } from '../../spec/generate/emit/pattern.js';
import { MODEL_ONLY } from '../../spec/generate/emit/provenance.js';
import { GenerateError } from '../../spec/generate/errors.js';
import type { ServiceModel } from '../../spec/generate/model/types.js';

// A tiny model written for this test, exercising each shape kind the emitter converts.
const MODEL: ServiceModel = {
  metadata: {},
  operations: {},
  shapes: {
    Thing: {
      type: 'structure',
      required: ['Ids'],
      members: {
        Ids: { shape: 'IdList' },
        Data: { shape: 'Bytes' },
        When: { shape: 'Stamp' },
        Ratio: { shape: 'Ratio' },
        Labels: { shape: 'LabelMap' },
        Choice: { shape: 'Choice' },
        self: { shape: 'Thing', locationName: 'selfRef' },
      },
    },
    IdList: { type: 'list', member: { shape: 'Id' }, min: 1, max: 3 },
    Id: { type: 'string', min: 2, max: 4, pattern: '^[a-z]+$' },
    Bytes: { type: 'blob', max: 10 },
    Stamp: { type: 'timestamp' },
    Ratio: { type: 'double', min: 0, max: 1 },
    LabelMap: { type: 'map', key: { shape: 'Id' }, value: { shape: 'Plain' }, max: 2 },
    Plain: { type: 'string' },
    Choice: { type: 'structure', union: true, members: { A: { shape: 'Plain' }, B: { shape: 'Ratio' } } },
  },
};

describe('schema emitter', () => {
  const e = new SchemaEmitter(MODEL, 'test-model.json', MODEL_ONLY, new Set());
  e.ref('Thing');
  e.flush();
  const thing = e.components.Thing as any;

  it('lists carry minItems/maxItems and their element constraints', () => {
    expect(thing.properties.Ids).toMatchObject({ type: 'array', minItems: 1, maxItems: 3, items: { type: 'string', minLength: 2, maxLength: 4, pattern: '^[a-z]+$' } });
    expect(thing.required).toEqual(['Ids']);
  });

  it('blobs are base64 strings, timestamps numbers, doubles bounded numbers', () => {
    expect(thing.properties.Data).toMatchObject({ type: 'string', contentEncoding: 'base64', 'x-lockstep-maxBytes': 10 });
    expect(thing.properties.When.type).toBe('number');
    expect(thing.properties.Ratio).toMatchObject({ type: 'number', minimum: 0, maximum: 1 });
  });

  it('maps become objects with value schema, key constraints and size bounds', () => {
    expect(thing.properties.Labels).toMatchObject({ type: 'object', additionalProperties: { type: 'string' }, maxProperties: 2, propertyNames: { minLength: 2 } });
  });

  it('unions hold exactly one member; structures are references (recursion included)', () => {
    expect(thing.properties.Choice.$ref).toBe('#/components/schemas/Choice');
    expect(e.components.Choice).toMatchObject({ minProperties: 1, maxProperties: 1, additionalProperties: false });
    expect(thing.properties.selfRef.$ref).toBe('#/components/schemas/Thing');
    expect(thing.properties.selfRef['x-lockstep-source']).toBe('model');
  });

  it('a missing shape fails naming the model file and the user', () => {
    const bad = new SchemaEmitter({ ...MODEL, shapes: { S: { type: 'structure', members: { X: { shape: 'Nope' } } } } }, 'bad.json', MODEL_ONLY, new Set());
    expect(() => bad.structure('S', () => true)).toThrow(/bad\.json: shape Nope \(used by S\.X\) is missing/);
  });
});

describe('pattern translation', () => {
  it('keeps valid ECMAScript patterns as they are', () => {
    expect(translatePattern('^[\\p{L}\\-_]+$', 'w')).toEqual({ pattern: '^[\\p{L}\\-_]+$' });
  });

  it('repairs the doubled backslash before a Unicode property and records the original', () => {
    const t = translatePattern('^[\\\\P{C}\\r\\n\\t]+$', 'w');
    expect(t).toEqual({ pattern: '^[\\P{C}\\r\\n\\t]+$', original: '^[\\\\P{C}\\r\\n\\t]+$' });
    const re = new RegExp(t.pattern, 'u');
    expect(re.test('plain text')).toBe(true);
    expect(re.test('bell\u0007')).toBe(false);
  });

  it('fails on a pattern ECMAScript cannot compile, naming where it is', () => {
    expect(() => translatePattern('a++', 'model.json shape X')).toThrow(GenerateError);
    expect(() => translatePattern('a++', 'model.json shape X')).toThrow(/model\.json shape X/);
  });
});
