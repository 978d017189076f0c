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

const twoColours = {
  /** Main area of the widget, button and label. */
  primaryColor: ColorSchema,
  /** Secondary elements. */
  secondaryColor: ColorSchema,
  /** On: the designed look with depth and accents; off: flat, in the two colours only. */
  themed: v.boolean('must be true or false'),
};

/** The call widget's look. */
export const CallLookSchema = v.object({
  shape: v.picklist(['square', 'rounded'], 'must be "square" or "rounded"'),
  ...twoColours,
  position: PositionSchema,
  working: WorkingTextsSchema,
  nonWorking: NonWorkingTextsSchema,
  nobody: NobodyTextsSchema,
});

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
