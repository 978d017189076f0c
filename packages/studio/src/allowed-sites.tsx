import type { Widget } from './api';
import { routeHref } from './router';

/**
 * The Embed code tab's answer to "will the code work on my site?": the sites where the saved
 * widget may run, or a warning that pasted anywhere the code shows nothing yet.
 */
export function AllowedSites({ widget }: { widget: Widget }) {
  const sites = widget.settings.allowedOrigins;
  const settings = (
    <a href={routeHref({ screen: 'widget', id: widget.id, tab: 'basic' })}>
      Settings → Sites where the widget may run
    </a>
  );
  return (
    <section aria-labelledby="sites-title">
      <h2 id="sites-title">Sites where the widget may run</h2>
      {sites.length === 0 ? (
        <p class="warning">
          No site may run this widget yet: wherever the code is pasted, nothing shows. Add your
          site's address in {settings}.
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
          <p>On any other site the code shows nothing. To change the list: {settings}.</p>
        </>
      )}
    </section>
  );
}
