// Raw HTTP for core tests: exact bytes in, status + headers + parsed JSON out.
import http from 'node:http';

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
  json: any;
}

export function rawRequest(
  base: string,
  method: string,
  path: string,
  body?: string | Buffer,
  headers: Record<string, string> = {},
  opts: { chunked?: boolean } = {},
): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, method, path, headers: { ...(body !== undefined && !opts.chunked ? { 'content-length': String(Buffer.byteLength(body)) } : {}), ...headers }, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          try {
            json = JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on('error', reject);
      },
    );
    req.setTimeout(15_000, () => req.destroy(new Error('test request timed out')));
    req.on('error', reject);
    if (body !== undefined) {
      if (opts.chunked) {
        // write in 64 KiB pieces; stop quietly if the server cuts us off
        const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
        let off = 0;
        const pump = () => {
          while (off < buf.length) {
            const ok = req.write(buf.subarray(off, off + 65536));
            off += 65536;
            if (!ok) return void req.once('drain', pump);
          }
          req.end();
        };
        req.on('error', () => undefined);
        pump();
        return;
      }
      req.end(body);
    } else req.end();
  });
}
