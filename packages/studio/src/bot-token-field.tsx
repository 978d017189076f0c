import { RequestError, type StaffSession } from '@frontdesk/staff';
import { useState } from 'preact/hooks';
import { checkBot } from './api';
import { TextField } from './fields';
import { useForm } from './form';
import { getAt } from './paths';

/**
 * A Telegram or Viber bot token at `path` (`channels.telegram` …) with a check through the bot's
 * API on the platform: the bot's name appears and is stored with the token, or `invalidAuthToken`.
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
  const [result, setResult] = useState<string>('');
  const [failed, setFailed] = useState(false);
  const check = async () => {
    const token = String(getAt(form.draft, `${path}.botToken`) ?? '');
    setResult('Checking…');
    setFailed(false);
    try {
      const bot = await checkBot(session, channel, token);
      if (channel === 'telegram') form.set(`${path}.botName`, bot.handle);
      else {
        form.set(`${path}.botName`, bot.name);
        form.set(`${path}.uri`, bot.handle);
      }
      setResult(`Bot: ${bot.name}`);
    } catch (error) {
      setFailed(true);
      // The bot API's refusal by its stable code, as the source shows it; anything else in words.
      const refused = error instanceof RequestError && error.code === 'invalidAuthToken';
      setResult(refused ? error.code : (error as Error).message);
    }
  };
  const name = getAt(form.draft, `${path}.botName`);
  return (
    <div class="bot-token">
      <TextField path={`${path}.botToken`} label="Bot token" />
      <button type="button" onClick={check}>
        Check the token
      </button>
      <p role="status" class={failed ? 'error' : undefined}>
        {result || (name ? `Bot: ${String(name)}` : '')}
      </p>
    </div>
  );
}
