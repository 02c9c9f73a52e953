// How many times each key has been seen, for keys that are whole numbers
// below 2^53 (an import counts identical rows by 48 bits of their hash). A
// Map of such keys holds each as a heap number, some 55 bytes an entry: 28 MB
// for the 500,000 rows of a large import, most of what pushed its peak over
// 200 MB. Here a key takes 12 bytes, in typed arrays at most half full.

export class KeyCounts {
  #keys: Float64Array;
  /** 0: an empty slot; else how many times its key was seen. */
  #counts: Uint32Array;
  #size = 0;

  constructor(capacity = 1024) {
    let slots = 16;
    while (slots < capacity * 2) slots *= 2;
    this.#keys = new Float64Array(slots);
    this.#counts = new Uint32Array(slots);
  }

  /** How many keys have been seen. */
  get size(): number {
    return this.#size;
  }

  /** Counts `key` once more; returns how many times it has now been seen. */
  increment(key: number): number {
    if (!Number.isSafeInteger(key) || key < 0) throw new RangeError(`KeyCounts takes whole numbers from 0 to 2^53 - 1, not ${key}`);
    if ((this.#size + 1) * 2 > this.#keys.length) this.#grow();
    const slot = this.#slotOf(key);
    if (this.#counts[slot] === 0) {
      this.#keys[slot] = key;
      this.#size += 1;
    }
    this.#counts[slot] += 1;
    return this.#counts[slot];
  }

  /** How many times `key` has been seen (0: never). */
  count(key: number): number {
    return this.#counts[this.#slotOf(key)];
  }

  /** The slot that holds `key`, or the empty one where it would go (linear probing). */
  #slotOf(key: number): number {
    const mask = this.#keys.length - 1;
    // Both halves of the key mixed into the first slot to look at: keys that differ only in high bits spread too.
    let slot = Math.imul((key % 0x100000000) ^ Math.floor(key / 0x100000000), 0x9e3779b1) & mask;
    while (this.#counts[slot] !== 0 && this.#keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  #grow(): void {
    const keys = this.#keys;
    const counts = this.#counts;
    this.#keys = new Float64Array(keys.length * 2);
    this.#counts = new Uint32Array(keys.length * 2);
    for (let k = 0; k < keys.length; k++) {
      if (counts[k] === 0) continue;
      const slot = this.#slotOf(keys[k]);
      this.#keys[slot] = keys[k];
      this.#counts[slot] = counts[k];
    }
  }
}
