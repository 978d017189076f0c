/**
 * The chat's tabs, chat and callback (the ARIA tabs pattern: arrow keys, Home and End move
 * between them, only the selected one is in the tab order).
 */
import type { ChatMessages } from './chat-messages';

/** A tab of the chat window. */
export type ChatTab = 'chat' | 'callback';

/** Props of {@link ChatTabs}. */
export interface ChatTabsProps {
  tab: ChatTab;
  texts: ChatMessages;
  onShow(tab: ChatTab): void;
}

/** The tab list; see the module comment. */
export function ChatTabs({ tab, texts: m, onShow }: ChatTabsProps) {
  const tabs: [ChatTab, string][] = [
    ['chat', m.chatTab],
    ['callback', m.callbackTab],
  ];
  const onKeyDown = (event: KeyboardEvent) => {
    const next: ChatTab | undefined =
      event.key === 'ArrowLeft' || event.key === 'Home'
        ? 'chat'
        : event.key === 'ArrowRight' || event.key === 'End'
          ? 'callback'
          : undefined;
    if (!next) return;
    event.preventDefault();
    onShow(next);
    (event.currentTarget as HTMLElement).querySelector<HTMLElement>(`#fd-tab-${next}`)?.focus();
  };
  return (
    <div class="tabs" role="tablist" onKeyDown={onKeyDown}>
      {tabs.map(([name, label]) => (
        <button
          key={name}
          type="button"
          role="tab"
          id={`fd-tab-${name}`}
          class="tab"
          aria-selected={tab === name ? 'true' : 'false'}
          aria-controls={`fd-panel-${name}`}
          tabIndex={tab === name ? 0 : -1}
          onClick={() => onShow(name)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
