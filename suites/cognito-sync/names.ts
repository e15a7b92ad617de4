// Unique dataset (and, where the target allows it, identity) names per run, so runs never meet.
let counter = 0;
const stamp = Date.now().toString(36);

export function uniqueDataset(purpose: string, seed: number): string {
  return `lockstep-${purpose}-${(seed >>> 0).toString(36)}-${stamp}-${(++counter).toString(36)}`;
}

/** A made-up identity id in the configured identity's region form (reference targets accept any). */
export function freshIdentityId(like: string): string {
  const region = like.includes(':') ? like.slice(0, like.indexOf(':')) : 'us-east-1';
  const hex = Array.from({ length: 32 }, () => Math.floor(Math.random() * 16).toString(16)).join('');
  return `${region}:${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
