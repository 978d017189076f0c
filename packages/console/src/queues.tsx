/**
 * The queues of the distributing groups the operator is in (issue 23): how many conversations
 * wait for a member, and how long the longest has waited — asked on every (re)connect
 * (`chat:queues`), then kept by `chat:queue`. The wait the platform told is counted on from when
 * it was told, by this page's clock.
 */
import type { ChatQueue } from '@frontdesk/config';
import { useEffect, useState } from 'preact/hooks';
import type { Socket } from 'socket.io-client';
import { type ConsoleTexts, useConsoleTexts } from './i18n/console-texts';
import { ask } from './ops-socket';

/** A queue as told, and when (this page's clock, ms). */
export interface ToldQueue {
  queue: ChatQueue;
  toldAt: number;
}

/** The queues over `socket`, by group id. */
export function useQueues(socket: Socket): ReadonlyMap<string, ToldQueue> {
  const [queues, setQueues] = useState<ReadonlyMap<string, ToldQueue>>(new Map());
  useEffect(() => {
    const list = () =>
      ask<{ queues: ChatQueue[] }>(socket, 'chat:queues').then(
        ({ queues: all }) =>
          setQueues(new Map(all.map((queue) => [queue.groupId, { queue, toldAt: Date.now() }]))),
        () => undefined, // the next reconnect asks again
      );
    const told = (queue: ChatQueue) =>
      setQueues((known) => new Map(known).set(queue.groupId, { queue, toldAt: Date.now() }));
    socket.on('connect', list);
    socket.on('chat:queue', told);
    if (socket.connected) void list();
    return () => {
      socket.off('connect', list);
      socket.off('chat:queue', told);
    };
  }, [socket]);
  return queues;
}

/** "45 s", "3 min", "1 h 5 min" (in `t`'s language). */
export function waitText(seconds: number, t: ConsoleTexts['wait']): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return t.seconds(s);
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return t.minutes(minutes);
  return t.hours(Math.floor(minutes / 60), minutes % 60);
}

/** The queues' line under the chats' heading; nothing when the operator is in no such group. */
export function QueueStatus({
  queues,
  now,
}: {
  queues: ReadonlyMap<string, ToldQueue>;
  now: number;
}) {
  const t = useConsoleTexts();
  if (queues.size === 0) return null;
  const shown = [...queues.values()].sort((a, b) => a.queue.name.localeCompare(b.queue.name));
  return (
    <ul class="queues" aria-label={t.chats.queues}>
      {shown.map(({ queue, toldAt }) => (
        <li key={queue.groupId} data-queue-length={queue.length}>
          <span class="queue-name">{queue.name}</span>:{' '}
          {queue.length === 0
            ? t.chats.nobodyWaiting
            : t.chats.waiting(
                queue.length,
                waitText(queue.longestWaitSeconds + Math.max(0, now - toldAt) / 1000, t.wait),
              )}
        </li>
      ))}
    </ul>
  );
}
