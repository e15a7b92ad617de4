// Where the shared documents live: ../shared beside the repository.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const sharedDir = path.resolve(repoRoot, '..', 'shared');
export const porcupineDir = path.join(sharedDir, 'peer-histories', 'porcupine');

/** Throws a message naming what is missing, so a failing test says what it needs. */
export function requirePorcupineHistories(): string {
  const expected = path.join(porcupineDir, 'jepsen_expected.txt');
  if (!existsSync(expected)) {
    throw new Error(
      `Porcupine's recorded histories are needed at ${porcupineDir} (etcd_NNN.log, jepsen_expected.txt, ` +
        `c01/c10/c50-ok/-bad.txt). Place the shared folder at ../shared relative to the repository (${sharedDir}).`,
    );
  }
  return porcupineDir;
}
