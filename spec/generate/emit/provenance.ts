// Where each emitted fact came from: `model` or `seed:<file>`.
export interface Provenance {
  /** Source of one member of a model structure shape (its existence, type, required flag). */
  member(shape: string, member: string): string;
  /** Source of that member's constraints (a page may document a member but state none). */
  constraints(shape: string, member: string): string;
  /** Sources that contributed to an operation (sorted, unique). */
  operation(operation: string): string[];
}

export const MODEL_ONLY: Provenance = {
  member: () => 'model',
  constraints: () => 'model',
  operation: () => ['model'],
};
