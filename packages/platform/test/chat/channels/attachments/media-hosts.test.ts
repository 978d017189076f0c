/**
 * Where a messenger's file may be fetched from: https on its media hosts (the domain and its
 * subdomains, on the default port), or the origin of its configured API base (a stand-in);
 * never an address inside the platform's network, another host carrying a media host's name,
 * plain http to a media host, or a URL with credentials.
 */
import { describe, expect, it } from 'vitest';
import {
  mediaAllowed,
  type UrlMessenger,
} from '../../../../src/chat/channels/attachments/media-hosts';

const OFFICIAL = {
  viber: 'https://chatapi.viber.com',
  vk: 'https://api.vk.com',
  facebook: 'https://graph.facebook.com',
};

describe('mediaAllowed', () => {
  it.each<[UrlMessenger, string, boolean]>([
    ['viber', 'https://dl-media.viber.com/1/share/2/long/vibes/file.jpg', true],
    ['viber', 'https://viber.com/file.jpg', true],
    ['viber', 'http://dl-media.viber.com/file.jpg', false],
    ['viber', 'https://dl-media.viber.com:8443/file.jpg', false],
    ['viber', 'https://dl-media.viber.com.evil.example/file.jpg', false],
    ['viber', 'https://evilviber.com/file.jpg', false],
    ['viber', 'https://user:pass@dl-media.viber.com/file.jpg', false],
    ['viber', 'http://169.254.169.254/latest/meta-data/', false],
    ['viber', 'https://sun9-1.userapi.com/photo.jpg', false],
    ['vk', 'https://sun9-1.userapi.com/impg/photo.jpg', true],
    ['vk', 'https://vk.com/doc1_2?hash=3', true],
    ['vk', 'https://127.0.0.1/doc', false],
    ['facebook', 'https://scontent.xx.fbcdn.net/v/t1.15752-9/photo.jpg', true],
    ['facebook', 'https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=1', true],
    ['facebook', 'https://cdn.fbsbx.com/v/file.pdf', true],
    ['facebook', 'https://localhost/file.pdf', false],
  ])('%s, %s: %s', (messenger, url, allowed) => {
    expect(mediaAllowed(messenger, new URL(url), OFFICIAL[messenger])).toBe(allowed);
  });

  it('takes a stand-in’s files from its own origin only (the messenger sandbox on loopback)', () => {
    const sandbox = 'http://127.0.0.1:41234';
    expect(mediaAllowed('viber', new URL(`${sandbox}/media/1/scan.pdf`), sandbox)).toBe(true);
    expect(mediaAllowed('viber', new URL('http://127.0.0.1:41235/media/1'), sandbox)).toBe(false);
    expect(mediaAllowed('viber', new URL('https://127.0.0.1:41234/media/1'), sandbox)).toBe(false);
    // A media host stays one beside a stand-in.
    expect(mediaAllowed('viber', new URL('https://dl-media.viber.com/f'), sandbox)).toBe(true);
  });
});
