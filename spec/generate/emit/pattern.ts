// Model patterns are Java-flavoured regular expressions; OpenAPI 3.1 schemas need ECMAScript ones
// that Ajv compiles with the `u` flag. Everything the three models use is already valid ECMAScript
// except one escaping artefact, repaired here and recorded on the schema.
import { GenerateError } from '../errors.js';

export interface TranslatedPattern {
  pattern: string;
  /** The model's text when it had to be changed. */
  original?: string;
}

export function translatePattern(modelPattern: string, where: string): TranslatedPattern {
  // botocore writes `[\\P{C}...]` (a doubled backslash, i.e. a literal backslash followed by "P{C}")
  // where the service means the Unicode property class \P{C}; the pattern would otherwise accept
  // nothing but backslashes and braces.
  const pattern = modelPattern.replace(/\\\\([pP]\{)/g, '\\$1');
  try {
    new RegExp(pattern, 'u');
  } catch (e) {
    throw new GenerateError(`${where}: pattern ${JSON.stringify(modelPattern)} is not a valid ECMAScript (u flag) regular expression: ${(e as Error).message}`);
  }
  return pattern === modelPattern ? { pattern } : { pattern, original: modelPattern };
}
