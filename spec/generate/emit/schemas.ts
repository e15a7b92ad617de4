// Turns model shapes into JSON Schema (2020-12, as OpenAPI 3.1 embeds it).
// Structures become named components; every other shape is inlined where it is used,
// carrying all of its constraints.
import { GenerateError } from '../errors.js';
import type { ModelShape, ServiceModel } from '../model/types.js';
import { translatePattern } from './pattern.js';
import type { Provenance } from './provenance.js';

export type Schema = Record<string, unknown>;

export const REF_PREFIX = '#/components/schemas/';

const CONSTRAINT_KEYWORDS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'enum', 'minItems', 'maxItems', 'minProperties', 'maxProperties'];

export class SchemaEmitter {
  readonly components: Record<string, Schema> = {};
  /** model structure name -> component name (input/output wrappers are renamed) */
  private readonly names = new Map<string, string>();
  private readonly pending: string[] = [];

  constructor(
    private readonly model: ServiceModel,
    private readonly modelFile: string,
    private readonly provenance: Provenance,
    private readonly unions: ReadonlySet<string>,
  ) {}

  shape(name: string, where: string): ModelShape {
    const s = this.model.shapes[name];
    if (!s || typeof s !== 'object') throw new GenerateError(`${this.modelFile}: shape ${name} (used by ${where}) is missing`);
    return s;
  }

  /** Reserve a component name for a structure (used for <Op>Request / <Op>Response). */
  rename(shapeName: string, componentName: string): void {
    this.names.set(shapeName, componentName);
  }

  ref(shapeName: string): Schema {
    let name = this.names.get(shapeName);
    if (!name) {
      name = shapeName;
      this.names.set(shapeName, name);
    }
    if (!(name in this.components) && !this.pending.includes(shapeName)) this.pending.push(shapeName);
    return { $ref: REF_PREFIX + name };
  }

  /** Emits every structure referenced so far (and what they reference). */
  flush(): void {
    while (this.pending.length > 0) {
      const shapeName = this.pending.shift()!;
      const name = this.names.get(shapeName)!;
      if (name in this.components) continue;
      this.components[name] = {}; // placeholder: recursion terminates on it
      this.components[name] = this.structure(shapeName, () => true);
    }
  }

  /** A structure's object schema holding the members `keep` selects (body members for inputs). */
  structure(shapeName: string, keep: (member: string) => boolean): Schema {
    const s = this.shape(shapeName, 'a structure');
    if (s.type !== 'structure') throw new GenerateError(`${this.modelFile}: shape ${shapeName} should be a structure, is ${s.type}`);
    const properties: Record<string, Schema> = {};
    const required: string[] = [];
    for (const [member, ref] of Object.entries(s.members ?? {})) {
      if (!keep(member)) continue;
      const key = ref.locationName ?? member; // body JSON key as the model spells it
      properties[key] = this.withSource(this.inline(ref.shape, `${shapeName}.${member}`), shapeName, member);
      if (s.required?.includes(member)) required.push(key);
    }
    const out: Schema = { type: 'object', properties };
    if (required.length > 0) out.required = required.sort();
    if (s.union || this.unions.has(shapeName)) {
      // exactly one member set
      out.minProperties = 1;
      out.maxProperties = 1;
      out.additionalProperties = false;
      out['x-lockstep-union'] = true;
    }
    return out;
  }

  /** Adds provenance to a property schema; constraints get their own source when a page documents the member. */
  withSource(schema: Schema, shapeName: string, member: string): Schema {
    const source = this.provenance.member(shapeName, member);
    const out: Schema = { ...schema, 'x-lockstep-source': source };
    if (source !== 'model' && CONSTRAINT_KEYWORDS.some((k) => k in schema)) {
      out['x-lockstep-constraint-source'] = this.provenance.constraints(shapeName, member);
    }
    return out;
  }

  /** Schema for a value of the given shape, as used at `where`. */
  inline(shapeName: string, where: string): Schema {
    const s = this.shape(shapeName, where);
    switch (s.type) {
      case 'structure':
        return this.ref(shapeName);
      case 'list': {
        if (!s.member) throw new GenerateError(`${this.modelFile}: list shape ${shapeName} has no member`);
        const out: Schema = { type: 'array', items: this.inline(s.member.shape, `${shapeName}.member`) };
        if (s.min !== undefined) out.minItems = s.min;
        if (s.max !== undefined) out.maxItems = s.max;
        return out;
      }
      case 'map': {
        if (!s.key || !s.value) throw new GenerateError(`${this.modelFile}: map shape ${shapeName} lacks key or value`);
        const out: Schema = { type: 'object', additionalProperties: this.inline(s.value.shape, `${shapeName}.value`) };
        const key = this.inline(s.key.shape, `${shapeName}.key`);
        if (Object.keys(key).some((k) => k !== 'type')) out.propertyNames = key;
        if (s.min !== undefined) out.minProperties = s.min;
        if (s.max !== undefined) out.maxProperties = s.max;
        return out;
      }
      case 'string': {
        const out: Schema = { type: 'string' };
        if (s.min !== undefined) out.minLength = s.min;
        if (s.max !== undefined) out.maxLength = s.max;
        if (s.pattern !== undefined) {
          const t = translatePattern(s.pattern, `${this.modelFile} shape ${shapeName}`);
          out.pattern = t.pattern;
          if (t.original !== undefined) out['x-lockstep-model-pattern'] = t.original;
        }
        if (s.enum) out.enum = [...s.enum];
        return out;
      }
      case 'integer':
      case 'long':
      case 'float':
      case 'double': {
        const out: Schema = { type: s.type === 'integer' || s.type === 'long' ? 'integer' : 'number' };
        if (s.min !== undefined) out.minimum = s.min;
        if (s.max !== undefined) out.maximum = s.max;
        return out;
      }
      case 'boolean':
        return { type: 'boolean' };
      case 'timestamp':
        // restJson1 bodies carry epoch seconds (COMMON-TS-1)
        return { type: 'number', 'x-lockstep-timestamp': true };
      case 'blob': {
        const out: Schema = { type: 'string', contentEncoding: 'base64' };
        // lengths of a blob count decoded bytes, which JSON Schema cannot express on the base64 text
        if (s.min !== undefined) out['x-lockstep-minBytes'] = s.min;
        if (s.max !== undefined) out['x-lockstep-maxBytes'] = s.max;
        return out;
      }
      default:
        throw new GenerateError(`${this.modelFile}: shape ${shapeName} has unsupported type ${String((s as ModelShape).type)}`);
    }
  }
}
