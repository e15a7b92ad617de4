// The command-line options that stand for keys of lockstep.config.json, declared once from
// CONFIG_KEYS so a new key reaches every command that takes it.
import type { ParseArgsConfig } from 'node:util';
import { CONFIG_KEYS, URL_KEY, type ConfigKey } from '../suites/harness/config.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Keys that name endpoints (compare takes its endpoints from its own --target NAME=URL). */
export const ENDPOINT_KEYS: readonly ConfigKey[] = ['target', ...Object.values(URL_KEY)];

/** Keys every endpoint of a run shares. */
export const SHARED_KEYS: readonly ConfigKey[] = CONFIG_KEYS.filter((k) => !ENDPOINT_KEYS.includes(k));

/** parseArgs options for these keys: `strict` is a switch, the others take a value. */
export function configFlagOptions(keys: readonly ConfigKey[]): Options {
  const out: Options = {};
  for (const k of keys) out[k] = { type: k === 'strict' ? 'boolean' : 'string' };
  return out;
}
