import { defaultSettings, normalizeOrigin, type WidgetType } from '@frontdesk/config';
import type { StaffSession } from '@frontdesk/staff';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { createWidget } from './api';
import { FieldErrors } from './fields';
import { navigate } from './router';
import { TYPE_NAMES } from './widget-summary';

const TYPES: readonly { type: WidgetType; about: string }[] = [
  { type: 'chat', about: 'Chat on the site, Telegram, Viber, VK, Facebook, callback orders.' },
  { type: 'call', about: 'Visitors call the company from the browser.' },
  { type: 'callback', about: 'Visitors leave a number: a call now or at a chosen time.' },
];

/** The marketer's browser zone: a new widget's schedule starts in it. */
function browserZone(): string | undefined {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** What is wrong with the site address typed, or null when it names a site. */
function siteProblem(site: string): string | null {
  if (site.trim() === '')
    return 'Give the address of the site the widget is for, like example.com.';
  return normalizeOrigin(site)
    ? null
    : 'Give a site address like example.com, www.example.com or https://example.com:8443.';
}

/**
 * Creating a widget: pick the type, accept the terms, name it and say which site it is for
 * (the first of the sites where it may run) — then its settings open.
 */
export function CreateWidget({ session }: { session: StaffSession }) {
  const [type, setType] = useState<WidgetType | null>(null);
  const [step, setStep] = useState<'type' | 'terms'>('type');
  const [error, setError] = useState<string | null>(null);
  const [site, setSite] = useState('');
  // The site's error shows once the field is left or the form is sent, not while typing.
  const [siteLeft, setSiteLeft] = useState(false);
  const siteInput = useRef<HTMLInputElement>(null);
  const siteError = siteLeft ? siteProblem(site) : null;
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
    if (siteProblem(site)) return siteInput.current?.focus();
    try {
      const widget = await createWidget(session, {
        type,
        name: String(form.get('name')),
        site,
        settings: defaultSettings(type, { timeZone: browserZone() }),
      });
      navigate({ screen: 'widget', id: widget.id, tab: 'basic' });
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <main>
      <h1 ref={heading} tabIndex={-1}>
        {step === 'type'
          ? 'New widget: choose its type'
          : `New widget: ${TYPE_NAMES[type ?? 'chat']}`}
      </h1>
      {step === 'type' ? (
        <form onSubmit={next}>
          <fieldset>
            <legend>Widget type</legend>
            {TYPES.map((option) => (
              <div class="field check" key={option.type}>
                <input
                  id={`type-${option.type}`}
                  type="radio"
                  name="type"
                  value={option.type}
                  checked={type === option.type}
                  onChange={() => setType(option.type)}
                  aria-describedby={`type-${option.type}-about`}
                />
                <label for={`type-${option.type}`}>{TYPE_NAMES[option.type]}</label>
                <p id={`type-${option.type}-about`} class="hint">
                  {option.about}
                </p>
              </div>
            ))}
          </fieldset>
          <button type="submit" class="primary" disabled={!type}>
            Next
          </button>
        </form>
      ) : (
        <form onSubmit={create}>
          <section aria-labelledby="terms-title" class="terms">
            <h2 id="terms-title">Terms of use</h2>
            <p>
              The widget processes visitors' personal data (names, phone numbers, messages) on your
              behalf. You confirm that your site tells visitors so and that you have the right to
              contact them.
            </p>
          </section>
          <div class="field check">
            <input id="accept-terms" name="terms" type="checkbox" required />
            <label for="accept-terms">I accept the terms of use</label>
          </div>
          <div class="field">
            <label for="widget-name">Widget name</label>
            <input id="widget-name" name="name" required maxLength={100} />
          </div>
          <div class="field">
            <label for="widget-site">Your site's address</label>
            <p id="widget-site-hint" class="hint">
              Like example.com or https://www.example.com:8443. The widget runs only on the sites
              you list; add more later in Settings → Sites where the widget may run.
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
              Back
            </button>
            <button type="submit" class="primary">
              Create widget
            </button>
          </div>
        </form>
      )}
    </main>
  );
}
