// Shared bits of the hostile-endpoint tests: an undici Agent with short client timeouts, and a
// way to capture the error a request ends with.
import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';

export const CLIENT_TIMEOUT_MS = 400;

export function shortAgent(extra: ConstructorParameters<typeof Agent>[0] = {}): Agent {
  return new Agent({
    connectTimeout: 2_000,
    headersTimeout: CLIENT_TIMEOUT_MS,
    bodyTimeout: CLIENT_TIMEOUT_MS,
    ...extra,
  });
}

export interface CaughtError {
  name?: string;
  code?: string;
  message: string;
  cause?: { code?: string; message?: string };
}

/** Runs `fn` and returns what it threw; fails the test if it did not throw. */
export async function caught(fn: () => Promise<unknown>): Promise<CaughtError> {
  try {
    await fn();
  } catch (e) {
    return e as CaughtError;
  }
  throw new Error('expected the request to fail, but it succeeded');
}

export async function post(
  url: string,
  dispatcher: Dispatcher,
  body = '{"Values":[]}',
  path = '/data-tables/i/t/values/update',
): Promise<Dispatcher.ResponseData> {
  return request(new URL(path, url), {
    method: 'POST',
    dispatcher,
    headers: { 'content-type': 'application/json' },
    body,
  });
}
