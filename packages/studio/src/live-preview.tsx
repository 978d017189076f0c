import type { TextLocale, WidgetSettings } from '@frontdesk/config';
import type { StartWidget, WidgetHandle } from '@frontdesk/core';
import { useEffect, useRef, useState } from 'preact/hooks';
import { useStudioTexts } from './i18n/studio-texts';
import { type PreviewLook, previewConfig } from './preview-config';
import { STARTERS } from './widget-starters';

/** Keys of the two preview widgets: the opened one in the middle, the launcher on the right. */
const OPENED = 'studio-preview-opened';
const LAUNCHER = 'studio-preview-launcher';

/** How long typing may pause before the preview restarts with the new settings. */
const SETTLE_MS = 250;

/**
 * Starts the real widget through its `start`, in preview mode (this variant whatever the
 * clock; nothing is sent to the platform), inside `container`: the widget mounts itself at the
 * end of `<body>`, and is moved into the container, whose CSS makes it the widget's viewport.
 */
function startIn(
  start: StartWidget,
  container: HTMLElement,
  key: string,
  config: unknown,
  look: PreviewLook,
  events: { opened?: () => void; closed?: () => void; failed?: () => void },
): WidgetHandle {
  // Opening takes focus, as on a site; the marketer keeps typing where they were.
  const focused = document.activeElement;
  const handle = start({
    key,
    config,
    consent: false,
    api: new URL('/v1/', location.href).href,
    preview: look === 'non-working' ? 'non-working' : 'working',
    presence: look === 'nobody' ? 'nobody' : 'online',
    emit(event) {
      if (event === 'open') {
        if (focused instanceof HTMLElement && focused.isConnected) focused.focus();
        events.opened?.();
      }
      if (event === 'close') events.closed?.();
    },
    report: (error) => {
      console.error(error);
      events.failed?.();
    },
  });
  const mounted = document.querySelector(`body > [data-widget="${key}"]`);
  if (mounted) container.append(mounted);
  return handle;
}

/**
 * The live preview of valid `settings` in `look`, speaking `lang`: the real widget opened in the
 * middle, its launcher as it will sit on a site on the right. It follows every change without
 * saving.
 */
export function LivePreview({
  settings,
  look,
  lang,
}: {
  settings: WidgetSettings;
  look: PreviewLook;
  lang?: TextLocale;
}) {
  const t = useStudioTexts().appearance;
  const middle = useRef<HTMLDivElement>(null);
  const right = useRef<HTMLDivElement>(null);
  const [closed, setClosed] = useState(false);
  const [reopen, setReopen] = useState(0);
  // From a change until the rebuilt widget has opened: a screen reader (and a test) waits.
  const [building, setBuilding] = useState(true);
  const start = STARTERS[settings.type];
  const linkOnly =
    settings.type === 'callback' &&
    settings.appearance.callFormat === 'popup' &&
    settings.appearance.popupVariant === 'link';
  const signature = JSON.stringify(settings);

  useEffect(() => {
    if (!middle.current || !right.current) return;
    const handles: WidgetHandle[] = [];
    setBuilding(true);
    const timer = setTimeout(() => {
      if (!middle.current || !right.current) return;
      const now = new Date();
      const opened = startIn(
        start,
        middle.current,
        OPENED,
        previewConfig(settings, OPENED, look, now, lang),
        look,
        {
          opened: () => {
            setClosed(false);
            setBuilding(false);
          },
          closed: () => setClosed(true),
          failed: () => setBuilding(false),
        },
      );
      opened.open();
      handles.push(
        opened,
        startIn(
          start,
          right.current,
          LAUNCHER,
          previewConfig(settings, LAUNCHER, look, now, lang),
          look,
          {},
        ),
      );
    }, SETTLE_MS);
    return () => {
      clearTimeout(timer);
      for (const handle of handles) handle.destroy();
    };
    // `signature` stands for `settings`: a new object with the same content is no change.
  }, [start, signature, look, lang, reopen]);

  return (
    <>
      <section class="preview-pane" aria-labelledby="preview-opened-title">
        <h2 id="preview-opened-title">{t.widget}</h2>
        <div
          class="preview-viewport"
          ref={middle}
          data-preview="opened"
          aria-busy={building ? 'true' : undefined}
        />
        {closed && (
          <button type="button" onClick={() => setReopen((n) => n + 1)}>
            {t.reopen}
          </button>
        )}
      </section>
      <section class="preview-pane" aria-labelledby="preview-launcher-title">
        <h2 id="preview-launcher-title">{t.onSite}</h2>
        {linkOnly && <p class="hint">{t.linkFormat}</p>}
        <div class="preview-viewport site" ref={right} data-preview="launcher" />
      </section>
    </>
  );
}
