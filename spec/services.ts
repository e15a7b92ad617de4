// The three services lockstep covers, and where their generated OpenAPI descriptions live.
// Spec code knows nothing of HTTP transport: this file only names things.
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const SERVICES = ['connect', 'cognito-sync', 'clouddirectory'] as const;
export type ServiceName = (typeof SERVICES)[number];

export function isServiceName(s: string): s is ServiceName {
  return (SERVICES as readonly string[]).includes(s);
}

/** Project root, whether running from source (tsx/vitest) or from dist/. */
export function projectRoot(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  // source: <root>/spec ; built: <root>/dist/spec
  return path.basename(path.dirname(here)) === 'dist' ? path.resolve(here, '..', '..') : path.resolve(here, '..');
}

export function openApiPath(service: ServiceName): string {
  return path.join(projectRoot(), 'spec', 'openapi', `${service}.openapi.json`);
}
