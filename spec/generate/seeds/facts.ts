// What a seed page states, independent of its format. The cross-check compares these with the model.

/** Value types as pages name them, normalised. `number` is a JSON number of unstated kind. */
export type FactType = 'string' | 'number' | 'integer' | 'float' | 'boolean' | 'timestamp' | 'blob' | 'list' | 'structure' | 'map';

export interface Constraints {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  minItems?: number;
  maxItems?: number;
}

export interface MemberFact {
  name: string;
  type?: FactType;
  /** For lists: the element type; for lists of structures also `itemShape` when the page names it. */
  itemType?: FactType;
  itemShape?: string;
  required?: boolean;
  constraints: Constraints;
  /** nested members of a structure (or of a list's structure element) */
  members?: MemberFact[];
  /** where on the page, e.g. "Request Body > Values" */
  section: string;
}

export interface ErrorFact {
  shape: string;
  status?: number;
  /** members the page lists for the error (e.g. Message, Reason) */
  members: string[];
  section: string;
}

export interface HeaderFact {
  wireName: string;
  member: string;
  section: string;
}

export interface PageFacts {
  file: string;
  format: 'api-reference' | 'boto3-rst' | 'api-reference-broken';
  operation: string;
  http?: { method: string; uri: string; section: string };
  headers: HeaderFact[];
  /** URI (and header) parameters with their own sections */
  uriParams: MemberFact[];
  /** top-level input members in a body (api reference) or all input members (boto3, which does not say where they go) */
  request: MemberFact[];
  /** true when `request` covers every input member (boto3), false when only body members */
  requestIncludesUri: boolean;
  response: MemberFact[];
  errors: ErrorFact[];
}
