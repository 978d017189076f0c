/**
 * The platform's message catalogue: what it writes to people — staff e-mails and SMS about
 * orders, non-working chat e-mails, the embed-code e-mail, the admins' alerts of undelivered
 * messages — in the account's language
 * (`accounts.language`, migration 038). English (texts-en.ts) is the source of the keys; Russian
 * (texts-ru.ts) must have exactly the same, or the build fails, and a test compares the two.
 */
import type { TextLocale } from '@frontdesk/config';
import type { Store } from '../storage/store';
import { platformTextsEn } from './texts-en';
import { platformTextsRu } from './texts-ru';

/** Every text the platform writes, in one language. */
export type PlatformTexts = typeof platformTextsEn;

/** The catalogue: each language's texts. */
export const platformTexts: Readonly<Record<TextLocale, PlatformTexts>> = {
  en: platformTextsEn,
  ru: platformTextsRu,
};

/** The language the platform writes in for `accountId`: the account's; Russian if it is gone. */
export async function accountLanguage(
  store: Pick<Store, 'accounts'>,
  accountId: string,
): Promise<TextLocale> {
  return (await store.accounts.get(accountId))?.language ?? 'ru';
}
