// Reads and sanity-checks one botocore model file; every problem names the file.
import fs from 'node:fs';
import path from 'node:path';
import { GenerateError } from '../errors.js';
import type { ServiceModel } from './types.js';

export function readModel(file: string): ServiceModel {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new GenerateError(`${file}: cannot read model (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new GenerateError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const m = data as Partial<ServiceModel> | null;
  if (!m || typeof m !== 'object' || typeof m.operations !== 'object' || typeof m.shapes !== 'object' || !m.operations || !m.shapes) {
    throw new GenerateError(`${file}: not a botocore service model (needs "operations" and "shapes" objects)`);
  }
  for (const [name, op] of Object.entries(m.operations)) {
    if (!op || typeof op !== 'object' || (op.errors !== undefined && !Array.isArray(op.errors))) {
      throw new GenerateError(`${file}: operation ${name} is malformed`);
    }
  }
  for (const [name, shape] of Object.entries(m.shapes)) {
    if (!shape || typeof shape !== 'object' || typeof shape.type !== 'string') throw new GenerateError(`${file}: shape ${name} has no type`);
    if (shape.members !== undefined && (typeof shape.members !== 'object' || shape.members === null)) throw new GenerateError(`${file}: shape ${name} has malformed members`);
  }
  return m as ServiceModel;
}

export function modelFile(docsDir: string, service: string): string {
  return path.join(docsDir, 'models', `${service}.service-2.json`);
}
