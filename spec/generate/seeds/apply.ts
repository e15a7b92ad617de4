// Applies the page-wins reconciliations to a copy of the model, so that emission stays model-driven.
import { GenerateError } from '../errors.js';
import type { ModelShape, ServiceModel } from '../model/types.js';
import type { Patch } from './crosscheck.js';

/** The body member that carries an error's message in this service (`Message`, Cognito Sync `message`). */
function messageMember(model: ServiceModel, operation: string): { name: string; shape: string } {
  for (const e of model.operations[operation]?.errors ?? []) {
    for (const [name, ref] of Object.entries(model.shapes[e.shape]?.members ?? {})) {
      if (name.toLowerCase() === 'message') return { name, shape: ref.shape };
    }
  }
  return { name: 'Message', shape: 'String' };
}

export function applyPatches(source: ServiceModel, patches: Patch[], where: string): ServiceModel {
  const model = structuredClone(source);
  for (const p of patches) {
    switch (p.kind) {
      case 'http': {
        model.operations[p.operation].http = { ...model.operations[p.operation].http, method: p.method, requestUri: p.uri };
        break;
      }
      case 'error-add': {
        if (!model.shapes[p.shape]) {
          const msg = messageMember(model, p.operation);
          if (!model.shapes[msg.shape]) model.shapes[msg.shape] = { type: 'string' };
          model.shapes[p.shape] = { type: 'structure', members: { [msg.name]: { shape: msg.shape } }, exception: true, error: { httpStatusCode: p.status } };
        }
        const op = model.operations[p.operation];
        op.errors = [...(op.errors ?? []), { shape: p.shape }];
        break;
      }
      case 'error-remove': {
        const op = model.operations[p.operation];
        op.errors = (op.errors ?? []).filter((e) => e.shape !== p.shape);
        break;
      }
      case 'error-status': {
        const s = model.shapes[p.shape];
        s.error = { ...s.error, httpStatusCode: p.status };
        break;
      }
      case 'required': {
        const s = model.shapes[p.structure];
        const rest = (s.required ?? []).filter((m) => m !== p.member);
        s.required = p.required ? [...rest, p.member] : rest;
        break;
      }
      case 'constraint': {
        // the member gets its own copy of the value shape: other users keep the model's constraint
        const s = model.shapes[p.structure];
        const ref = s.members![p.member];
        const copyName = `${ref.shape}__${p.structure}_${p.member}`;
        const copy: ModelShape = { ...(model.shapes[copyName] ?? model.shapes[ref.shape]) };
        const key = p.key;
        if (key === 'pattern') copy.pattern = p.value as string;
        else if (key === 'enum') copy.enum = p.value as string[];
        else if (key === 'minLength' || key === 'minItems' || key === 'minimum') copy.min = p.value as number;
        else copy.max = p.value as number;
        model.shapes[copyName] = copy;
        s.members![p.member] = { ...ref, shape: copyName };
        break;
      }
      case 'member-remove': {
        const s = model.shapes[p.structure];
        if (s.members) delete s.members[p.member];
        s.required = (s.required ?? []).filter((m) => m !== p.member);
        break;
      }
      case 'unsupported':
        throw new GenerateError(`${where}: a reconciliation makes the page win on ${p.what}, which the generator cannot apply; make the model win or extend spec/generate/seeds/apply.ts`);
    }
  }
  return model;
}
