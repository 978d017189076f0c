import { callbackConfigOf, loadTexts } from '@frontdesk/chat';
import { parsePublicConfig } from '@frontdesk/config';
import { describe, expect, it } from 'vitest';
import { chatConfig } from './fixtures';

describe('the callback tab’s config', () => {
  it('is a valid callback config in the chat’s look, without a brand line of its own', async () => {
    const chat = chatConfig((s) => ({
      ...s,
      appearance: { ...s.appearance, buttonColor: '#123456', theme: 'dark', position: 'left' },
    }));
    const { chat: texts } = await loadTexts('en');
    const config = callbackConfigOf(chat, texts, 'en');
    const parsed = parsePublicConfig(config);
    expect(parsed.ok).toBe(true);
    expect(config).toMatchObject({
      type: 'callback',
      key: 'test-chat',
      mode: 'automatic',
      country: 'ru',
      brand: { hidden: true, nonWorkingHidden: true },
      schedule: chat.schedule,
      consent: chat.consent,
      languages: ['en'],
      appearance: {
        primaryColor: '#123456',
        secondaryColor: '#1f2430',
        position: 'left',
        working: { title: { en: 'We will call you back' } },
        // The lead generator's title is the chat button's text.
        leadGenerator: { title: chat.appearance.working.buttonText },
      },
    });
  });
});
