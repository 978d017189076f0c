/**
 * Where each messenger serves its customers' files. A Viber, VK or Facebook attachment is a URL
 * in the inbound event, and whoever can sign an event (a company admin knows the bot token that
 * signs Viber's) could name any URL: fetched as given, it would read the platform's network
 * (cloud metadata, internal services) into an attachment its admin can download. So a file is
 * fetched only over https from its messenger's media hosts, or from the origin of the API base
 * the platform is configured with (a stand-in such as the messenger sandbox serves files there).
 */

/** The messengers whose attachments are URLs. */
export type UrlMessenger = 'viber' | 'vk' | 'facebook';

/** Each one's media hosts: the domain and its subdomains. */
const MEDIA_HOSTS: Readonly<Record<UrlMessenger, readonly string[]>> = {
  // dl-media.viber.com, media.viber.com…
  viber: ['viber.com'],
  // sun9-….userapi.com (photos), vk.com/doc… (documents), …vkuser.net, …vk-cdn.net.
  vk: ['vk.com', 'vk.me', 'userapi.com', 'vkuser.net', 'vk-cdn.net'],
  // scontent….fbcdn.net, lookaside.fbsbx.com, cdn.fbsbx.com.
  facebook: ['fbcdn.net', 'fbsbx.com', 'facebook.com'],
};

/** `value` when it is an http(s) URL (a messenger's media address), else null. */
export function httpUrl(value: unknown): string | null {
  return typeof value === 'string' && /^https?:\/\//.test(value) ? value : null;
}

/** Whether `host` is `domain` or one of its subdomains. */
const within = (host: string, domain: string) => host === domain || host.endsWith(`.${domain}`);

/**
 * Whether a file of `messenger` may be fetched from `url`: https on one of its media hosts, or
 * on the origin of `apiBase` (its configured API base).
 */
export function mediaAllowed(messenger: UrlMessenger, url: URL, apiBase: string): boolean {
  if (url.username || url.password) return false;
  if (url.origin === new URL(apiBase).origin) return true;
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    MEDIA_HOSTS[messenger].some((domain) => within(url.hostname.toLowerCase(), domain))
  );
}
