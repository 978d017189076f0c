import type { StaffSession } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { AllowedSites } from './allowed-sites';
import { emailEmbedCode, type Widget } from './api';
import { embedCodes } from './embed-codes';
import { SiteCheck } from './site-check';

/** The platform's own origin: the Studio is one of its pages. */
const platformUrl = () => location.origin;

/**
 * The Embed code tab: the sites where the saved widget may run (or a warning that none may), its
 * codes with copy buttons, the "test on my site" check, and an e-mail of the code with
 * instructions to a developer (the Test-widget link is on every tab).
 */
export function EmbedCode({ widget, session }: { widget: Widget; session: StaffSession }) {
  const [status, setStatus] = useState('');
  const codes = embedCodes(platformUrl(), widget.key, widget.settings);
  const copy = async (title: string, code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus(`${title} copied to the clipboard.`);
    } catch {
      setStatus('The browser refused the clipboard: select the code and copy it.');
    }
  };
  const send = async (event: Event) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email'));
    try {
      await emailEmbedCode(session, widget.id, email);
      setStatus(`The code and instructions are on their way to ${email}.`);
    } catch (error) {
      setStatus((error as Error).message);
    }
  };
  return (
    <>
      <AllowedSites widget={widget} />
      <p>
        Paste the code before <code>&lt;/body&gt;</code> on every page of your site. The code shows
        the saved settings.
      </p>
      {codes.map(({ format, title, code, attribute }) => (
        <section key={format} aria-labelledby={`code-${format}`} class="embed">
          <h2 id={`code-${format}`}>{title}</h2>
          <textarea
            readOnly
            rows={7}
            aria-labelledby={`code-${format}`}
            value={code}
            data-format={format}
          />
          {attribute && (
            <p>
              Any link or button with <code>{attribute}</code> opens the widget.
            </p>
          )}
          <button type="button" onClick={() => copy(title, code)}>
            Copy the {title.toLowerCase()}
          </button>
        </section>
      ))}
      <SiteCheck widget={widget} session={session} />
      <form onSubmit={send} class="email-code">
        <label for="developer-email">Send the code and instructions to a developer</label>
        <input id="developer-email" name="email" type="email" required autocomplete="email" />
        <button type="submit">Send by e-mail</button>
      </form>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
