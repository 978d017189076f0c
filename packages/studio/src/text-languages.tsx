/**
 * Editing a marketer's texts in each language the widgets speak (ru, en): a switch per group of
 * texts says which language its fields edit, names the languages that have texts to fix, and
 * warns when a language lacks a text its main language has — visitors who read it get the main
 * language then, all of it (see `languagesOf` of @frontdesk/config).
 */
import { languagesOf, mainLocaleOf, TEXT_LOCALES, type TextLocale } from '@frontdesk/config';
import { useState } from 'preact/hooks';
import { TextField } from './fields';
import { useForm } from './form';
import { useStudioTexts } from './i18n/studio-texts';

/** The language a group of text fields edits, starting with the widget's main language. */
export function useTextLanguage(): [TextLocale, (locale: TextLocale) => void] {
  const { draft } = useForm();
  return useState<TextLocale>(mainLocaleOf(draft));
}

/**
 * The switch of a group's language; `within`: the dotted path its texts are under, whose issues
 * it counts per language.
 */
export function TextLanguageSwitch({
  id,
  value,
  onChange,
  within,
}: {
  id: string;
  value: TextLocale;
  onChange(locale: TextLocale): void;
  within: string;
}) {
  const { draft, issues } = useForm();
  const { texts: t, languages } = useStudioTexts();
  const main = mainLocaleOf(draft);
  const offered = languagesOf({ ...draft, locale: 'auto' });
  const lacking = TEXT_LOCALES.filter((l) => !offered.includes(l)).map((l) => languages[l]);
  const toFix = (locale: TextLocale) =>
    issues.filter((i) => i.path.startsWith(within) && i.path.endsWith(`.${locale}`)).length;
  return (
    <fieldset class="languages">
      <legend>{t.legend}</legend>
      {TEXT_LOCALES.map((locale) => {
        const fix = toFix(locale);
        return (
          <div class="field check" key={locale}>
            <input
              id={`${id}-${locale}`}
              type="radio"
              name={id}
              checked={value === locale}
              onChange={() => onChange(locale)}
            />
            <label for={`${id}-${locale}`}>
              {languages[locale]}
              {locale === main ? t.main : ''}
              {fix ? t.toFix(fix) : ''}
            </label>
          </div>
        );
      })}
      {lacking.length > 0 && <p class="hint">{t.lacking(lacking.join(', '), languages[main])}</p>}
    </fieldset>
  );
}

/** A text (`path`, a text per language) in `lang`; see {@link TextField}. */
export function LocalizedField({
  path,
  lang,
  label,
  multiline,
}: {
  path: string;
  lang: TextLocale;
  label: string;
  multiline?: boolean;
}) {
  return <TextField path={`${path}.${lang}`} label={label} multiline={multiline} />;
}
