import type { Requirement } from './types.js';

// The requirement catalog. Filled from ../shared/CONFORMANCE-PROFILE.md and the documents.
export const REQUIREMENTS: Requirement[] = [];

export function requirementById(id: string): Requirement | undefined {
  return REQUIREMENTS.find((r) => r.id === id);
}
