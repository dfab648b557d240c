// The names of one kind in one namespace, kept sorted (JavaScript string order) in blocks. An
// insert or removal moves the names after it within its block only: in one flat array, a
// namespace's thousand Events moved on every write, and each move of a name the collector holds
// young costs a write barrier (timers around those moves summed to 230 ms of a 4.6 s CronJob day).

/** Names per block, at most twice this before a block splits. */
const BLOCK = 128;

export class SortedNames {
  private blocks: string[][] = [];
  private count = 0;
  private readonly block: number;

  /** `block`: the split size (tests make it small, so that every path runs). */
  constructor(sorted: readonly string[] = [], block = BLOCK) {
    this.block = block;
    for (let i = 0; i < sorted.length; i += block) this.blocks.push(sorted.slice(i, i + block));
    this.count = sorted.length;
  }

  get length(): number {
    return this.count;
  }

  /** The position of the first name not less than `name`. */
  lowerBound(name: string): number {
    const b = this.blockFor(name);
    let before = 0;
    for (let i = 0; i < b; i++) before += this.blocks[i].length;
    return b === this.blocks.length ? before : before + lowerBound(this.blocks[b], name);
  }

  /** Adds a name that is not there yet. */
  insert(name: string): void {
    if (this.blocks.length === 0) this.blocks.push([]);
    const b = Math.min(this.blockFor(name), this.blocks.length - 1);
    const names = this.blocks[b];
    names.splice(lowerBound(names, name), 0, name);
    this.count++;
    if (names.length > 2 * this.block) this.blocks.splice(b + 1, 0, names.splice(this.block));
  }

  /** Removes the name; false when it is not there. */
  remove(name: string): boolean {
    const b = this.blockFor(name);
    const names = this.blocks[b];
    if (names === undefined) return false;
    const i = lowerBound(names, name);
    if (names[i] !== name) return false;
    names.splice(i, 1);
    this.count--;
    if (names.length === 0) this.blocks.splice(b, 1);
    return true;
  }

  /** The names that start with `prefix`, in order. */
  withPrefix(prefix: string): string[] {
    const out: string[] = [];
    const first = this.blockFor(prefix);
    for (let b = first; b < this.blocks.length; b++) {
      const names = this.blocks[b];
      for (let i = b === first ? lowerBound(names, prefix) : 0; i < names.length; i++) {
        if (!names[i].startsWith(prefix)) return out;
        out.push(names[i]);
      }
    }
    return out;
  }

  *[Symbol.iterator](): IterableIterator<string> {
    for (const names of this.blocks) yield* names;
  }

  toArray(): string[] {
    return this.blocks.flat();
  }

  /** The first block whose last name is not less than `name` (blocks.length when none is). */
  private blockFor(name: string): number {
    let lo = 0;
    let hi = this.blocks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const names = this.blocks[mid];
      if (names[names.length - 1] < name) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** The first index whose name is not less than `name` (binary search over a list sorted by name). */
export function lowerBound<T = string>(items: readonly T[], name: string, nameOf?: (item: T) => string): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((nameOf ? nameOf(items[mid]) : (items[mid] as string)) < name) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
