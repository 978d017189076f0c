import { storable } from './storable-text';

/**
 * A person's name from the parts a messenger's profile API gives (first and last name), or
 * undefined when none is there: the person is then named by number.
 */
export function personName(parts: readonly unknown[]): string | undefined {
  const name = parts
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .join(' ')
    .trim();
  return name ? storable(name.slice(0, 200)) : undefined;
}
