import { PlatformError, type StaffSession } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { checkBot } from './api';
import { useForm } from './form';
import { useStudioTexts } from './i18n/studio-texts';
import { getAt } from './paths';
import { SecretField } from './secret-field';

/**
 * A Telegram or Viber bot token at `path` (`channels.telegram` …), write-only, with a check
 * through the bot's API on the platform: the bot's name appears and is stored with the token, or
 * `invalidAuthToken`. The check takes the token typed, else the one the platform stores for the
 * widget (which the Studio never sees).
 */
export function BotTokenField({
  path,
  channel,
  session,
}: {
  path: string;
  channel: 'telegram' | 'viber';
  session: StaffSession;
}) {
  const form = useForm();
  const t = useStudioTexts().bot;
  const [result, setResult] = useState<string>('');
  const [failed, setFailed] = useState(false);
  const check = async () => {
    const typed = getAt(form.draft, `${path}.botToken`);
    setResult(t.checking);
    setFailed(false);
    try {
      const bot = await checkBot(
        session,
        channel,
        typeof typed === 'string' && typed !== '' ? { token: typed } : { widget: form.widgetId },
      );
      if (channel === 'telegram') form.set(`${path}.botName`, bot.handle);
      else {
        form.set(`${path}.botName`, bot.name);
        form.set(`${path}.uri`, bot.handle);
      }
      setResult(t.name(bot.name));
    } catch (error) {
      setFailed(true);
      // The bot API's refusal by its stable code, as the source shows it; anything else in words.
      const refused = error instanceof PlatformError && error.code === 'invalidAuthToken';
      setResult(refused ? error.code : (error as Error).message);
    }
  };
  const name = getAt(form.draft, `${path}.botName`);
  return (
    <div class="bot-token">
      <SecretField path={`${path}.botToken`} label={t.token} />
      <button type="button" onClick={check}>
        {t.check}
      </button>
      <p role="status" class={failed ? 'error' : undefined}>
        {result || (name ? t.name(String(name)) : '')}
      </p>
    </div>
  );
}
