import type { ChannelStatus as Status } from '@frontdesk/config';
import { dateLocale, errorText, useLanguage } from '@frontdesk/staff';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { channelStatus } from './api';
import { type StudioTexts, studioTexts } from './i18n/studio-texts';

/** How often the panel asks again while it is shown (real time: it mirrors the platform). */
const REFRESH_MS = 5_000;

/** The status in one sentence, read out when it changes. */
function summary(status: Status, t: StudioTexts['status']): string {
  if (status.mode === 'off') return t.off;
  return status.connected
    ? t.connected(t.modes[status.mode])
    : t.notConnected(t.modes[status.mode]);
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
  channel: 'telegram' | 'viber' | 'vk' | 'facebook';
}) {
  const { language } = useLanguage();
  const t = studioTexts[language].status;
  /** An instant as the Studio's language writes dates (Intl's, in the browser's variant). */
  const when = (iso: string | null) =>
    iso ? new Date(iso).toLocaleString(dateLocale(language)) : t.never;
  const [status, setStatus] = useState<Status | { failed: string } | null>(null);
  const load = useCallback(async () => {
    if (!widgetId) return;
    try {
      setStatus(await channelStatus(widgetId, channel));
    } catch (error) {
      setStatus({ failed: errorText(language, error) });
    }
  }, [widgetId, channel, language]);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (!widgetId) return <p class="hint">{t.saveFirst}</p>;
  return (
    <section class="channel-status" aria-label={t.label}>
      <p role="status" class={status && 'connected' in status && status.connected ? 'ok' : ''}>
        {status === null
          ? t.asking
          : 'failed' in status
            ? t.unavailable(status.failed)
            : summary(status, t)}
      </p>
      {status && 'mode' in status && status.mode !== 'off' && (
        <dl>
          <dt>{t.lastUpdate}</dt>
          <dd>{when(status.lastUpdateAt)}</dd>
          <dt>{t.lastError}</dt>
          <dd>{status.lastError ? `${status.lastError} (${when(status.lastErrorAt)})` : t.none}</dd>
        </dl>
      )}
      <button type="button" onClick={() => void load()}>
        {t.refresh}
      </button>
    </section>
  );
}
