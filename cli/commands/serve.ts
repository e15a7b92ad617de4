// `lockstep serve`: runs the embedded reference server (optionally with faults) until SIGINT/SIGTERM.
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { allFaults, faultByName } from '../../fixtures/faults/index.js';
import { startReferenceServer } from '../../fixtures/reference/server.js';

function faultNames(raw: unknown): string[] {
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const names = list.flatMap((v) => String(v).split(',')).map((s) => s.trim()).filter(Boolean);
  const unknown = names.filter((n) => !faultByName(n));
  if (unknown.length) throw new UsageError(`unknown fault ${unknown.join(', ')}; see \`lockstep serve --list-faults\``);
  return [...new Set(names)];
}

function parsePort(raw: unknown): number {
  if (raw === undefined) return 0;
  const s = String(raw);
  if (!/^\d{1,5}$/.test(s) || Number(s) > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${s}'`);
  return Number(s);
}

function parseAuth(values: Record<string, unknown>): { accessKeyId: string; secretAccessKey: string } | undefined {
  const mode = values.auth;
  const key = values['access-key-id'];
  const secret = values['secret-access-key'];
  if (mode === undefined) {
    if (key !== undefined || secret !== undefined) throw new UsageError('--access-key-id/--secret-access-key need --auth sigv4');
    return undefined;
  }
  if (mode !== 'sigv4') throw new UsageError(`--auth supports only 'sigv4', got '${String(mode)}'`);
  if (typeof key !== 'string' || !key || typeof secret !== 'string' || !secret) {
    throw new UsageError('--auth sigv4 needs --access-key-id and --secret-access-key');
  }
  return { accessKeyId: key, secretAccessKey: secret };
}

function listFaults(): number {
  const faults = allFaults();
  const width = Math.max(4, ...faults.map((f) => f.name.length));
  for (const f of faults) {
    const conc = f.concurrencyOnly ? ' (concurrency only)' : '';
    process.stdout.write(`${f.name.padEnd(width)}  ${f.service.padEnd(14)}  ${f.requirement.padEnd(14)}  ${f.description}${conc}\n`);
  }
  process.stdout.write(`${faults.length} faults\n`);
  return 0;
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'run the embedded reference server (all three APIs), optionally with faults',
  usage: '[--port N] [--host H] [--fault NAME[,NAME]]... [--auth sigv4 --access-key-id K --secret-access-key S] [--list-faults]',
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    fault: { type: 'string', multiple: true },
    auth: { type: 'string' },
    'access-key-id': { type: 'string' },
    'secret-access-key': { type: 'string' },
    'list-faults': { type: 'boolean' },
  },
  async run(values) {
    if (values['list-faults']) return listFaults();
    const port = parsePort(values.port);
    const faults = faultNames(values.fault);
    const auth = parseAuth(values);
    const host = typeof values.host === 'string' && values.host ? values.host : '127.0.0.1';
    let server;
    try {
      server = await startReferenceServer({ port, host, faults, auth });
    } catch (e) {
      throw new UsageError(`cannot start the reference server: ${(e as Error).message}`);
    }
    // Handlers go in before the URL is printed: a caller may signal as soon as it reads the URL.
    let stopped!: () => void;
    const stoppedPromise = new Promise<void>((resolve) => (stopped = resolve));
    const stop = (signal: NodeJS.Signals) => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write(`received ${signal}, stopping\n`);
      stopped();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    process.stdout.write(`lockstep reference server listening on ${server.url}\n`);
    if (faults.length) process.stdout.write(`faults enabled: ${faults.join(', ')}\n`);
    if (auth) process.stdout.write('SigV4 verification on\n');
    await stoppedPromise;
    await server.close();
    return 0;
  },
};
