import { useState } from 'preact/hooks';
import { type StaffTexts, staffTexts } from '../staff-texts';
import { LANGUAGE_NAMES, type Language, useLanguage } from './language';

/**
 * The language switcher of a staff app's header: every text changes at once, and the choice is
 * saved to the user's profile; a failed save is said, the language stays as chosen.
 */
export function LanguageSwitcher() {
  const { language, choose } = useLanguage();
  const t: StaffTexts['language'] = staffTexts[language].language;
  const [failed, setFailed] = useState(false);
  const change = (event: Event) => {
    setFailed(false);
    choose((event.currentTarget as HTMLSelectElement).value as Language).catch(() =>
      setFailed(true),
    );
  };
  return (
    <span class="language-switcher">
      <label>
        {t.label}{' '}
        <select value={language} onChange={change}>
          {Object.entries(LANGUAGE_NAMES).map(([code, name]) => (
            <option key={code} value={code} lang={code}>
              {name}
            </option>
          ))}
        </select>
      </label>
      {failed && (
        <span role="alert" class="error">
          {t.notSaved}
        </span>
      )}
    </span>
  );
}
