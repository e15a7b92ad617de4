// URI encoding as the AWS SDKs do it for restJson1 labels and query strings: RFC 3986 unreserved
// characters stay, everything else (including / : $ ! ' ( ) *) is percent-encoded.
export function encodeLabel(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
}

/** A greedy label (`{Key+}`) keeps its slashes; every segment is encoded. */
export function encodeGreedyLabel(value: string): string {
  return value.split('/').map(encodeLabel).join('/');
}
