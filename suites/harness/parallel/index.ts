export * from './program.js';
export * from './run-program.js';
export * from './check-parallel.js';
