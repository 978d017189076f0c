/**
 * The opened chat, loaded on intent (its own chunk): Preact, the dialog and the chat window
 * arrive here, not with the launcher. The window opens next to what opened it, as the other
 * widgets' dialogs do (core's `dialogPlacement`). The callback tab's form is a chunk of its own again.
 */
import type { CallbackOrder } from '@frontdesk/callback';
import type { PublicChatConfig, PublicPresence } from '@frontdesk/config';
import {
  type ConsentStorage,
  Dialog,
  dialogCss,
  formatLocale,
  type Locale,
  type MountedWidget,
  openInFrame,
  type Placement,
  type Variant,
  type Visitor,
  visitorToken,
  type WidgetHost,
} from '@frontdesk/core';
import type { Schedule } from '@frontdesk/schedule/engine';
import { TITLE_ID } from './chat-header';
import type { Texts } from './chat-messages';
import type { ChatSession } from './chat-state';
import { chatCss } from './chat-styles';
import { ChatWidget } from './chat-widget';

/** What {@link openWidget} needs. */
export interface OpenOptions {
  mounted: MountedWidget;
  config: PublicChatConfig;
  schedule: Schedule;
  variant: Variant;
  /** Who can answer, and call back, as the platform said on opening. */
  presence: PublicPresence;
  /** Opened by the lead generator: on the callback tab, in its look. */
  lead: boolean;
  /** What the window sits next to: the launcher, or the link the visitor clicked. */
  anchor?: Element | undefined;
  placement: Placement;
  locale: Locale;
  texts: Texts;
  session: ChatSession;
  visitor: Visitor;
  host: WidgetHost;
  /** The widget's storage: the visitor's token, which callback orders carry. */
  storage: ConsentStorage;
  onCallbackSubmitted(order: CallbackOrder): void;
  onClose(): void;
}

/** An opened chat window. */
export interface OpenedWidget {
  close(): void;
}

/** Renders the chat window into its mounted frame. */
export function openWidget(options: OpenOptions): OpenedWidget {
  const { mounted, config, host, locale, texts } = options;
  const withCallback = config.channels.callback || config.leadGenerator !== undefined;
  return openInFrame(
    mounted,
    [dialogCss, chatCss],
    <Dialog
      labelledBy={TITLE_ID}
      display="popup"
      anchor={options.anchor}
      placement={options.placement}
      closeLabel={texts.core.close}
      lang={locale}
      onClose={options.onClose}
    >
      <ChatWidget
        config={config}
        variant={options.variant}
        presence={options.presence.presence}
        session={options.session}
        texts={texts}
        lang={locale}
        locale={formatLocale(locale)}
        brandHref={new URL(host.api, location.href).origin}
        lead={options.lead}
        loadContactForm={() =>
          import('./contact-form').then(({ loadContactForm }) => loadContactForm(locale))
        }
        loadCallback={
          withCallback
            ? (lead) =>
                import('./callback-tab').then(({ callbackTab }) =>
                  callbackTab({
                    mounted,
                    config,
                    schedule: options.schedule,
                    variant: options.variant,
                    presence: options.presence.callback ?? options.presence.presence,
                    lead,
                    locale,
                    texts: texts.chat,
                    visitor: options.visitor,
                    host,
                    visitorToken: host.preview
                      ? undefined
                      : () => visitorToken(options.storage, config.accountTag),
                    onSubmitted: options.onCallbackSubmitted,
                  }),
                )
            : undefined
        }
      />
    </Dialog>,
  );
}
