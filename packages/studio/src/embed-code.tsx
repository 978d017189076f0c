import { type StaffSession, useErrorText } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { AllowedSites } from './allowed-sites';
import { emailEmbedCode, type Widget } from './api';
import { embedCodes } from './embed-codes';
import { useStudioTexts } from './i18n/studio-texts';
import { SiteCheck } from './site-check';

/** The platform's own origin: the Studio is one of its pages. */
const platformUrl = () => location.origin;

/**
 * The Embed code tab: the sites where the saved widget may run (or a warning that none may), its
 * codes with copy buttons, the "test on my site" check, and an e-mail of the code with
 * instructions to a developer (the Test-widget link is on every tab).
 */
export function EmbedCode({ widget, session }: { widget: Widget; session: StaffSession }) {
  const t = useStudioTexts().embed;
  const sayError = useErrorText();
  const [status, setStatus] = useState('');
  const codes = embedCodes(platformUrl(), widget.key, widget.settings, t.codes);
  const copy = async (title: string, code: string) => {
    try {
      await navigator.clipboard.writeText(code);
      setStatus(t.copied(title));
    } catch {
      setStatus(t.refused);
    }
  };
  const send = async (event: Event) => {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget as HTMLFormElement).get('email'));
    try {
      await emailEmbedCode(session, widget.id, email);
      setStatus(t.sent(email));
    } catch (error) {
      setStatus(sayError(error));
    }
  };
  return (
    <>
      <AllowedSites widget={widget} />
      <p>{t.paste}</p>
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
          {attribute && <p>{t.attribute(attribute)}</p>}
          <button type="button" onClick={() => copy(title, code)}>
            {t.copy(title)}
          </button>
        </section>
      ))}
      <SiteCheck widget={widget} session={session} />
      <form onSubmit={send} class="email-code">
        <label for="developer-email">{t.developer}</label>
        <input id="developer-email" name="email" type="email" required autocomplete="email" />
        <button type="submit">{t.send}</button>
      </form>
      <p role="status" aria-live="polite">
        {status}
      </p>
    </>
  );
}
