// Values numbered by a string key, the first seen first: the corpus aggregates
// hold these numbers where they would otherwise hold the same strings (dates,
// countries, periods, local entity ids) many thousands of times.
export class Interned<T = string> {
  /** The values, by number. */
  readonly values: T[] = [];
  private readonly numbers = new Map<string, number>();

  /** The key's number; a new key is numbered next, for `value` (the key itself when not given). */
  add(key: string, value: T = key as unknown as T): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      this.numbers.set(key, (n = this.values.length));
      this.values.push(value);
    }
    return n;
  }

  /** The key's number, or undefined when it was never added. */
  numberOf(key: string): number | undefined {
    return this.numbers.get(key);
  }
}
