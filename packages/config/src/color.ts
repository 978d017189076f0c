/** Colours of the widget look. */
import * as v from 'valibot';

/** A colour "#rrggbb" (either case): what the Studio's colour input yields, nothing CSS-injectable. */
export const ColorSchema = v.pipe(
  v.string('must be a colour "#rrggbb"'),
  v.regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour "#rrggbb"'),
);
