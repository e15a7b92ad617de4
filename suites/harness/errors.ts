// Error decoding exactly as the AWS SDK v3 restJson1 deserialisers do it: the X-Amzn-ErrorType
// header first, then a body member named `code` (any casing), then `__type`; the raw value is
// sanitised (`ns#Name:uri` -> `Name`, first of a comma list).

/** `aws.protocols#ValidationException:http://...` -> `ValidationException`. */
export function sanitizeErrorCode(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  let v = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw : undefined;
  if (v === undefined) return undefined;
  if (v.includes(',')) v = v.split(',')[0]!;
  if (v.includes(':')) v = v.split(':')[0]!;
  if (v.includes('#')) v = v.split('#')[1]!;
  return v.trim();
}

function findKey(obj: Record<string, unknown>, key: string): string | undefined {
  return Object.keys(obj).find((k) => k.toLowerCase() === key.toLowerCase());
}

export interface DecodedError {
  /** The error shape name, or undefined when nothing names one. */
  code: string | undefined;
  /** Where the name came from. */
  from: 'header' | 'body-code' | 'body-__type' | 'none';
  message: string | undefined;
}

/** Decodes an error response. `headers` keys may have any case; `body` is the parsed JSON (if any). */
export function decodeError(headers: Record<string, string>, body: unknown): DecodedError {
  const hk = findKey(headers, 'x-amzn-errortype');
  const obj = body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : undefined;
  const mk = obj ? (findKey(obj, 'message') ?? findKey(obj, 'errormessage')) : undefined;
  const m = mk !== undefined ? obj![mk] : undefined;
  const message = typeof m === 'string' ? m : undefined;
  if (hk !== undefined && headers[hk] !== undefined) return { code: sanitizeErrorCode(headers[hk]), from: 'header', message };
  if (obj) {
    const ck = findKey(obj, 'code');
    if (ck !== undefined && obj[ck] !== undefined) return { code: sanitizeErrorCode(obj[ck]), from: 'body-code', message };
    if (obj.__type !== undefined) return { code: sanitizeErrorCode(obj.__type), from: 'body-__type', message };
  }
  return { code: undefined, from: 'none', message };
}

/** True for the answer of an endpoint that does not implement the operation at all. */
export function isUnknownOperation(status: number, headers: Record<string, string>, body: unknown): boolean {
  if (status !== 404) return false;
  const { code } = decodeError(headers, body);
  return code === 'UnknownOperationException' || code === 'UnknownOperation';
}
