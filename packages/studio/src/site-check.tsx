import { type SiteCheck as Found, normalizeOrigin } from '@frontdesk/config';
import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { checkSite, type Widget } from './api';
import { FieldErrors } from './fields';
import { type StudioTexts, useStudioTexts } from './i18n/studio-texts';
import { routeHref } from './router';

/** What the page holds, in words: the code, another widget's, an old loader, or nothing. */
function codeFinding(found: Found, t: StudioTexts['check']): string {
  if (found.loader && found.widget) return t.found(found.url);
  if (found.loader) return t.other(found.url);
  if (found.widget) return t.elsewhere(found.url);
  return t.missing(found.url, found.truncated);
}

/**
 * "Test on my site": the platform loads a page of the site and says whether this widget's code
 * is on it and whether that site may run the widget.
 */
export function SiteCheck({ widget, session }: { widget: Widget; session: StaffSession }) {
  const texts = useStudioTexts();
  const sayError = useErrorText();
  const t = texts.check;
  const [url, setUrl] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed'; message: string } | Found
  >({ kind: 'idle' });
  const check = async (event: Event) => {
    event.preventDefault();
    if (!normalizeOrigin(url)) {
      setState({
        kind: 'failed',
        message: t.invalid,
      });
      return;
    }
    setState({ kind: 'checking' });
    try {
      setState(await checkSite(session, widget.id, url));
    } catch (error) {
      setState({ kind: 'failed', message: sayError(error) });
    }
  };
  const failed = 'kind' in state && state.kind === 'failed' ? state.message : null;
  return (
    <section aria-labelledby="check-title" class="site-check">
      <h2 id="check-title">{t.title}</h2>
      <form onSubmit={check} noValidate>
        <div class="field">
          <label for="check-url">{t.url}</label>
          <p id="check-url-hint" class="hint">
            {t.hint}
          </p>
          <input
            id="check-url"
            value={url}
            inputMode="url"
            autocomplete="url"
            maxLength={2000}
            aria-invalid={failed ? 'true' : undefined}
            aria-describedby={`check-url-hint${failed ? ' check-url-error' : ''}`}
            onInput={(e) => setUrl((e.currentTarget as HTMLInputElement).value)}
          />
          <FieldErrors id="check-url" errors={failed ? [failed] : []} />
        </div>
        <button type="submit">{t.submit}</button>
      </form>
      <div role="status" class="check-result">
        {'kind' in state ? (
          state.kind === 'checking' && <p>{t.checking}</p>
        ) : (
          <ul>
            <li>{codeFinding(state, t)}</li>
            <li>
              {state.originAllowed ? (
                t.allowed(state.origin)
              ) : (
                <>
                  {t.notAllowed(state.origin)}{' '}
                  <a href={routeHref({ screen: 'widget', id: widget.id, tab: 'basic' })}>
                    {texts.embed.settingsLink}
                  </a>
                  .
                </>
              )}
            </li>
          </ul>
        )}
      </div>
    </section>
  );
}
