/**
 * The Appearance tab of each widget type: the public look plus the brand switches, which the
 * public config carries apart (`brand`), since the platform may one day bill or force them.
 */
import * as v from 'valibot';
import { CallLookSchema } from './call-look';
import { CallbackLookSchema } from './callback-look';
import { ChatLookSchema } from './chat-look';
import { NobodyTextsSchema, NonWorkingTextsSchema } from './look';
import { nobodyTexts } from './nobody-texts';
import type { WidgetType } from './widget-settings';

/* @__NO_SIDE_EFFECTS__ */
function brandEntries() {
  return {
    /** Hide "Powered by Frontdesk" in working time. */
    hideBrand: v.boolean('must be true or false'),
    /** The non-working variant overrides only its title, text and brand. */
    nonWorking: v.object({
      ...NonWorkingTextsSchema.entries,
      hideBrand: v.boolean('must be true or false'),
    }),
  };
}

/* @__NO_SIDE_EFFECTS__ */
function nobodyEntry(type: WidgetType) {
  // Settings stored before these texts existed get the built-in ones.
  return { nobody: v.optional(NobodyTextsSchema, () => nobodyTexts(type)) };
}

/**
 * A look's entries plus the brand switches and the "nobody available" texts' default (a
 * function, so bundlers can drop the settings schemas from a widget bundle; see
 * common-settings.ts).
 */
/* @__NO_SIDE_EFFECTS__ */
function withBrand<E extends v.ObjectEntries>(
  look: v.ObjectSchema<E, undefined>,
  type: WidgetType,
): Omit<E, 'nonWorking' | 'nobody'> &
  ReturnType<typeof brandEntries> &
  ReturnType<typeof nobodyEntry> {
  return { ...look.entries, ...brandEntries(), ...nobodyEntry(type) };
}

/** The call widget's appearance. */
export const CallAppearanceSchema = v.object(withBrand(CallLookSchema, 'call'));

/** The callback widget's appearance, including the lead-generator variant's texts. */
export const CallbackAppearanceSchema = v.object(withBrand(CallbackLookSchema, 'callback'));

/** The chat widget's appearance. */
export const ChatAppearanceSchema = v.object(withBrand(ChatLookSchema, 'chat'));
