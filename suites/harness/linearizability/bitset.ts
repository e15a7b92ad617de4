// Which operations are linearized so far, plus an incremental Zobrist hash of that set
// (one random word per operation, XOR-ed in and out) so cache lookups need no full scan.

export class LinearizedSet {
  readonly words: Uint32Array;
  hash = 0;
  private readonly keys: Uint32Array;

  constructor(size: number, seed = 0x9e3779b9) {
    this.words = new Uint32Array(Math.ceil(size / 32) || 1);
    this.keys = new Uint32Array(size);
    let x = seed >>> 0 || 1;
    for (let i = 0; i < size; i++) {
      // xorshift32: deterministic, so runs are reproducible
      x ^= x << 13;
      x >>>= 0;
      x ^= x >>> 17;
      x ^= x << 5;
      x >>>= 0;
      this.keys[i] = x;
    }
  }

  set(i: number): void {
    this.words[i >>> 5] |= 1 << (i & 31);
    this.hash = (this.hash ^ this.keys[i]) >>> 0;
  }

  clear(i: number): void {
    this.words[i >>> 5] &= ~(1 << (i & 31));
    this.hash = (this.hash ^ this.keys[i]) >>> 0;
  }

  equalsWords(other: Uint32Array): boolean {
    const w = this.words;
    for (let i = 0; i < w.length; i++) if (w[i] !== other[i]) return false;
    return true;
  }

  snapshot(): Uint32Array {
    return this.words.slice();
  }
}
