/**
 * Viber's, VK's and Facebook's customers' files at the URLs their messages carry (a Viber
 * `picture`'s `media`, a VK photo's `sizes` and a document's `url`, a Facebook `image`'s
 * `payload.url`): served by that messenger's own listener, as its media host or CDN does, and
 * gone with it in an outage; what a messenger does not have (Viber's voice messages, VK's and
 * Messenger's contact cards, Messenger's captions) refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleDocument, samplePicture } from '../../src/index';
import { startSandbox, type TestSandbox } from '../support/sandbox';

let sandbox: TestSandbox;

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(() => sandbox?.close());

/** The bytes at `url`, with the type they are served as. */
async function served(url: string | undefined) {
  const response = await fetch(url ?? 'http://127.0.0.1/');
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

describe("customers' media at their URLs", () => {
  it("serves a Viber user's picture and file at their media URLs, until the API is down", async () => {
    const bot = sandbox.viber.createBot({ name: 'Shop', uri: 'media_shop' });
    const user = sandbox.viber.user({ name: 'Viktor' });
    const photo = sandbox.viber.send(bot, user, { type: 'photo', caption: 'Look' });
    expect(photo).toMatchObject({ sender: 'customer', text: '[photo] Look' });
    expect(photo.media?.startsWith(`${sandbox.viber.apiUrl}/media/`)).toBe(true);
    expect(await served(photo.media)).toEqual({
      status: 200,
      type: 'image/png',
      bytes: samplePicture(),
    });
    const file = sandbox.viber.send(bot, user, { type: 'file', fileName: 'order.pdf' });
    expect((await served(file.media)).bytes.equals(sampleDocument())).toBe(true);
    await sandbox.viber.faults.down('bad-gateway');
    try {
      expect((await served(photo.media)).status).toBe(502);
    } finally {
      await sandbox.viber.faults.up();
    }
    expect(() => sandbox.viber.send(bot, user, { type: 'voice', duration: 3 })).toThrow(
      'Viber sends bots no voice messages',
    );
  });

  it("carries a VK user's photo, document, sticker, place and voice as VK documents them", async () => {
    const community = sandbox.vk.createCommunity({ name: 'Shop', screenName: 'media_shop' });
    const user = sandbox.vk.user({ name: 'Vera Orlova' });
    const events: Record<string, unknown>[] = [];
    const unsubscribe = sandbox.vk.subscribe((event) => {
      if (event.type === 'message' && event.entry.from === 'user') events.push({ ...event.entry });
    });
    const photo = sandbox.vk.send(community, user, { type: 'photo', caption: 'This one?' });
    expect(photo).toMatchObject({ from: 'user', text: '[photo] This one?' });
    const [attachment] = photo.attachments ?? [];
    const { sizes } = (attachment?.photo ?? { sizes: [] }) as {
      sizes: { type: string; url: string }[];
    };
    expect(attachment).toMatchObject({ type: 'photo', photo: { owner_id: user.id } });
    expect(sizes.map((size) => size.type)).toEqual(['s', 'm', 'x']);
    expect(sizes.every((size) => size.url === photo.media)).toBe(true);
    expect(photo.media?.startsWith(`${sandbox.vk.apiUrl}/media/`)).toBe(true);
    expect(await served(photo.media)).toEqual({
      status: 200,
      type: 'image/png',
      bytes: samplePicture(),
    });
    const file = sandbox.vk.send(community, user, { type: 'file', fileName: 'order.pdf' });
    expect(file.attachments).toMatchObject([
      { type: 'doc', doc: { title: 'order.pdf', ext: 'pdf', type: 1, url: file.media } },
    ]);
    expect((await served(file.media)).bytes.equals(sampleDocument())).toBe(true);
    const place = sandbox.vk.send(community, user, {
      type: 'location',
      latitude: 55.75,
      longitude: 37.62,
    });
    expect(place).toMatchObject({
      text: '[location]',
      geo: { type: 'point', coordinates: { latitude: 55.75, longitude: 37.62 } },
    });
    expect(sandbox.vk.send(community, user, { type: 'sticker' }).attachments).toMatchObject([
      { type: 'sticker', sticker: { sticker_id: 9 } },
    ]);
    expect(
      sandbox.vk.send(community, user, { type: 'voice', duration: 7 }).attachments,
    ).toMatchObject([{ type: 'audio_message', audio_message: { duration: 7 } }]);
    expect(() =>
      sandbox.vk.send(community, user, { type: 'contact', name: 'Ivan', phone: '+7916' }),
    ).toThrow('VK has no contact cards to send');
    unsubscribe();
    expect(events.map((entry) => entry.text)).toEqual([
      '[photo] This one?',
      '[file order.pdf]',
      '[location]',
      '[sticker]',
      '[voice message]',
    ]);
    await sandbox.vk.faults.down('bad-gateway');
    try {
      expect((await served(photo.media)).status).toBe(502);
    } finally {
      await sandbox.vk.faults.up();
    }
  });

  it("serves a Messenger person's image at its CDN URL; no captions, no contact cards", async () => {
    const page = sandbox.facebook.createPage({ name: 'Shop', username: 'media.shop' });
    const person = sandbox.facebook.person({ name: 'Fyodor' });
    const image = sandbox.facebook.send(page, person, { type: 'photo' });
    expect(image).toMatchObject({ text: '[photo]' });
    expect(await served(image.media)).toMatchObject({ status: 200, type: 'image/png' });
    expect((await served(`${sandbox.facebook.graphUrl}/media/nothing/file`)).status).toBe(404);
    expect(() => sandbox.facebook.send(page, person, { type: 'photo', caption: 'x' })).toThrow(
      'Messenger sends no captions: write the text apart',
    );
    expect(() =>
      sandbox.facebook.send(page, person, { type: 'contact', name: 'Ivan', phone: '+7916' }),
    ).toThrow('Messenger has no contact cards to send');
  });
});
