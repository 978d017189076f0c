/**
 * Rules across fields of one object (manual mode needs a recipient; the lead generator needs
 * automatic mode). Like valibot's `partialCheck` + `forward`, they run as soon as the fields
 * they read are valid, even when other fields are not, so the Studio shows every problem at
 * once; unlike it, they type simply and never run on a value whose fields they read are broken.
 */
import * as v from 'valibot';
import { pathItems } from './issues';

type Path = readonly (string | number)[];

/** Whether no issue sits on, above or below any of `reads`. */
function readsAreTyped(
  issues: readonly v.BaseIssue<unknown>[] | undefined,
  reads: readonly Path[],
): boolean {
  for (const issue of issues ?? []) {
    const at = issue.path ?? [];
    for (const read of reads) {
      const shared = Math.min(read.length, at.length);
      let apart = false;
      for (let i = 0; i < shared; i++) {
        if (at[i]?.key !== read[i]) {
          apart = true;
          break;
        }
      }
      if (!apart) return false;
    }
  }
  return true;
}

/**
 * An object-level rule: `requirement` reads the fields at `reads` (which are valid when it
 * runs); when it fails, the issue `message` is placed at `at`.
 */
/* @__NO_SIDE_EFFECTS__ */
export function crossCheck<T>(
  reads: readonly Path[],
  requirement: (input: T) => boolean,
  message: string,
  at: Path,
) {
  return v.rawCheck<T>(({ dataset, addIssue }) => {
    if (!readsAreTyped(dataset.issues, reads) || requirement(dataset.value as T)) return;
    addIssue({ message, path: pathItems(dataset.value, at) });
  });
}
