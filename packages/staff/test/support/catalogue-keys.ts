/**
 * The keys two languages of a message catalogue do not share, as dotted paths: what a test of a
 * catalogue lists when a translation is missing or left over; and the texts that come out empty
 * or with a hole ("undefined"). Nested groups are walked; a text, a function (a text with
 * parameters) or a list is a leaf.
 */

/** Every leaf's dotted path in `texts`. */
export function keyPaths(texts: object, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]) =>
    value !== null && typeof value === 'object' && !Array.isArray(value)
      ? keyPaths(value, `${prefix}${key}.`)
      : [`${prefix}${key}`],
  );
}

/** The paths `translation` lacks (`missing`) and has beyond `source` (`extra`), sorted. */
export function keyDifference(
  source: object,
  translation: object,
): { missing: string[]; extra: string[] } {
  const ours = new Set(keyPaths(source));
  const theirs = new Set(keyPaths(translation));
  return {
    missing: [...ours].filter((path) => !theirs.has(path)).sort(),
    extra: [...theirs].filter((path) => !ours.has(path)).sort(),
  };
}

/**
 * The paths of `texts` whose text is empty or shows `undefined`. A function (a text with
 * parameters) is called twice: with "2" for each parameter — a string, and a count where one is
 * wanted — and with "" for each, the branches for a value not given.
 */
export function brokenTexts(texts: object, prefix = ''): string[] {
  return Object.entries(texts).flatMap(([key, value]): string[] => {
    const path = `${prefix}${key}`;
    if (value !== null && typeof value === 'object') return brokenTexts(value, `${path}.`);
    const shown: unknown[] =
      typeof value === 'function'
        ? ['2', ''].map((arg) => value(...Array.from({ length: value.length }, () => arg)))
        : [value];
    const fine = (text: unknown) =>
      typeof text === 'string' && text.trim() !== '' && !text.includes('undefined');
    return shown.every(fine) ? [] : [path];
  });
}
