/**
 * The shop's client-side navigation, as a single-page app does it: links marked `data-spa`
 * swap the page's `<main>` for the linked page's and push its URL; Back and Forward swap it
 * back. The document is never reloaded, so the loader and the widgets stay as they are, open
 * windows and typed text included. Anything unexpected falls back to an ordinary page load.
 */
async function show(url) {
  try {
    const response = await fetch(url);
    const next = new DOMParser().parseFromString(await response.text(), 'text/html');
    const main = next.querySelector('main');
    if (response.ok && main) {
      document.querySelector('main')?.replaceWith(document.adoptNode(main));
      document.title = next.title;
      return true;
    }
  } catch {}
  location.assign(url);
  return false;
}

document.addEventListener('click', async (event) => {
  const link = event.target instanceof Element ? event.target.closest('a[data-spa]') : null;
  // A new tab or window (modifier keys, middle button) is the browser's job.
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
  event.preventDefault();
  if (await show(link.href)) {
    history.pushState(null, '', link.href);
    scrollTo(0, 0);
  }
});

addEventListener('popstate', () => show(location.href));
