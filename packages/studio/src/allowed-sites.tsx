import type { Widget } from './api';
import { useStudioTexts } from './i18n/studio-texts';
import { routeHref } from './router';

/**
 * The Embed code tab's answer to "will the code work on my site?": the sites where the saved
 * widget may run, or a warning that pasted anywhere the code shows nothing yet.
 */
export function AllowedSites({ widget }: { widget: Widget }) {
  const t = useStudioTexts().embed;
  const sites = widget.settings.allowedOrigins;
  const settings = (
    <a href={routeHref({ screen: 'widget', id: widget.id, tab: 'basic' })}>{t.settingsLink}</a>
  );
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">{t.sites}</h2>
      {sites.length === 0 ? (
        <p class="warning">
          {t.noSites} {settings}.
        </p>
      ) : (
        <>
          <ul class="sites">
            {sites.map((site) => (
              <li key={site}>
                <code>{site}</code>
              </li>
            ))}
          </ul>
          <p>
            {t.otherSites} {settings}.
          </p>
        </>
      )}
    </section>
  );
}
