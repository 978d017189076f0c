import type { OnlineUser } from '@frontdesk/config';
import { useEffect, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { useConsoleTexts } from './i18n/console-texts';

/** "Who is online": the account's staff with a console connected, kept current by `/ops`. */
export function Presence({ socket }: { socket: Socket }) {
  const t = useConsoleTexts();
  const [online, setOnline] = useState<OnlineUser[]>([]);
  useEffect(() => {
    socket.on('presence', setOnline);
    return () => {
      socket.off('presence', setOnline);
    };
  }, [socket]);
  return (
    <section class="presence" aria-labelledby="presence-title">
      <h2 id="presence-title">{t.nav.presence}</h2>
      <ul>
        {online.map((user) => (
          <li key={user.id}>
            {user.name} <span class="role">({t.nav.roles[user.role]})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
