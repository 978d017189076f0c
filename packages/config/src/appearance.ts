/**
 * The Appearance tab of each widget type: the public look plus the brand switches, which the
 * public config carries apart (`brand`), since the platform may one day bill or force them.
 */
import * as v from 'valibot';
import { CallbackLookSchema, CallLookSchema, ChatLookSchema, NonWorkingTextsSchema } from './look';

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

/**
 * A look's entries plus the brand switches (a function, so bundlers can drop the settings
 * schemas from a widget bundle; see common-settings.ts).
 */
/* @__NO_SIDE_EFFECTS__ */
function withBrand<E extends v.ObjectEntries>(
  look: v.ObjectSchema<E, undefined>,
): Omit<E, 'nonWorking'> & ReturnType<typeof brandEntries> {
  return { ...look.entries, ...brandEntries() };
}

/** The call widget's appearance. */
export const CallAppearanceSchema = v.object(withBrand(CallLookSchema));

/** The callback widget's appearance, including the lead-generator variant's texts. */
export const CallbackAppearanceSchema = v.object(withBrand(CallbackLookSchema));

/** The chat widget's appearance. */
export const ChatAppearanceSchema = v.object(withBrand(ChatLookSchema));
