// Target configuration: which APIs to test, where each one lives, which resources to use.
// Sources, strongest first: command-line flags, lockstep.config.json, defaults. Every mistake is a
// ConfigError with a one-line reason (the CLI turns it into exit code 2).
import { readFileSync, existsSync } from 'node:fs';
import { SERVICES, isServiceName, type ServiceName } from '../../spec/services.js';

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export const PROFILES = ['quick', 'standard', 'deep'] as const;
export type Profile = (typeof PROFILES)[number];

/** Resource ids the suites need on a real target (the reference accepts any valid id). */
export interface Resources {
  region: string;
  connectInstanceId: string;
  identityPoolId: string;
  identityId: string;
}

export interface TargetConfig {
  apis: ServiceName[];
  /** Base URL per selected API; undefined = the embedded reference server. */
  urls: Partial<Record<ServiceName, string>>;
  resources: Resources;
  profile: Profile;
  seed: number;
  timeoutMs: number;
  strict: boolean;
  /** Seconds the whole run may take; past it the unfinished suites are cancelled. Undefined: no limit. */
  timeBudgetS?: number;
}

/** Flag names, also the keys accepted in lockstep.config.json. */
export const CONFIG_KEYS = [
  'target',
  'connect-url',
  'cognito-sync-url',
  'clouddirectory-url',
  'api',
  'region',
  'connect-instance-id',
  'identity-pool-id',
  'identity-id',
  'profile',
  'seed',
  'strict',
  'timeout-ms',
  'time-budget',
] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];
export type RawConfig = Partial<Record<ConfigKey, unknown>>;

export const URL_KEY: Record<ServiceName, ConfigKey> = {
  connect: 'connect-url',
  'cognito-sync': 'cognito-sync-url',
  clouddirectory: 'clouddirectory-url',
};

// Defaults that satisfy the models' patterns; the reference server treats them as existing.
export const DEFAULT_RESOURCES: Resources = {
  region: 'us-east-1',
  connectInstanceId: '00000000-0000-4000-8000-00000000c0de',
  identityPoolId: 'us-east-1:00000000-0000-4000-8000-000000000001',
  identityId: 'us-east-1:00000000-0000-4000-8000-000000000002',
};

const IDENTITY_PATTERN = /^[\w-]+:[0-9a-f-]+$/;
const REGION_PATTERN = /^[a-z]{2}(-[a-z]+)+-\d+$/;
export const DEFAULT_TIMEOUT_MS = 10_000;

/** Reads and validates a config file. Missing optional file -> {}. */
export function readConfigFile(file: string, required: boolean): RawConfig {
  if (!existsSync(file)) {
    if (required) throw new ConfigError(`config file ${file} does not exist`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`config file ${file} is not valid JSON: ${(e as Error).message}`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new ConfigError(`config file ${file} must hold a JSON object`);
  }
  const out: RawConfig = {};
  for (const [k, v] of Object.entries(parsed)) {
    if (!(CONFIG_KEYS as readonly string[]).includes(k)) {
      throw new ConfigError(`config file ${file}: unknown key "${k}"; allowed keys: ${CONFIG_KEYS.join(', ')}`);
    }
    out[k as ConfigKey] = v;
  }
  return out;
}

function str(key: string, v: unknown): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.trim() === '') throw new ConfigError(`${key} must be a non-empty string`);
  return v.trim();
}

