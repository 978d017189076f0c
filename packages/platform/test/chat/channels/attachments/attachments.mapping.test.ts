/**
 * Each channel's mapping of an inbound message to the attachment model: photos and files become
 * attachments to fetch (the largest Telegram or VK photo size, Viber's and Facebook's media URLs,
 * VK's documents),
 * with the caption as text; stickers, locations, contacts, voice become readable placeholders;
 * nothing a customer sends reads as empty.
 */
import type { Message } from '@grammyjs/types';
import { describe, expect, it } from 'vitest';
import {
  contactText,
  locationText,
  stickerText,
  voiceText,
} from '../../../../src/chat/channels/attachments/placeholders';
import { facebookContent } from '../../../../src/chat/channels/facebook/facebook-content';
import { telegramContent } from '../../../../src/chat/channels/telegram/telegram-content';
import { viberContent } from '../../../../src/chat/channels/viber/viber-content';
import { vkContent } from '../../../../src/chat/channels/vk/vk-content';

const base = {
  message_id: 1,
  date: 1_772_600_000,
  chat: { id: 5, type: 'private', first_name: 'Anna' },
} as const;
const telegram = (fields: Record<string, unknown>) =>
  telegramContent({ ...base, ...fields } as unknown as Message);

describe('Telegram messages', () => {
  it('fetches the largest size of a photo, its caption the text', () => {
    const sizes = [
      { file_id: 'small', file_unique_id: 's', width: 90, height: 60, file_size: 1_000 },
      { file_id: 'large', file_unique_id: 'l', width: 1280, height: 853, file_size: 90_000 },
    ];
    expect(telegram({ photo: sizes, caption: 'Is this one in stock?' })).toEqual({
      text: '[photo] Is this one in stock?',
      attachments: [
        {
          kind: 'image',
          source: 'large',
          fileName: null,
          declaredType: 'image/jpeg',
          declaredSize: 90_000,
        },
      ],
    });
    expect(telegram({ photo: sizes }).text).toBe('[photo]');
  });

  it('fetches a document, a video, an audio file and an animation as files, by name', () => {
    const document = {
      file_id: 'doc',
      file_unique_id: 'd',
      file_name: 'invoice <March>.pdf',
      mime_type: 'application/pdf',
      file_size: 12_345,
    };
    expect(telegram({ document })).toEqual({
      text: '[file invoice <March>.pdf]',
      attachments: [
        {
          kind: 'file',
          source: 'doc',
          fileName: 'invoice <March>.pdf',
          declaredType: 'application/pdf',
          declaredSize: 12_345,
        },
      ],
    });
    const video = { file_id: 'v', file_unique_id: 'v', width: 1, height: 1, duration: 3 };
    expect(telegram({ video, caption: 'the box' })).toMatchObject({
      text: '[video] the box',
      attachments: [{ kind: 'file', source: 'v', fileName: null }],
    });
    expect(telegram({ audio: { file_id: 'a', file_unique_id: 'a', duration: 9 } }).text).toBe(
      '[audio]',
    );
  });

  it('reads a sticker, a location, a venue, a contact, a voice and a round video as text', () => {
    const sticker = {
      file_id: 'st',
      file_unique_id: 'st',
      type: 'regular',
      width: 512,
      height: 512,
      is_animated: false,
      is_video: false,
      emoji: '😀',
    };
    expect(telegram({ sticker })).toEqual({ text: '[sticker 😀]', attachments: [] });
    expect(telegram({ location: { latitude: 55.751244, longitude: 37.618423 } }).text).toBe(
      '[location] https://www.openstreetmap.org/?mlat=55.751244&mlon=37.618423#map=17/55.751244/37.618423',
    );
    const venue = {
      location: { latitude: 59.9, longitude: 30.3 },
      title: 'Shop',
      address: 'Nevsky 1',
    };
    expect(telegram({ venue, location: venue.location }).text).toMatch(
      /^\[location: Shop, Nevsky 1\] https:\/\/www\.openstreetmap\.org\/\?mlat=59\.9&mlon=30\.3/,
    );
    const contact = { phone_number: '+79161234567', first_name: 'Ivan', last_name: 'Petrov' };
    expect(telegram({ contact }).text).toBe('[contact: Ivan Petrov, +79161234567]');
    const voice = { file_id: 'vo', file_unique_id: 'vo', duration: 67 };
    expect(telegram({ voice })).toEqual({ text: '[voice message 1:07]', attachments: [] });
    const note = { file_id: 'n', file_unique_id: 'n', length: 240, duration: 5 };
    expect(telegram({ video_note: note }).text).toBe('[video message 0:05]');
    expect(telegram({}).text).toBe('[a message the chat cannot show]');
  });
});

