// Adapter from the checks to the Ajv validators compiled in spec/validators.ts.
import type { ServiceName } from '../../spec/services.js';
import { errorValidator, responseValidator } from '../../spec/validators.js';

export interface SchemaResult {
  valid: boolean;
  /** Human-readable, first few problems. */
  errors: string;
}

function summarise(errors: string[]): string {
  return errors.slice(0, 5).join('; ') + (errors.length > 5 ? `; and ${errors.length - 5} more` : '');
}

/** Validates a 200 body against `<Operation>Response`. */
export function validateResponseBody(service: ServiceName, operation: string, _status: 200, body: unknown): SchemaResult {
  const r = responseValidator(service, operation)(body);
  return { valid: r.ok, errors: summarise(r.errors) };
}

/** Validates an error body against its error shape. */
export function validateErrorBody(service: ServiceName, shape: string, body: unknown): SchemaResult {
  const r = errorValidator(service, shape)(body);
  return { valid: r.ok, errors: summarise(r.errors) };
}
