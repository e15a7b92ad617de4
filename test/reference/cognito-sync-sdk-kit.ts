// Talks to a reference server through the official Cognito Sync SDK client, as a real app would.
import {
  CognitoSyncClient,
  DeleteDatasetCommand,
  DescribeDatasetCommand,
  ListDatasetsCommand,
  ListRecordsCommand,
  UpdateRecordsCommand,
  type RecordPatch,
} from '@aws-sdk/client-cognito-sync';

export const POOL = 'us-east-1:5a5a5a5a-0000-4000-8000-00000000beef';

export function syncClient(url: string): CognitoSyncClient {
  return new CognitoSyncClient({
    endpoint: url,
    region: 'us-east-1',
    credentials: { accessKeyId: 'AKIDFAKE', secretAccessKey: 'fake-secret' },
    maxAttempts: 1,
  });
}

export function syncKit(url: string, identity = 'us-east-1:0123abcd') {
  const c = syncClient(url);
  const at = { IdentityPoolId: POOL, IdentityId: identity };
  const list = (DatasetName: string, extra: { LastSyncCount?: number; NextToken?: string; MaxResults?: number } = {}) =>
    c.send(new ListRecordsCommand({ ...at, DatasetName, ...extra }));
  const update = async (DatasetName: string, RecordPatches: RecordPatch[], token?: string) =>
    c.send(new UpdateRecordsCommand({ ...at, DatasetName, RecordPatches, SyncSessionToken: token ?? (await list(DatasetName)).SyncSessionToken }));
  const describe = (DatasetName: string) => c.send(new DescribeDatasetCommand({ ...at, DatasetName }));
  const datasets = (extra: { NextToken?: string; MaxResults?: number } = {}) => c.send(new ListDatasetsCommand({ ...at, ...extra }));
  const remove = (DatasetName: string) => c.send(new DeleteDatasetCommand({ ...at, DatasetName }));
  /** All records, following nextToken. */
  const all = async (DatasetName: string, MaxResults?: number) => {
    const out = [];
    let NextToken: string | undefined;
    for (let i = 0; i < 1000; i++) {
      const page = await list(DatasetName, { NextToken, MaxResults });
      out.push(...(page.Records ?? []));
      NextToken = page.NextToken;
      if (!NextToken) break;
    }
    return out;
  };
  return { client: c, at, list, update, describe, datasets, remove, all };
}

export const put = (Key: string, Value: string, SyncCount: number): RecordPatch => ({ Op: 'replace', Key, Value, SyncCount });
export const del = (Key: string, SyncCount: number): RecordPatch => ({ Op: 'remove', Key, SyncCount });

/** Error name and status of a failing call, or 'ok'. */
export async function failure(p: Promise<unknown>): Promise<{ name: string; status?: number; message?: string }> {
  try {
    await p;
    return { name: 'ok' };
  } catch (e) {
    const err = e as { name: string; message?: string; $metadata?: { httpStatusCode?: number } };
    return { name: err.name, status: err.$metadata?.httpStatusCode, message: err.message };
  }
}