describe('Viber messages', () => {
  it('fetches a picture from its media URL, its text the caption', () => {
    expect(
      viberContent({
        type: 'picture',
        text: 'This one',
        media: 'https://dl-media.viber.com/1/photo.jpg',
        thumbnail: 'https://dl-media.viber.com/1/thumb.jpg',
        size: 2048,
        file_name: 'photo.jpg',
      }),
    ).toEqual({
      text: '[photo] This one',
      attachments: [
        {
          kind: 'image',
          source: 'https://dl-media.viber.com/1/photo.jpg',
          fileName: 'photo.jpg',
          declaredType: null,
          declaredSize: 2048,
        },
      ],
    });
  });

  it('fetches a file by name; a media URL that is not http(s) is not fetched', () => {
    expect(
      viberContent({ type: 'file', media: 'https://x.test/f', file_name: 'a.pdf', size: 5 }),
    ).toMatchObject({ text: '[file a.pdf]', attachments: [{ kind: 'file', fileName: 'a.pdf' }] });
    expect(viberContent({ type: 'file', media: 'file:///etc/passwd', file_name: 'p' })).toEqual({
      text: '[file p]',
      attachments: [],
    });
  });

  it('reads a sticker, a location and a contact as text', () => {
    expect(viberContent({ type: 'sticker', sticker_id: 40133 }).text).toBe('[sticker]');
    expect(viberContent({ type: 'location', location: { lat: 1.5, lon: 2.25 } }).text).toBe(
      '[location] https://www.openstreetmap.org/?mlat=1.5&mlon=2.25#map=17/1.5/2.25',
    );
    expect(
      viberContent({ type: 'contact', contact: { name: 'Ivan', phone_number: '+7916' } }).text,
    ).toBe('[contact: Ivan, +7916]');
    expect(viberContent({ type: 'rich_media' }).text).toBe('[a message the chat cannot show]');
  });
});

describe('Messenger messages', () => {
  it('fetches each image and file of a message, one line each under the text', () => {
    const content = facebookContent({
      mid: 'm1',
      text: 'Two photos and the invoice',
      attachments: [
        { type: 'image', payload: { url: 'https://scontent.test/a.jpg' } },
        { type: 'image', payload: { url: 'https://scontent.test/b.jpg' } },
        { type: 'file', payload: { url: 'https://cdn.test/x/Invoice%20%E2%84%967.pdf?dl=1' } },
      ],
    });
    expect(content.text).toBe(
      'Two photos and the invoice\n[photo]\n[photo]\n[file Invoice №7.pdf]',
    );
    expect(content.attachments.map((a) => [a.kind, a.source, a.fileName])).toEqual([
      ['image', 'https://scontent.test/a.jpg', null],
      ['image', 'https://scontent.test/b.jpg', null],
      ['file', 'https://cdn.test/x/Invoice%20%E2%84%967.pdf?dl=1', 'Invoice №7.pdf'],
    ]);
  });

  it('reads a sticker, the like, a location, a voice message and a link as text', () => {
    const sticker = {
      sticker_id: 369239263222822,
      attachments: [{ type: 'image', payload: { url: 'https://x.test/s.png', sticker_id: 1 } }],
    };
    expect(facebookContent(sticker)).toEqual({ text: '[sticker]', attachments: [] });
    expect(facebookContent({ sticker_id: 369239263222822 }).text).toBe('[sticker 👍]');
    const location = { type: 'location', payload: { coordinates: { lat: 10, long: 20 } } };
    expect(facebookContent({ attachments: [location] }).text).toMatch(/^\[location\] https:/);
    const audio = { type: 'audio', payload: { url: 'https://x.test/clip.mp4' } };
    expect(facebookContent({ attachments: [audio] })).toEqual({
      text: '[voice message]',
      attachments: [],
    });
    const fallback = { type: 'fallback', payload: { title: 'Our shop', url: 'https://s.test' } };
    expect(facebookContent({ attachments: [fallback] }).text).toBe('Our shop https://s.test');
    expect(facebookContent({ attachments: [{ type: 'template' }] }).text).toBe(
      '[a message the chat cannot show]',
    );
  });
});

