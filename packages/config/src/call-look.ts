/** The call widget's look (a module of its own: a widget's bundle carries its own type's look only). */
import * as v from 'valibot';
import {
  NobodyTextsSchema,
  NonWorkingTextsSchema,
  PositionSchema,
  twoColours,
  WorkingTextsSchema,
} from './look';

/** The call widget's look. */
export const CallLookSchema = v.object({
  shape: v.picklist(['square', 'rounded'], 'must be "square" or "rounded"'),
  ...twoColours,
  position: PositionSchema,
  working: WorkingTextsSchema,
  nonWorking: NonWorkingTextsSchema,
  nobody: NobodyTextsSchema,
});
