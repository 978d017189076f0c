/** The widgets' own `start` (what the loader calls on a site), by type, for the live preview. */
import { start as startCall } from '@frontdesk/call';
import { start as startCallback } from '@frontdesk/callback';
import { start as startChat } from '@frontdesk/chat';
import type { WidgetType } from '@frontdesk/config';
import type { StartWidget } from '@frontdesk/core';

/** The start function of each widget type. */
export const STARTERS: Record<WidgetType, StartWidget> = {
  call: startCall,
  callback: startCallback,
  chat: startChat,
};
