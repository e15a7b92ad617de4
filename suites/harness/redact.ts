// Secrets never leave the transport: headers and query parameters that carry credentials or
// signatures are replaced before an Exchange is recorded.
export const REDACTED = '[redacted]';

const SECRET_HEADERS = new Set(['authorization', 'x-amz-security-token', 'x-amz-signature', 'x-amz-credential', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_QUERY = new Set(['x-amz-signature', 'x-amz-credential', 'x-amz-security-token']);

/** A copy with lower-cased names and secret values replaced (runs once per recorded exchange). */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in headers) {
    const lower = k.toLowerCase();
    out[lower] = SECRET_HEADERS.has(lower) ? REDACTED : headers[k]!;
  }
  return out;
}

export function redactUrl(url: string): string {
  // Fast path (runs per request): nothing that could hold a secret.
  if (!/x-amz-|@/i.test(url)) return url;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return url;
  }
  let changed = false;
  for (const k of [...u.searchParams.keys()]) {
    if (SECRET_QUERY.has(k.toLowerCase())) {
      u.searchParams.set(k, REDACTED);
      changed = true;
    }
  }
  if (u.username || u.password) {
    u.username = '';
    u.password = '';
    changed = true;
  }
  return changed ? u.toString() : url;
}
