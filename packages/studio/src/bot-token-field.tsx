import { PlatformError, type StaffSession } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { checkBot } from './api';
import { useForm } from './form';
import { useStudioTexts } from './i18n/studio-texts';
import { getAt } from './paths';
import { SecretField } from './secret-field';

/** Where each channel's token sits in its settings. */
const TOKEN_FIELD = { telegram: 'botToken', viber: 'botToken', vk: 'accessToken' } as const;

/**
 * A Telegram or Viber bot token or a VK community token at `path` (`channels.telegram` …),
 * write-only, with a check through the messenger's API on the platform: the bot's (community's)
 * name appears and is stored with the token (VK: the community's short name fills its id), or
 * `invalidAuthToken`. The check takes the token typed, else the one the platform stores for the
 * widget (which the Studio never sees).
 */
export function BotTokenField({
  path,
  channel,
  session,
}: {
  path: string;
  channel: 'telegram' | 'viber' | 'vk';
  session: StaffSession;
}) {
  const form = useForm();
  const t = useStudioTexts().bot;
  const field = `${path}.${TOKEN_FIELD[channel]}`;
  const named = channel === 'vk' ? t.community : t.name;
  const [result, setResult] = useState<string>('');
  const [failed, setFailed] = useState(false);
  const check = async () => {
    const typed = getAt(form.draft, field);
    setResult(t.checking);
    setFailed(false);
    try {
      const bot = await checkBot(
        session,
        channel,
        typeof typed === 'string' && typed !== '' ? { token: typed } : { widget: form.widgetId },
      );
      if (channel === 'telegram') form.set(`${path}.botName`, bot.handle);
      else if (channel === 'vk') form.set(`${path}.groupId`, bot.handle);
      else {
        form.set(`${path}.botName`, bot.name);
        form.set(`${path}.uri`, bot.handle);
      }
      setResult(named(bot.name));
    } catch (error) {
      setFailed(true);
      // The bot API's refusal by its stable code, as the source shows it; anything else in words.
      const refused = error instanceof PlatformError && error.code === 'invalidAuthToken';
      setResult(refused ? error.code : (error as Error).message);
    }
  };
  const name = channel === 'vk' ? undefined : getAt(form.draft, `${path}.botName`);
  return (
    <div class="bot-token">
      <SecretField path={field} label={channel === 'vk' ? t.communityToken : t.token} />
      <button type="button" onClick={check}>
        {t.check}
      </button>
      <p role="status" class={failed ? 'error' : undefined}>
        {result || (name ? named(String(name)) : '')}
      </p>
    </div>
  );
}
