import type { ServiceName } from '../services.js';

export type Level = 'MUST' | 'SHOULD' | 'INFO';

/** One entry of the requirement catalog. `text` is our own paraphrase, never a copied sentence. */
export interface Requirement {
  id: string; // e.g. CONNECT-LOCK-1
  level: Level;
  /** Services it applies to ('common' ones list all three). */
  services: ServiceName[];
  /** Operations it concerns, by model name; empty = all operations of the services. */
  operations: string[];
  /** Where it comes from: a seed page, a model, or the conformance profile. */
  source: { doc: string; section: string };
  /** Our paraphrase. */
  text: string;
}
