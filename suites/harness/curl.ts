// A shell command that reproduces a recorded request. Secrets are never in it: a signed request
// becomes `curl --aws-sigv4` reading the credentials from the user's environment at run time.
import type { ServiceName } from '../../spec/services.js';
import { SIGNING_NAME } from './signing.js';
import { REDACTED } from './redact.js';
import type { Exchange } from './verdict.js';

/** POSIX single-quote quoting. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

// Headers curl or the signer produce themselves, or that only mattered to the original signature.
const DROP = new Set(['host', 'content-length', 'authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'connection']);

export interface CurlOptions {
  service: ServiceName;
  region: string;
  /** Replace the recorded scheme://host[:port] (e.g. a new target). */
  baseUrl?: string;
}

export function curlFor(e: Exchange, o: CurlOptions): string {
  const signed = Object.entries(e.request.headers).some(([k, v]) => k.toLowerCase() === 'authorization' && v === REDACTED);
  let url = e.request.url;
  if (o.baseUrl) {
    const u = new URL(url);
    url = o.baseUrl.replace(/\/+$/, '') + u.pathname + u.search;
  }
  const parts = ['curl', '-sS', '-i', '-X', e.request.method, shellQuote(url)];
  for (const [k, v] of Object.entries(e.request.headers)) {
    if (DROP.has(k.toLowerCase()) || v === REDACTED) continue;
    parts.push('-H', shellQuote(`${k}: ${v}`));
  }
  if (signed) {
    parts.push('--aws-sigv4', shellQuote(`aws:amz:${o.region}:${SIGNING_NAME[o.service]}`), '--user', '"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"');
    if ('x-amz-security-token' in e.request.headers) parts.push('-H', '"x-amz-security-token: $AWS_SESSION_TOKEN"');
  }
  if (e.request.body !== undefined) parts.push('--data-binary', shellQuote(e.request.body));
  return parts.join(' ');
}
