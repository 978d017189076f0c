/**
 * A Telegram customer's media, as the Bot API gives it to the bot: the message's `photo`,
 * `document`, `sticker`, `location`, `contact`, `voice`; getFile's `file_path`, and the bytes at
 * `/file/bot<token>/<file_path>` — for the bot the file was sent to only, as Telegram's file_ids
 * are; bad input refused naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Customer, SandboxBot } from '../../src/index';
import { samplePicture } from '../../src/index';
import { botApi, startSandbox, type TestSandbox } from '../support/sandbox';

let sandbox: TestSandbox;
let bot: SandboxBot;
let other: SandboxBot;
let anna: Customer;

beforeAll(async () => {
  sandbox = await startSandbox();
  bot = sandbox.telegram.createBot({ username: 'files_bot' });
  other = sandbox.telegram.createBot({ username: 'other_bot' });
  anna = sandbox.telegram.customer({ firstName: 'Anna' });
});
afterAll(() => sandbox?.close());

describe("a Telegram customer's media", () => {
  it('gives the photo to the bot through getFile and the file download, to that bot only', async () => {
    const sent = sandbox.telegram.send(bot, anna, { type: 'photo', caption: 'This one' });
    expect(sent).toMatchObject({ caption: 'This one', photo: [{ width: 32, height: 24 }] });
    const fileId = sent.photo?.[0]?.file_id ?? '';
    const call = botApi(sandbox.telegram.apiUrl, bot.token);
    const updates = await call('getUpdates', {});
    expect(updates.body.result.at(-1).message.photo[0].file_id).toBe(fileId);
    const file = await call('getFile', { file_id: fileId });
    expect(file.body).toMatchObject({
      ok: true,
      result: { file_id: fileId, file_size: samplePicture().length },
    });
    const path = file.body.result.file_path as string;
    expect(path).toMatch(/^photos\/file_[0-9a-f]+\.png$/);
    const download = await fetch(`${sandbox.telegram.apiUrl}/file/bot${bot.token}/${path}`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(samplePicture())).toBe(true);

    // Another bot's token gets neither the path nor the bytes.
    const stranger = await botApi(sandbox.telegram.apiUrl, other.token)('getFile', {
      file_id: fileId,
    });
    expect(stranger).toEqual({
      status: 400,
      body: {
        ok: false,
        error_code: 400,
        description: 'Bad Request: wrong file_id or the file is temporarily unavailable',
      },
    });
    const elsewhere = await fetch(`${sandbox.telegram.apiUrl}/file/bot${other.token}/${path}`);
    expect(elsewhere.status).toBe(404);
  });

  it('carries a document, a sticker, a location, a contact and a voice message as Telegram does', () => {
    const data = Buffer.from('%PDF-1.4 test').toString('base64');
    expect(
      sandbox.telegram.send(bot, anna, { type: 'file', fileName: 'a.pdf', data }),
    ).toMatchObject({
      document: { file_name: 'a.pdf', mime_type: 'application/pdf', file_size: 13 },
    });
    expect(sandbox.telegram.send(bot, anna, { type: 'sticker', emoji: '😀' })).toMatchObject({
      sticker: { emoji: '😀', type: 'regular', is_animated: false },
    });
    expect(
      sandbox.telegram.send(bot, anna, { type: 'location', latitude: 55.75, longitude: 37.62 }),
    ).toMatchObject({ location: { latitude: 55.75, longitude: 37.62 } });
    expect(
      sandbox.telegram.send(bot, anna, { type: 'contact', name: 'Ivan Petrov', phone: '+7916' }),
    ).toMatchObject({
      contact: { phone_number: '+7916', first_name: 'Ivan', last_name: 'Petrov' },
    });
    expect(sandbox.telegram.send(bot, anna, { type: 'voice', duration: 7 })).toMatchObject({
      voice: { duration: 7, mime_type: 'audio/ogg' },
    });
  });

  it('refuses media Telegram would not carry, naming the field', async () => {
    const control = (body: unknown) =>
      fetch(`${sandbox.url}/control/telegram/bots/${bot.username}/chats/${anna.id}/media`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const refused = await control({ type: 'location', latitude: 91, longitude: 0 });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'invalid', field: 'latitude' } });
    const unknown = await control({ type: 'dice' });
    expect(await unknown.json()).toMatchObject({ error: { field: 'type' } });
    expect((await control({ type: 'sticker', emoji: '😀' })).status).toBe(201);
  });
});
