/**
 * The opened chat, loaded on intent (its own chunk): Preact, the dialog and the chat window
 * arrive here, not with the launcher. The window keeps the launcher's corner (no anchor: the
 * dialog's CSS places it). The callback tab's form is a chunk of its own again.
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
  sheet,
  type Variant,
  type Visitor,
  visitorToken,
  type WidgetHost,
} from '@frontdesk/core';
import type { Schedule } from '@frontdesk/schedule/engine';
import { render } from 'preact';
import { TITLE_ID } from './chat-header';
import type { Texts } from './chat-messages';
import type { ChatSession } from './chat-session';
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

const styled = new WeakSet<ShadowRoot>();

/** Renders the chat window into its mounted frame. */
export function openWidget(options: OpenOptions): OpenedWidget {
  const { mounted, config, host, locale, texts } = options;
  if (!styled.has(mounted.root)) {
    mounted.adopt(sheet(dialogCss), sheet(chatCss));
    styled.add(mounted.root);
  }
  const container = document.createElement('div');
  mounted.frame.append(container);
  const withCallback = config.channels.callback || config.leadGenerator !== undefined;
  render(
    <Dialog
      labelledBy={TITLE_ID}
      display="popup"
      placement={config.appearance.position === 'right' ? 'top-end' : 'top-start'}
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
    container,
  );
  return {
    close() {
      render(null, container);
      container.remove();
    },
  };
}
