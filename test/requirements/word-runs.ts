// Detects copied prose: two texts share a "run" when N consecutive words (case and punctuation
// ignored) occur in both. Used to keep catalog paraphrases away from the documents' sentences.
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

export class WordRunIndex {
  private readonly runs = new Set<string>();
  constructor(readonly n: number) {}

  add(text: string): void {
    const w = words(text);
    for (let i = 0; i + this.n <= w.length; i++) this.runs.add(w.slice(i, i + this.n).join(' '));
  }

  /** The first run of `text` also present in the indexed documents, or undefined. */
  firstShared(text: string): string | undefined {
    const w = words(text);
    for (let i = 0; i + this.n <= w.length; i++) {
      const run = w.slice(i, i + this.n).join(' ');
      if (this.runs.has(run)) return run;
    }
    return undefined;
  }
}