describe('VK messages', () => {
  const size = (type: string, width: number, url: string) => ({
    type,
    width,
    height: Math.round((width * 3) / 4),
    url,
  });

  it('fetches the largest size of a photo and a document by its title, the text the caption', () => {
    const photo = {
      type: 'photo',
      photo: {
        id: 457239017,
        owner_id: 700000001,
        sizes: [
          size('s', 75, 'https://sun9-1.userapi.test/s.jpg'),
          size('z', 1080, 'https://sun9-1.userapi.test/z.jpg'),
          size('x', 604, 'https://sun9-1.userapi.test/x.jpg'),
        ],
      },
    };
    const doc = {
      type: 'doc',
      doc: {
        id: 1,
        owner_id: 700000001,
        title: 'invoice <March>',
        ext: 'pdf',
        size: 12_345,
        url: 'https://vk.test/doc700000001_1?hash=h',
        type: 1,
      },
    };
    expect(vkContent({ text: 'Is this one in stock?', attachments: [photo, doc] })).toEqual({
      text: '[photo] [file invoice <March>.pdf] Is this one in stock?',
      attachments: [
        {
          kind: 'image',
          source: 'https://sun9-1.userapi.test/z.jpg',
          fileName: null,
          declaredType: null,
          declaredSize: null,
        },
        {
          kind: 'file',
          source: 'https://vk.test/doc700000001_1?hash=h',
          fileName: 'invoice <March>.pdf',
          declaredType: null,
          declaredSize: 12_345,
        },
      ],
    });
    // Sizes without dimensions (older photos): the type's place decides.
    const unsized = {
      type: 'photo',
      photo: {
        sizes: [
          { type: 'm', width: 0, height: 0, url: 'https://vk.test/m.jpg' },
          { type: 'y', width: 0, height: 0, url: 'https://vk.test/y.jpg' },
        ],
      },
    };
    expect(vkContent({ text: '', attachments: [unsized] }).attachments).toMatchObject([
      { source: 'https://vk.test/y.jpg' },
    ]);
    // A URL that is not http(s) is not fetched; the photo is still named.
    const odd = { type: 'photo', photo: { sizes: [size('x', 604, 'file:///etc/passwd')] } };
    expect(vkContent({ text: '', attachments: [odd] })).toEqual({
      text: '[photo]',
      attachments: [],
    });
  });

  it('reads a sticker, a voice message, a link, a location and forwarded messages as text', () => {
    const only = (attachment: object) => vkContent({ text: '', attachments: [attachment] });
    expect(only({ type: 'sticker', sticker: { product_id: 1, sticker_id: 9 } })).toEqual({
      text: '[sticker]',
      attachments: [],
    });
    const voice = {
      duration: 7,
      link_ogg: 'https://vk.test/a.ogg',
      link_mp3: 'https://vk.test/a.mp3',
    };
    expect(only({ type: 'audio_message', audio_message: voice })).toEqual({
      text: '[voice message 0:07]',
      attachments: [],
    });
    expect(
      only({ type: 'link', link: { url: 'https://shop.test/p/1', title: 'Our shop' } }).text,
    ).toBe('[link: Our shop] https://shop.test/p/1');
    const geo = {
      type: 'point',
      coordinates: { latitude: 55.751244, longitude: 37.618423 },
      place: { title: 'Moscow' },
    };
    expect(vkContent({ text: 'Here', geo }).text).toBe(
      '[location: Moscow] https://www.openstreetmap.org/?mlat=55.751244&mlon=37.618423#map=17/55.751244/37.618423 Here',
    );
    expect(vkContent({ text: '', fwd_messages: [{ id: 1 }, { id: 2 }] }).text).toBe(
      '[forwarded messages]',
    );
    expect(only({ type: 'gift', gift: { id: 1 } }).text).toBe('[gift]');
    expect(only({ type: 'market_album' }).text).toBe('[market album]');
    expect(vkContent({ text: '   ' }).text).toBe('[a message the chat cannot show]');
  });
});

describe('placeholders', () => {
  it('are never empty, and keep what they are given as plain text', () => {
    expect(stickerText('  ')).toBe('[sticker]');
    expect(contactText(null, null)).toBe('[contact]');
    expect(contactText('<b>Ivan</b>', null)).toBe('[contact: <b>Ivan</b>]');
    expect(locationText(91, 0)).toBe('[location]');
    expect(locationText('55', '37')).toBe('[location]');
    expect(voiceText(undefined)).toBe('[voice message]');
    expect(voiceText(3599)).toBe('[voice message 59:59]');
  });
});
