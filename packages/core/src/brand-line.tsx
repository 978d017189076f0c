/** The "Powered by Frontdesk" line every widget shows unless the marketer hides it. */

/** "Powered by Frontdesk", the name linking to `href` (the platform's site) in a new tab. */
export function BrandLine(props: { poweredBy: string; href: string }) {
  return (
    <p class="brand">
      {props.poweredBy}{' '}
      <a href={props.href} target="_blank" rel="noopener">
        Frontdesk
      </a>
    </p>
  );
}
