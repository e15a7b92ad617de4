// Cognito Sync clients for the reference-server concurrency tests: one harness ApiClient (own undici
// pool) per logical client name, unsigned, closed together.
import { ApiClient } from '../../suites/harness/client.js';
import { SyncApi } from '../../suites/cognito-sync/api.js';

export const IDENTITY = {
  IdentityPoolId: 'us-east-1:00000000-0000-4000-8000-0000000000c1',
  IdentityId: 'us-east-1:00000000-0000-4000-8000-0000000000c2',
};

export interface SyncClients {
  apiFor(name: string): SyncApi;
  /** Logical clients created so far (each with its own pool). */
  names(): string[];
  close(): Promise<void>;
}

export function syncClients(url: string, timeoutMs = 10_000): SyncClients {
  const clients = new Map<string, ApiClient<'cognito-sync'>>();
  return {
    apiFor(name) {
      let c = clients.get(name);
      if (!c) {
        c = new ApiClient('cognito-sync', url, { name, region: 'us-east-1', timeoutMs, signed: false, connections: 2 });
        clients.set(name, c);
      }
      return new SyncApi(c, IDENTITY);
    },
    names: () => [...clients.keys()],
    close: async () => {
      await Promise.all([...clients.values()].map((c) => c.close()));
      clients.clear();
    },
  };
}
