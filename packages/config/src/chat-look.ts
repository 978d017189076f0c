/** The chat widget's look (a module of its own: a widget's bundle carries its own type's look only). */
import * as v from 'valibot';
import { ColorSchema } from './color';
import {
  NobodyTextsSchema,
  NonWorkingTextsSchema,
  PositionSchema,
  WorkingTextsSchema,
} from './look';

/** The chat widget's look. */
export const ChatLookSchema = v.object({
  theme: v.picklist(['light', 'dark'], 'must be "light" or "dark"'),
  /** Colour of the chat button (green by default). */
  buttonColor: ColorSchema,
  position: PositionSchema,
  /** `buttonText` is the source's "lead-generator title": the text on the chat button. */
  working: WorkingTextsSchema,
  nonWorking: NonWorkingTextsSchema,
  nobody: NobodyTextsSchema,
});
