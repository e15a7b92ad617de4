export * from './history.js';
export * from './model.js';
export * from './checker.js';
export * from './invariants.js';
export * from './explain.js';
export { registerModel } from './models/register.js';
export type { RegisterInput, RegisterOutput, RegisterValue } from './models/register.js';
export { kvModel } from './models/kv.js';
export type { KvInput, KvOutput } from './models/kv.js';