function baseUrl(key: string, v: unknown): string | undefined {
  const s = str(key, v);
  if (s === undefined) return undefined;
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    throw new ConfigError(`${key} "${s}" is not a URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new ConfigError(`${key} "${s}" must be http:// or https://`);
  if (u.search || u.hash || u.username || u.password) throw new ConfigError(`${key} "${s}" must not carry a query, fragment or credentials`);
  return u.origin + u.pathname.replace(/\/+$/, '');
}

function parseApis(v: unknown): ServiceName[] | undefined {
  if (v === undefined) return undefined;
  const list = Array.isArray(v) ? v : typeof v === 'string' ? v.split(',') : null;
  if (!list || list.some((x) => typeof x !== 'string')) throw new ConfigError('api must be a comma-separated string or a list of strings');
  const names = (list as string[]).map((s) => s.trim()).filter(Boolean);
  const bad = names.filter((n) => !isServiceName(n));
  if (bad.length) throw new ConfigError(`unknown api ${bad.join(', ')}; expected one of ${SERVICES.join(', ')}`);
  if (names.length === 0) throw new ConfigError('api names no API');
  return [...new Set(names)] as ServiceName[];
}

function parseInt32(key: string, v: unknown, min: number, max: number): number | undefined {
  if (v === undefined) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d+$/.test(v.trim()) ? Number(v.trim()) : NaN;
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(`${key} must be an integer from ${min} to ${max}`);
  return n;
}

function parseBool(key: string, v: unknown): boolean | undefined {
  if (v === undefined || typeof v === 'boolean') return v;
  throw new ConfigError(`${key} must be true or false`);
}

/** Merges flags over file values (flags win) and validates the result. */
export function resolveConfig(flags: RawConfig, file: RawConfig = {}, randomSeed = () => Date.now() % 2 ** 31): TargetConfig {
  const get = (k: ConfigKey): unknown => (flags[k] !== undefined ? flags[k] : file[k]);
  const target = baseUrl('target', get('target'));
  const urls: Partial<Record<ServiceName, string>> = {};
  for (const s of SERVICES) {
    const u = baseUrl(URL_KEY[s], get(URL_KEY[s])) ?? target;
    if (u !== undefined) urls[s] = u;
  }
  let apis = parseApis(get('api'));
  if (!apis) {
    // Only per-API URLs and no --target: test just those APIs rather than mixing in the reference.
    const withUrl = SERVICES.filter((s) => get(URL_KEY[s]) !== undefined);
    apis = target === undefined && withUrl.length > 0 ? withUrl : [...SERVICES];
  }
  for (const s of SERVICES) if (!apis.includes(s)) delete urls[s];

  const region = str('region', get('region')) ?? DEFAULT_RESOURCES.region;
  if (!REGION_PATTERN.test(region)) throw new ConfigError(`region "${region}" does not look like an AWS region (e.g. us-east-1)`);
  const connectInstanceId = str('connect-instance-id', get('connect-instance-id')) ?? DEFAULT_RESOURCES.connectInstanceId;
  if (connectInstanceId.length > 100) throw new ConfigError('connect-instance-id must be at most 100 characters');
  const identityPoolId = str('identity-pool-id', get('identity-pool-id')) ?? DEFAULT_RESOURCES.identityPoolId;
  const identityId = str('identity-id', get('identity-id')) ?? DEFAULT_RESOURCES.identityId;
  for (const [k, v] of [['identity-pool-id', identityPoolId], ['identity-id', identityId]] as const) {
    if (v.length > 55 || !IDENTITY_PATTERN.test(v)) throw new ConfigError(`${k} "${v}" must look like <region>:<hex id> (at most 55 characters)`);
  }

  const profileRaw = str('profile', get('profile')) ?? 'standard';
  if (!(PROFILES as readonly string[]).includes(profileRaw)) throw new ConfigError(`profile must be one of ${PROFILES.join(', ')}`);

  return {
    apis,
    urls,
    resources: { region, connectInstanceId, identityPoolId, identityId },
    profile: profileRaw as Profile,
    seed: parseInt32('seed', get('seed'), 0, 2 ** 31 - 1) ?? randomSeed(),
    timeoutMs: parseInt32('timeout-ms', get('timeout-ms'), 1, 600_000) ?? DEFAULT_TIMEOUT_MS,
    strict: parseBool('strict', get('strict')) ?? false,
    ...optional('timeBudgetS', parseInt32('time-budget', get('time-budget'), 1, 7 * 24 * 3600)),
  };
}

function optional<K extends string, V>(key: K, v: V | undefined): { [P in K]?: V } {
  return (v === undefined ? {} : { [key]: v }) as { [P in K]?: V };
}

/** SigV4 credentials from the standard environment variables; absent = requests go unsigned. */
export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export function credentialsFromEnv(env: NodeJS.ProcessEnv = process.env): Credentials | undefined {
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim();
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim();
  if (!accessKeyId || !secretAccessKey) return undefined;
  const sessionToken = env.AWS_SESSION_TOKEN?.trim() || undefined;
  return { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) };
}
