import { defaultSettings, normalizeOrigin, type WidgetType } from '@frontdesk/config';
import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createWidget } from './api';
import { FieldErrors } from './fields';
import { type StudioTexts, useStudioTexts } from './i18n/studio-texts';
import { navigate } from './router';

const TYPES: readonly WidgetType[] = ['chat', 'call', 'callback'];

/** The marketer's browser zone: a new widget's schedule starts in it. */
function browserZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What is wrong with the site address typed, in `t`'s words, or null when it names a site. */
function siteProblem(site: string, t: StudioTexts['create']): string | null {
  if (site.trim() === '') return t.siteMissing;
  return normalizeOrigin(site) ? null : t.siteInvalid;
}

/**
 * Creating a widget: pick the type, accept the terms, name it and say which site it is for
 * (the first of the sites where it may run) — then its settings open.
 */
export function CreateWidget({ session }: { session: StaffSession }) {
  const texts = useStudioTexts();
  const sayError = useErrorText();
  const t = texts.create;
  const [type, setType] = useState<WidgetType | null>(null);
  const [step, setStep] = useState<'type' | 'terms'>('type');
  const [error, setError] = useState<string | null>(null);
  const [site, setSite] = useState('');
  // The site's error shows once the field is left or the form is sent, not while typing.
  const [siteLeft, setSiteLeft] = useState(false);
  const siteInput = useRef<HTMLInputElement>(null);
  const siteError = siteLeft ? siteProblem(site, t) : null;
  const heading = useRef<HTMLHeadingElement>(null);
  // Each step's heading takes focus, so screen readers and the keyboard start from its top —
  // before the browser handles another key, or a quick Tab would be undone.
  useLayoutEffect(() => heading.current?.focus(), [step]);

  const next = (event: Event) => {
    event.preventDefault();
    if (type) setStep('terms');
  };
  const create = async (event: Event) => {
    event.preventDefault();
    if (!type) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setError(null);
    setSiteLeft(true);
    if (siteProblem(site, t)) return siteInput.current?.focus();
    try {
      const widget = await createWidget(session, {
        type,
        name: String(form.get('name')),
        site,
        settings: defaultSettings(type, { timeZone: browserZone() }),
      });
      navigate({ screen: 'widget', id: widget.id, tab: 'basic' });
    } catch (e) {
      setError(sayError(e));
    }
  };

  return (
    <main>
      <h1 ref={heading} tabIndex={-1}>
        {step === 'type' ? t.chooseType : t.titleOf(texts.types[type ?? 'chat'])}
      </h1>
      {step === 'type' ? (
        <form onSubmit={next}>
          <fieldset>
            <legend>{t.type}</legend>
            {TYPES.map((option) => (
              <div class="field check" key={option}>
                <input
                  id={`type-${option}`}
                  type="radio"
                  name="type"
                  value={option}
                  checked={type === option}
                  onChange={() => setType(option)}
                  aria-describedby={`type-${option}-about`}
                />
                <label for={`type-${option}`}>{texts.types[option]}</label>
                <p id={`type-${option}-about`} class="hint">
                  {t.about[option]}
                </p>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="primary" disabled={!type}>
            {t.next}
          </button>
        </form>
      ) : (
        <form onSubmit={create}>
          <section aria-labelledby="terms-title" class="terms">
            <h2 id="terms-title">{t.terms}</h2>
            <p>{t.termsText}</p>
          </section>
          <div class="field check">
            <input id="accept-terms" name="terms" type="checkbox" required />
            <label for="accept-terms">{t.accept}</label>
          </div>
          <div class="field">
            <label for="widget-name">{t.name}</label>
            <input id="widget-name" name="name" required maxLength={100} />
          </div>
          <div class="field">
            <label for="widget-site">{t.site}</label>
            <p id="widget-site-hint" class="hint">
              {t.siteHint}
            </p>
            <input
              id="widget-site"
              ref={siteInput}
              value={site}
              inputMode="url"
              autocomplete="url"
              maxLength={300}
              aria-invalid={siteError ? 'true' : undefined}
              aria-describedby={`widget-site-hint${siteError ? ' widget-site-error' : ''}`}
              onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)}
              onBlur={() => {
                setSiteLeft(true);
                const origin = normalizeOrigin(site);
                if (origin) setSite(origin);
              }}
            />
            <FieldErrors id="widget-site" errors={siteError ? [siteError] : []} />
          </div>
          {error && (
            <p role="alert" class="error">
              {error}
            </p>
          )}
          <div class="actions">
            <button type="button" onClick={() => setStep('type')}>
              {t.back}
            </button>
            <button type="submit" class="primary">
              {t.submit}
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
