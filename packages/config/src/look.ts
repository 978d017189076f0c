/**
 * The look of each widget type as a visitor's browser sees it: shapes, colours, texts (each in
 * the widget's languages, see localized-text.ts). Shared by
 * the settings (which add the brand switches, see appearance.ts) and the public config, so the
 * public-config schema needs nothing from the settings schemas.
 */
import * as v from 'valibot';
import { ColorSchema } from './color';
import { localizedText } from './localized-text';

/** Longest title (widget header, lead-generator title). */
export const MAX_TITLE = 100;
/** Longest body text (shown under the title, smaller). */
export const MAX_TEXT = 500;
/** Longest button or label text: it has to fit a launcher. */
export const MAX_BUTTON_TEXT = 60;

/** Which edge of the screen the launcher sits at. */
export const PositionSchema = v.picklist(['left', 'right'], 'must be "left" or "right"');

/** Texts of the working-time variant. */
export const WorkingTextsSchema = v.object({
  /** Header of the widget. */
  title: localizedText(MAX_TITLE, { required: true }),
  /** Body text under the header. */
  text: localizedText(MAX_TEXT),
  /** Launcher button or label text; it is also the launcher's accessible name. */
  buttonText: localizedText(MAX_BUTTON_TEXT, { required: true }),
});

/**
 * Texts while nobody can answer now (in working time, every operator busy or away): the same
 * three as the working ones, none of them promising an immediate answer or call.
 */
export const NobodyTextsSchema = WorkingTextsSchema;

/** Texts of the non-working variant, which inherits everything else of the working one. */
export const NonWorkingTextsSchema = v.object({
  title: localizedText(MAX_TITLE, { required: true }),
  /** Shown in a smaller font. */
  text: localizedText(MAX_TEXT),
});

/** The two colours of the call and callback looks, and whether the look is themed. */
export const twoColours = {
  /** Main area of the widget, button and label. */
  primaryColor: ColorSchema,
  /** Secondary elements. */
  secondaryColor: ColorSchema,
  /** On: the designed look with depth and accents; off: flat, in the two colours only. */
  themed: v.boolean('must be true or false'),
};
