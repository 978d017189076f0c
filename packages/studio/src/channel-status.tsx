import type { ChannelStatus as Status } from '@frontdesk/config';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { channelStatus } from './api';

/** How often the panel asks again while it is shown (real time: it mirrors the platform). */
const REFRESH_MS = 5_000;

const MODES: Record<Status['mode'], string> = {
  polling: 'long polling',
  webhook: 'webhook',
  off: 'off',
};

/** An instant as the marketer's browser writes dates. */
function when(iso: string | null): string {
  return iso ? new Date(iso).toLocaleString() : 'never';
}

/** The status in one sentence, read out when it changes. */
function summary(status: Status): string {
  if (status.mode === 'off') return 'Off: no saved bot token, or the channel is not on.';
  return status.connected
    ? `Connected (${MODES[status.mode]}).`
    : `Not connected (${MODES[status.mode]}).`;
}

/**
 * A messenger channel's live status as the platform sees it — connected or not, the last
 * update received, the last error (a bad token such as Viber's invalidAuthToken, the messenger
 * out of reach, a webhook it cannot deliver to) — asked again every few seconds and on demand.
 * Only a saved widget has one.
 */
export function ChannelStatus({
  widgetId,
  channel,
}: {
  widgetId: string | undefined;
  channel: 'telegram' | 'viber' | 'facebook';
}) {
  const [status, setStatus] = useState<Status | { failed: string } | null>(null);
  const load = useCallback(async () => {
    if (!widgetId) return;
    try {
      setStatus(await channelStatus(widgetId, channel));
    } catch (error) {
      setStatus({ failed: (error as Error).message });
    }
  }, [widgetId, channel]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!widgetId) return <p class="hint">Save the widget to see how its bot is doing.</p>;
  return (
    <section class="channel-status" aria-label="The bot's status">
      <p role="status" class={status && 'connected' in status && status.connected ? 'ok' : ''}>
        {status === null
          ? 'Asking the platform…'
          : 'failed' in status
            ? `The status is not available: ${status.failed}`
            : summary(status)}
      </p>
      {status && 'mode' in status && status.mode !== 'off' && (
        <dl>
          <dt>Last update received</dt>
          <dd>{when(status.lastUpdateAt)}</dd>
          <dt>Last error</dt>
          <dd>{status.lastError ? `${status.lastError} (${when(status.lastErrorAt)})` : 'none'}</dd>
        </dl>
      )}
      <button type="button" onClick={() => void load()}>
        Refresh the status
      </button>
    </section>
  );
}
