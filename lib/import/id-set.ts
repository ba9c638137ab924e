// A set of strings for duplicate-key detection in a file of millions of rows. A JS Set of a million
// short strings costs ~60-80 MB; this packs the keys into one UTF-16 buffer and an open-addressing
// hash table of offsets (~24 bytes per key, with the row it was first seen on), and compares the real characters on every hash hit,
// so it is exact (no false duplicates).
export class IdSet {
  private chars = new Uint16Array(1 << 16);
  private charLen = 0;
  private starts = new Uint32Array(1 << 12);
  private lens = new Uint16Array(1 << 12);
  private rows = new Uint32Array(1 << 12);
  private count = 0;
  /** Slot -> entry index + 1 (0 = empty). */
  private table = new Uint32Array(1 << 13);

  get size(): number {
    return this.count;
  }

  /** Adds `s` seen on `row`; returns 0 if new, else the row it was first seen on (or -1 if unknown). */
  add(s: string, row = 0): number {
    if (s.length > 0xffff) throw new Error('key too long');
    const h = hash(s);
    const mask = this.table.length - 1;
    let slot = h & mask;
    for (;;) {
      const e = this.table[slot];
      if (e === 0) break;
      if (this.equals(e - 1, s)) return this.rows[e - 1] || -1;
      slot = (slot + 1) & mask;
    }
    this.append(s, row);
    this.table[slot] = this.count;
    if (this.count * 2 > this.table.length) this.rehash();
    return 0;
  }

  private equals(i: number, s: string): boolean {
    if (this.lens[i] !== s.length) return false;
    const start = this.starts[i];
    for (let k = 0; k < s.length; k++) if (this.chars[start + k] !== s.charCodeAt(k)) return false;
    return true;
  }

  private append(s: string, row: number): void {
    if (this.charLen + s.length > this.chars.length) {
      const next = new Uint16Array(Math.max(this.chars.length * 2, this.charLen + s.length));
      next.set(this.chars.subarray(0, this.charLen));
      this.chars = next;
    }
    if (this.count === this.starts.length) {
      const starts = new Uint32Array(this.count * 2);
      starts.set(this.starts);
      this.starts = starts;
      const lens = new Uint16Array(this.count * 2);
      lens.set(this.lens);
      this.lens = lens;
      const rows = new Uint32Array(this.count * 2);
      rows.set(this.rows);
      this.rows = rows;
    }
    for (let k = 0; k < s.length; k++) this.chars[this.charLen + k] = s.charCodeAt(k);
    this.starts[this.count] = this.charLen;
    this.lens[this.count] = s.length;
    this.rows[this.count] = row;
    this.charLen += s.length;
    this.count++;
  }

  private rehash(): void {
    const table = new Uint32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let i = 0; i < this.count; i++) {
      let h = 0x811c9dc5;
      const start = this.starts[i];
      for (let k = 0; k < this.lens[i]; k++) h = Math.imul(h ^ this.chars[start + k], 0x01000193);
      let slot = (h >>> 0) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = i + 1;
    }
    this.table = table;
  }
}

/** FNV-1a over UTF-16 code units (the same loop as in rehash). */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h >>> 0;
}
