/**
 * Viber's and Facebook's customers' files at the URLs their messages carry (a Viber `picture`'s
 * `media`, a Facebook `image`'s `payload.url`): served by that messenger's own listener, as its
 * media host or CDN does, and gone with it in an outage; what a messenger does not have
 * (Viber's voice messages, Messenger's captions and contact cards) refused.
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
