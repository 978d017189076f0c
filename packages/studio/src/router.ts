/**
 * The Studio's screens as hash routes (`#/widgets`, `#/new`, `#/groups`, `#/trunks`, `#/history`,
 * `#/account`,
 * `#/widgets/ID/TAB`): the platform
 * serves one page, and every screen has a link of its own. Leaving is asked of the unsaved-changes
 * guard first.
 */
import { useEffect, useState } from 'preact/hooks';
import { mayLeave } from './unsaved-guard';

/** A screen of the Studio. */
export type Route =
  | { screen: 'list' }
  | { screen: 'new' }
  | { screen: 'groups' }
  | { screen: 'trunks' }
  | { screen: 'history' }
  | { screen: 'account' }
  | { screen: 'widget'; id: string; tab: string };

/** The route of a location hash; anything unknown is the widget list. */
export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'new') return { screen: 'new' };
  if (parts[0] === 'groups') return { screen: 'groups' };
  if (parts[0] === 'trunks') return { screen: 'trunks' };
  if (parts[0] === 'history') return { screen: 'history' };
  if (parts[0] === 'account') return { screen: 'account' };
  if (parts[0] === 'widgets' && parts[1]) {
    return { screen: 'widget', id: parts[1], tab: parts[2] || 'basic' };
  }
  return { screen: 'list' };
}

/** The hash of a route. */
export function routeHref(route: Route): string {
  switch (route.screen) {
    case 'list':
      return '#/widgets';
    case 'new':
      return '#/new';
    case 'groups':
      return '#/groups';
    case 'trunks':
      return '#/trunks';
    case 'history':
      return '#/history';
    case 'account':
      return '#/account';
    case 'widget':
      return `#/widgets/${encodeURIComponent(route.id)}/${route.tab}`;
  }
}

/** Goes to `route` (asking the guard, like a link would). */
export function navigate(route: Route): void {
  location.hash = routeHref(route);
}

/** The current route; a hash change the guard refuses is undone. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    let current = location.hash;
    const changed = () => {
      const next = parseRoute(location.hash);
      if (!mayLeave(next)) {
        // Back to where the marketer is; replaceState fires no second hashchange.
        history.replaceState(null, '', current || '#/widgets');
        return;
      }
      current = location.hash;
      setRoute(next);
    };
    addEventListener('hashchange', changed);
    return () => removeEventListener('hashchange', changed);
  }, []);
  return route;
}
