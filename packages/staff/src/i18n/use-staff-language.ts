import { useCallback, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import { type StaffSession, saveLanguage } from '../session';
import { browserLanguage, type Language, type LanguageChoice } from './language';

/**
 * The {@link LanguageChoice} of a staff app with `session` (none before sign-in): what the user
 * chose in this session, else their profile's language, else the browser's. A choice shows at
 * once and is saved to the profile; it is the chooser's only, so whoever signs in next starts
 * from their own profile. The page's `lang` follows, for screen readers and hyphenation.
 */
export function useStaffLanguage(session: StaffSession | null | undefined): LanguageChoice {
  const [chosen, setChosen] = useState<{ userId: string; language: Language } | null>(null);
  const user = session?.user;
  const language =
    (chosen && chosen.userId === user?.id ? chosen.language : null) ??
    user?.language ??
    browserLanguage();
  useLayoutEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const choose = useCallback(
    async (next: Language) => {
      if (!session) return;
      setChosen({ userId: session.user.id, language: next });
      await saveLanguage(session, next);
    },
    [session],
  );
  return useMemo(() => ({ language, choose }), [language, choose]);
}
