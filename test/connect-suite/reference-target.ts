// Test helper: a reference server (optionally with faults) and a ConnectApi pointed at it.
import { startReferenceServer, type ReferenceServer } from '../../fixtures/reference/server.js';
import { ApiClient } from '../../suites/harness/client.js';
import { ConnectApi } from '../../suites/connect/api.js';

export const INSTANCE_ID = '00000000-0000-4000-8000-00000000c0de';

export interface ReferenceTarget {
  server: ReferenceServer;
  api: ConnectApi;
  client: ApiClient<'connect'>;
  close(): Promise<void>;
}

export async function referenceTarget(faults: string[] = []): Promise<ReferenceTarget> {
  const server = await startReferenceServer({ port: 0, faults, log: () => {} });
  const client = new ApiClient('connect', server.url.replace(/\/+$/, ''), { region: 'us-east-1', timeoutMs: 10_000, signed: false, connections: 4 });
  const api = new ConnectApi(client, INSTANCE_ID);
  return {
    server,
    api,
    client,
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}
