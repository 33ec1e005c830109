/**
 * A bounded memo for hot-path parsers. Two generations instead of a strict LRU: a hit in
 * the old generation is promoted, and when the young one fills up the old one is dropped
 * whole. That keeps every operation O(1) with no per-hit bookkeeping, holds at most
 * 2 x `capacity` entries, and keeps the values a call log repeats (its frequent numbers
 * and dates) alive across generations.
 */
export class BoundedCache<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();

  constructor(private readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
  }

  /** The cached value, or undefined. */
  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  /** Store a value; may evict the older generation. */
  set(key: string, value: V): void {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Number of entries currently held (both generations; a key may be counted twice). */
  get size(): number {
    return this.young.size + this.old.size;
  }

  /** Drop everything. */
  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}
