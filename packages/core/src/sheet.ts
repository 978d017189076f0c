/**
 * A constructable stylesheet of `css`. Widgets style themselves only through these, adopted by
 * their shadow roots: no `<style>` element and no `style` attribute, so a host page's strict
 * `style-src` policy has nothing to refuse.
 */
export function sheet(css: string): CSSStyleSheet {
  const created = new CSSStyleSheet();
  created.replaceSync(css);
  return created;
}
