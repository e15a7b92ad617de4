// URI encoding as the AWS SDKs do it for restJson1 labels and query strings: RFC 3986 unreserved
// characters stay, everything else (including / : $ ! ' ( ) *) is percent-encoded.
const UNRESERVED_ONLY = /^[A-Za-z0-9._~-]*$/;

export function encodeLabel(value: string): string {
  // Fast path (runs per request): ids and names are usually already plain.
  if (UNRESERVED_ONLY.test(value)) return value;
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** A greedy label (`{Key+}`) keeps its slashes; every segment is encoded. */
export function encodeGreedyLabel(value: string): string {
  return value.split('/').map(encodeLabel).join('/');
}
