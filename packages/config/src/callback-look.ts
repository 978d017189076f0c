/** The callback widget's look (a module of its own: a widget's bundle carries its own type's look only). */
import * as v from 'valibot';
import { localizedText } from './localized-text';
import {
  MAX_TEXT,
  MAX_TITLE,
  NobodyTextsSchema,
  NonWorkingTextsSchema,
  PositionSchema,
  twoColours,
  WorkingTextsSchema,
} from './look';

/** The callback widget's look, including its lead-generator variant. */
export const CallbackLookSchema = v.object({
  /** "popup": opened by a button or link; "label": a vertical tab at the screen edge. */
  callFormat: v.picklist(['popup', 'label'], 'must be "popup" or "label"'),
  /** For the popup format: a floating launcher button, or only the site's own links. */
  popupVariant: v.picklist(['button', 'link'], 'must be "button" or "link"'),
  /** How the opened widget shows: a popup window, or a panel at the side of the screen. */
  display: v.picklist(['popup', 'side'], 'must be "popup" or "side"'),
  /** "figured": a distinctive outline, like a speech bubble with a tail. */
  shape: v.picklist(['square', 'rounded', 'figured'], 'must be "square", "rounded" or "figured"'),
  ...twoColours,
  position: PositionSchema,
  working: WorkingTextsSchema,
  nonWorking: NonWorkingTextsSchema,
  nobody: NobodyTextsSchema,
  /** The form the lead generator opens by itself. */
  leadGenerator: v.object({
    title: localizedText(MAX_TITLE, { required: true }),
    text: localizedText(MAX_TEXT),
  }),
});
