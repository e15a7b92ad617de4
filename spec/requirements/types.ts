import type { ServiceName } from '../services.js';

export type Level = 'MUST' | 'SHOULD' | 'INFO';

/** A place in the source documents: `doc` is a path relative to ../shared, `section` a heading or model shape. */
export interface SourceRef {
  doc: string;
  section: string;
}

/** One entry of the requirement catalog. `text` is our own paraphrase, never a copied sentence. */
export interface Requirement {
  id: string; // e.g. CONNECT-LOCK-1
  level: Level;
  /** Services it applies to ('common' ones list all three). */
  services: ServiceName[];
  /** Operations it concerns, by model name; empty = all operations of the services. */
  operations: string[];
  /** Where it comes from: a seed page, a model, or the conformance profile. */
  source: SourceRef;
  /** Our paraphrase. */
  text: string;
  /** 'profile': listed in CONFORMANCE-PROFILE.md; 'derived': read by us from a seed page or a model. */
  origin?: 'profile' | 'derived';
  /** Further documents the requirement rests on (e.g. the seed page behind a profile rule). */
  basis?: SourceRef[];
}
