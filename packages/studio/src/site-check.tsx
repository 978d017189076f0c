import { type SiteCheck as Found, normalizeOrigin } from '@frontdesk/config';
import type { StaffSession } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { checkSite, type Widget } from './api';
import { FieldErrors } from './fields';
import { routeHref } from './router';

/** What the page holds, in words: the code, another widget's, an old loader, or nothing. */
function codeFinding(found: Found): string {
  if (found.loader && found.widget) return `The code of this widget is on ${found.url}.`;
  if (found.loader) {
    return `${found.url} has the Frontdesk code, but not this widget's: copy the code from this tab.`;
  }
  if (found.widget) {
    return `${found.url} starts this widget, but loads it from another address: copy the code from this tab again.`;
  }
  return `The code of this widget is not on ${found.url}${found.truncated ? ' (only its first megabyte was read)' : ''}. Only the page's own HTML is read: code a tag manager adds later is not seen.`;
}

/**
 * "Test on my site": the platform loads a page of the site and says whether this widget's code
 * is on it and whether that site may run the widget.
 */
export function SiteCheck({ widget, session }: { widget: Widget; session: StaffSession }) {
  const [url, setUrl] = useState('');
  const [state, setState] = useState<
    { kind: 'idle' } | { kind: 'checking' } | { kind: 'failed'; message: string } | Found
  >({ kind: 'idle' });
  const check = async (event: Event) => {
    event.preventDefault();
    if (!normalizeOrigin(url)) {
      setState({
        kind: 'failed',
        message: 'Give the address of a page of your site, like example.com.',
      });
      return;
    }
    setState({ kind: 'checking' });
    try {
      setState(await checkSite(session, widget.id, url));
    } catch (error) {
      setState({ kind: 'failed', message: (error as Error).message });
    }
  };
  const failed = 'kind' in state && state.kind === 'failed' ? state.message : null;
  return (
    <section aria-labelledby="check-title" class="site-check">
      <h2 id="check-title">Test on my site</h2>
      <form onSubmit={check} noValidate>
        <div class="field">
          <label for="check-url">Address of a page with the code</label>
          <p id="check-url-hint" class="hint">
            The platform loads the page, looks for this widget's code and checks the site may run
            it.
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
        <button type="submit">Check the page</button>
      </form>
      <div role="status" class="check-result">
        {'kind' in state ? (
          state.kind === 'checking' && <p>Checking…</p>
        ) : (
          <ul>
            <li>{codeFinding(state)}</li>
            <li>
              {state.originAllowed ? (
                `${state.origin} is one of the sites where the widget may run.`
              ) : (
                <>
                  {state.origin} is not among the sites where the widget may run, so it shows
                  nothing there. Add it in{' '}
                  <a href={routeHref({ screen: 'widget', id: widget.id, tab: 'basic' })}>
                    Settings → Sites where the widget may run
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
