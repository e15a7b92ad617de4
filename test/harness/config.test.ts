import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, credentialsFromEnv, DEFAULT_RESOURCES, readConfigFile, resolveConfig } from '../../suites/harness/config.js';

const seed = () => 7;

describe('target config', () => {
  test('no target: every API, no URL (embedded reference), defaults', () => {
    const c = resolveConfig({}, {}, seed);
    expect(c.apis).toEqual(['connect', 'cognito-sync', 'clouddirectory']);
    expect(c.urls).toEqual({});
    expect(c.resources).toEqual(DEFAULT_RESOURCES);
    expect(c).toMatchObject({ profile: 'standard', seed: 7, strict: false, timeoutMs: 10_000 });
  });

  test('--target applies to all APIs; per-API URLs override it', () => {
    const c = resolveConfig({ target: 'http://a:1/', 'cognito-sync-url': 'https://b.example/prefix/' }, {}, seed);
    expect(c.urls).toEqual({ connect: 'http://a:1', 'cognito-sync': 'https://b.example/prefix', clouddirectory: 'http://a:1' });
  });

  test('only per-API URLs and no --api: just those APIs run', () => {
    const c = resolveConfig({ 'connect-url': 'http://c:2' }, {}, seed);
    expect(c.apis).toEqual(['connect']);
    expect(c.urls).toEqual({ connect: 'http://c:2' });
  });

  test('--api selects APIs; URLs of unselected APIs are dropped', () => {
    const c = resolveConfig({ target: 'http://a:1', api: 'cognito-sync, connect' }, {}, seed);
    expect(c.apis).toEqual(['cognito-sync', 'connect']);
    expect(Object.keys(c.urls).sort()).toEqual(['cognito-sync', 'connect']);
  });

  test('flags win over the file', () => {
    const c = resolveConfig({ seed: '42', region: 'eu-west-1' }, { seed: 1, region: 'us-west-2', profile: 'quick', api: ['connect'] }, seed);
    expect(c).toMatchObject({ seed: 42, profile: 'quick', apis: ['connect'] });
    expect(c.resources.region).toBe('eu-west-1');
  });

  test.each([
    [{ target: 'not a url' }, /not a URL/],
    [{ target: 'ftp://x' }, /http/],
    [{ target: 'http://u:p@x' }, /credentials/],
    [{ api: 'connect,dynamodb' }, /unknown api dynamodb/],
    [{ profile: 'huge' }, /profile/],
    [{ seed: '-1' }, /seed/],
    [{ seed: 'abc' }, /seed/],
    [{ 'timeout-ms': '0' }, /timeout-ms/],
    [{ region: 'Mars' }, /region/],
    [{ 'identity-id': 'no-colon' }, /identity-id/],
    [{ 'connect-instance-id': 'x'.repeat(101) }, /connect-instance-id/],
  ])('bad value %j is a ConfigError', (flags, msg) => {
    expect(() => resolveConfig(flags as Record<string, unknown>, {}, seed)).toThrow(ConfigError);
    expect(() => resolveConfig(flags as Record<string, unknown>, {}, seed)).toThrow(msg);
  });

  test('config file: unknown keys, bad JSON, non-object and a missing required file are clear errors', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'lockstep-cfg-'));
    const f = (name: string, text: string) => {
      const p = path.join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    expect(readConfigFile(f('ok.json', '{"target":"http://x:1","api":"connect"}'), true)).toEqual({ target: 'http://x:1', api: 'connect' });
    expect(() => readConfigFile(f('k.json', '{"targett":"x"}'), true)).toThrow(/unknown key "targett"/);
    expect(() => readConfigFile(f('j.json', '{'), true)).toThrow(/not valid JSON/);
    expect(() => readConfigFile(f('a.json', '[]'), true)).toThrow(/JSON object/);
    expect(() => readConfigFile(path.join(dir, 'missing.json'), true)).toThrow(/does not exist/);
    expect(readConfigFile(path.join(dir, 'missing.json'), false)).toEqual({});
  });

  test('credentials come from the environment only when both key and secret are set', () => {
    expect(credentialsFromEnv({})).toBeUndefined();
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'A' })).toBeUndefined();
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S' })).toEqual({ accessKeyId: 'A', secretAccessKey: 'S' });
    expect(credentialsFromEnv({ AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 'S', AWS_SESSION_TOKEN: 'T' })).toEqual({ accessKeyId: 'A', secretAccessKey: 'S', sessionToken: 'T' });
  });
});
