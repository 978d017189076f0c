/** Text both databases keep alike: well-formed, without NUL (storage refuses the rest). */
export function storable(text: string): string {
  return text.toWellFormed().replaceAll('\0', '\uFFFD');
}
