/** The chat widget's texts in English. */
import { coreMessagesEn } from '@frontdesk/core';
import type { Texts } from './chat-messages';

/** Every text of the opened chat, in English. */
export const texts: Texts = {
  core: coreMessagesEn,
  chat: {
    chatTab: 'Chat',
    callbackTab: 'Call me back',
    log: 'Conversation',
    message: 'Your message',
    placeholder: 'Write a message…',
    send: 'Send',
    you: 'You',
    operator: 'Operator',
    auto: 'Automatic reply',
    sending: 'Sending…',
    waiting: 'Will be sent when the connection is back',
    sent: 'Sent',
    read: 'Read',
    notSent: 'Not sent',
    typing: 'The operator is typing…',
    connecting: 'Connecting…',
    empty: 'Write to us — we will answer here.',
    unread: (count) => `${count} unread ${count === 1 ? 'message' : 'messages'}`,
    rateTitle: 'How was the chat?',
    ratings: { excellent: 'Excellent', good: 'Good', satisfactory: 'Satisfactory', poor: 'Poor' },
    rated: 'Thank you for your rating!',
    continueIn: (messenger) => `Continue in ${messenger}`,
    consent: 'I agree to the processing of my personal data',
    callbackTitle: 'We will call you back',
    sampleVisitor: 'Hello! Do you deliver on weekends?',
    sampleOperator: 'Hello! Yes, every day from 9:00 to 21:00. See https://example.com/delivery',
  },
};
