// Many independent clients racing conditional UpdateRecords on a few keys, plus a checker of the
// recorded history: accepted writes on one key must form a single chain of SyncCounts.
import { Agent } from 'undici';

const POOL = 'us-east-1:7e7e7e7e-0000-4000-8000-000000000007';

export interface Ack {
  key: string;
  presented: number;
  newCount: number;
  value: string;
}

export interface RaceResult {
  acks: Ack[];
  conflicts: number;
  /** Anything other than 200 or 409 (never expected). */
  unexpected: string[];
  /** Key -> { value, count } as listed after the run. */
  final: Map<string, { value?: string; count: number }>;
  requests: number;
}

interface RaceOptions {
  clients: number;
  iterations: number;
  keys: number;
  /** Rounds in which every client presents the same SyncCount for the same key at once. */
  burstRounds: number;
  identity: string;
}

async function call(agent: Agent, url: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const res = await agent.request({
    origin: url,
    method,
    path,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    headersTimeout: 20_000,
    bodyTimeout: 20_000,
  });
  const text = await res.body.text();
  return { status: res.statusCode, json: text ? (JSON.parse(text) as any) : {} };
}

export async function raceUpdateRecords(url: string, o: RaceOptions): Promise<RaceResult> {
  const base = `/identitypools/${POOL}/identities/${o.identity}/datasets/race`;
  const agents = Array.from({ length: o.clients }, () => new Agent({ connections: 1, pipelining: 0 }));
  const out: RaceResult = { acks: [], conflicts: 0, unexpected: [], final: new Map(), requests: 0 };
  const keyName = (i: number) => `key-${i % o.keys}`;
  try {
    const listed = async (agent: Agent) => {
      out.requests++;
      const r = await call(agent, url, 'GET', `${base}/records`);
      if (r.status !== 200) throw new Error(`ListRecords answered ${r.status}`);
      return r.json as { SyncSessionToken: string; Records: { Key: string; SyncCount: number; Value?: string }[] };
    };
    const write = async (agent: Agent, token: string, key: string, presented: number, value: string) => {
      out.requests++;
      const r = await call(agent, url, 'POST', base, {
        SyncSessionToken: token,
        RecordPatches: [{ Op: 'replace', Key: key, Value: value, SyncCount: presented }],
      });
      if (r.status === 200) out.acks.push({ key, presented, newCount: r.json.Records[0].SyncCount, value });
      else if (r.status === 409) out.conflicts++;
      else out.unexpected.push(`${r.status} ${JSON.stringify(r.json).slice(0, 200)}`);
    };
    const tokens = await Promise.all(agents.map(async (a) => (await listed(a)).SyncSessionToken));

    // Free-running clients: read the count, then write conditionally on it.
    await Promise.all(
      agents.map(async (agent, c) => {
        for (let i = 0; i < o.iterations; i++) {
          const key = keyName(c + i);
          const now = await listed(agent);
          const presented = now.Records.find((r) => r.Key === key)?.SyncCount ?? 0;
          await write(agent, tokens[c]!, key, presented, `c${c}-i${i}`);
        }
      }),
    );
    // Bursts: everyone presents the same (current) count for one key at the same moment.
    for (let round = 0; round < o.burstRounds; round++) {
      const key = keyName(round);
      const now = await listed(agents[0]!);
      const presented = now.Records.find((r) => r.Key === key)?.SyncCount ?? 0;
      await Promise.all(agents.map((agent, c) => write(agent, tokens[c]!, key, presented, `burst${round}-c${c}`)));
    }
    const end = await listed(agents[0]!);
    for (const r of end.Records) out.final.set(r.Key, { value: r.Value, count: r.SyncCount });
  } finally {
    await Promise.all(agents.map((a) => a.close()));
  }
  return out;
}

/** Violations of SYNC-CONC-1 / no-lost-write in a recorded run; empty when the history is sound. */
export function checkSyncHistory(r: RaceResult): string[] {
  const problems: string[] = [];
  const byKey = new Map<string, Ack[]>();
  for (const a of r.acks) byKey.set(a.key, [...(byKey.get(a.key) ?? []), a]);
  for (const [key, acks] of byKey) {
    const presented = new Map<number, number>();
    for (const a of acks) presented.set(a.presented, (presented.get(a.presented) ?? 0) + 1);
    for (const [count, n] of presented) if (n > 1) problems.push(`${key}: ${n} writes accepted on SyncCount ${count}`);
    const chain = [...acks].sort((a, b) => a.newCount - b.newCount);
    for (let i = 0; i < chain.length; i++) {
      if (i > 0 && chain[i]!.newCount === chain[i - 1]!.newCount) problems.push(`${key}: SyncCount ${chain[i]!.newCount} issued twice`);
      const expected = i === 0 ? 0 : chain[i - 1]!.newCount;
      if (chain[i]!.presented !== expected) {
        problems.push(`${key}: write ${chain[i]!.value} presented ${chain[i]!.presented}, but the previous accepted write left ${expected}`);
      }
      if (chain[i]!.newCount <= chain[i]!.presented) problems.push(`${key}: write ${chain[i]!.value} got count ${chain[i]!.newCount}, not above ${chain[i]!.presented}`);
    }
    const last = chain[chain.length - 1]!;
    const fin = r.final.get(key);
    if (!fin || fin.value !== last.value || fin.count !== last.newCount) {
      problems.push(`${key}: last acknowledged write ${last.value}@${last.newCount} but the dataset holds ${fin?.value}@${fin?.count} (lost write)`);
    }
  }
  return problems;
}
