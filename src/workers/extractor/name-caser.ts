/**
 * Tag names cased once a name. A module of its own, without linkedom: the extractor's block walkers (blocks.ts) use it,
 * and the main thread imports them with no DOM loaded (tests/integration/startup-imports.test.ts).
 */

/** Tag names a name caser keeps the case of, at most (a page's custom elements can name any number). */
export const CASED_NAMES_LIMIT = 512;

/**
 * `name.toUpperCase()` (`upper`) or `name.toLowerCase()`, remembered for the first CASED_NAMES_LIMIT names met: a
 * page's few dozen tag names are cased once, not at every read of an element's name.
 */
export function nameCaser(upper: boolean): (name: string) => string {
  const known = new Map<string, string>();
  return (name) => {
    let cased = known.get(name);
    if (cased === undefined) {
      cased = upper ? name.toUpperCase() : name.toLowerCase();
      if (known.size < CASED_NAMES_LIMIT) {
        known.set(name, cased);
      }
    }
    return cased;
  };
}
