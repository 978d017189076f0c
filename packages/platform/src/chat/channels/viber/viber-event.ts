/**
 * What a Viber callback means to the chat: a user's message (its text, photo, file or a
 * placeholder: viber-content.ts), a press of one of the rating's
 * buttons (a reply button's ActionBody comes as the user's message), the opening of the chat
 * (`conversation_started`, with a hand-off's `context`), a subscription, or nothing the chat
 * keeps (delivered, seen, failed, unsubscribed, the webhook check). Total: any body reads as
 * something.
 */
import type { ChatRating } from '@frontdesk/config';
import type { InboundContent } from '../attachments/attachment-types';
import { readRatingData } from '../rating-data';
import { storable } from '../storable-text';
import { viberContent } from './viber-content';

/** The user as the callback tells of them. */
export interface ViberCustomer {
  id: string;
  name: string;
}

/** A callback, read. */
export type ViberInbound =
  | { kind: 'message'; customer: ViberCustomer; content: InboundContent }
  | { kind: 'rating'; customer: ViberCustomer; conversationId: string; rating: ChatRating }
  | { kind: 'start'; customer: ViberCustomer; context: string | undefined }
  | { kind: 'subscribed'; customer: ViberCustomer }
  | { kind: 'ignored' };

type Body = Record<string, unknown>;

/** Reads a callback's `body`; see the module comment. */
export function readViberEvent(body: Body): ViberInbound {
  switch (body.event) {
    case 'message': {
      const customer = customerOf(body.sender);
      const message = body.message as Body | undefined;
      if (!customer || !message) return { kind: 'ignored' };
      const rated = typeof message.text === 'string' && readRatingData(message.text);
      if (rated) return { kind: 'rating', customer, ...rated };
      return { kind: 'message', customer, content: viberContent(message) };
    }
    case 'conversation_started': {
      const customer = customerOf(body.user);
      if (!customer) return { kind: 'ignored' };
      const context = typeof body.context === 'string' ? body.context : undefined;
      return { kind: 'start', customer, context };
    }
    case 'subscribed': {
      const customer = customerOf(body.user);
      return customer ? { kind: 'subscribed', customer } : { kind: 'ignored' };
    }
    default:
      return { kind: 'ignored' };
  }
}

function customerOf(value: unknown): ViberCustomer | undefined {
  const user = value as Body | undefined;
  if (typeof user?.id !== 'string' || user.id === '' || user.id.length > 64) return undefined;
  const name = typeof user.name === 'string' && user.name.trim() ? user.name : 'Viber user';
  return { id: user.id, name: storable(name.slice(0, 200)) };
}
