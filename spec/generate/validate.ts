// Validates a generated document with @apidevtools/swagger-parser. The parser dereferences
// and mutates what it is given, so it only ever sees a deep copy.
import SwaggerParser from '@apidevtools/swagger-parser';
import { GenerateError } from './errors.js';

export async function validateOpenApi(doc: unknown, label: string): Promise<void> {
  const copy = structuredClone(doc) as Parameters<typeof SwaggerParser.validate>[0];
  try {
    await SwaggerParser.validate(copy);
  } catch (e) {
    throw new GenerateError(`${label}: generated OpenAPI is invalid: ${(e as Error).message}`);
  }
}
