// SigV4 signing for real AWS targets, switched on by credentials in the environment.
import { SignatureV4 } from '@smithy/signature-v4';
import { HttpRequest } from '@smithy/protocol-http';
import { Sha256 } from '@aws-crypto/sha256-js';
import type { ServiceName } from '../../spec/services.js';
import type { Credentials } from './config.js';

/** Signing names from the models (metadata.signingName, else endpointPrefix). */
export const SIGNING_NAME: Record<ServiceName, string> = {
  connect: 'connect',
  'cognito-sync': 'cognito-sync',
  clouddirectory: 'clouddirectory',
};

export interface SignInput {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: string;
}

export type Signer = (req: SignInput) => Promise<Record<string, string>>;

/** Returns a function producing the signed header set for a request. */
export function createSigner(service: ServiceName, region: string, credentials: Credentials): Signer {
  const sigv4 = new SignatureV4({ service: SIGNING_NAME[service], region, credentials, sha256: Sha256, uriEscapePath: true });
  return async ({ method, url, headers, body }) => {
    const query: Record<string, string | string[]> = {};
    for (const [k, v] of url.searchParams) {
      const prev = query[k];
      query[k] = prev === undefined ? v : Array.isArray(prev) ? [...prev, v] : [prev, v];
    }
    const req = new HttpRequest({
      method,
      protocol: url.protocol,
      hostname: url.hostname,
      port: url.port ? Number(url.port) : undefined,
      // The path is already percent-encoded by the builder; the signer encodes it once more for
      // the canonical request, as SigV4 asks for every service but S3.
      path: url.pathname,
      query,
      headers: { ...headers, host: url.host },
      body,
    });
    const signed = await sigv4.sign(req);
    return signed.headers as Record<string, string>;
  };
}
