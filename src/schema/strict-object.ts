/** A zod object that names, for a key it does not take, the keys it does and the one meant. */
import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';

/** "did you mean "topics"?" for a key within two edits of a known one. */
function meant(key: string, known: readonly string[]): string {
  const near = known.length ? closest(key, [...known]) : undefined;
  return near && distance(key, near) <= 2 ? `; did you mean "${near}"?` : '';
}

/** A strict object whose unknown keys are named, with the key probably meant and the keys it takes. */
export const strictObject = <S extends z.ZodRawShape>(shape: S) =>
  z.strictObject(shape, {
    error: (i) => {
      if (i.code !== 'unrecognized_keys') return undefined;
      const known = Object.keys(shape);
      const one = i.keys.length === 1 ? meant(i.keys[0] ?? '', known) : '';
      return `unknown key${i.keys.length > 1 ? 's' : ''} ${i.keys.map((k) => `"${k}"`).join(', ')}${one}${one ? '' : `; expected ${known.join(', ')}`}`;
    },
  });
