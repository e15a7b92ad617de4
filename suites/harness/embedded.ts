// The embedded reference server, started in-process on a free port when no target is given.
// Imported lazily so that runs against a real target never load it.
export interface EmbeddedServer {
  url: string;
  close(): Promise<void>;
}

export async function startEmbeddedReference(): Promise<EmbeddedServer> {
  const mod = await import('../../fixtures/reference/server.js');
  const server = await mod.startReferenceServer({ port: 0, faults: [] });
  return { url: server.url.replace(/\/+$/, ''), close: () => Promise.resolve(server.close()).then(() => undefined) };
}
