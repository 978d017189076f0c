// @vitest-environment jsdom
/**
 * Who holds a conversation and handing it over (issue 23): every operator sees the holder and
 * the last hand-over's note; the holder (anyone while nobody holds it, an admin always) hands it
 * to a colleague or a group with a note.
 */
import './after-paint';
import type { ConversationSummary } from '@frontdesk/config';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandOverChoice } from '../src/api';
import { emptyInbox, inboxReducer } from '../src/chat-store';
import { ConversationView } from '../src/conversation-view';
import { summary } from './chat-fixtures';

/** A person at the keyboard and mouse: clicks as a browser gets them. */
const user = () => userEvent.setup();

afterEach(cleanup);

const CHOICES: HandOverChoice[] = [
  { kind: 'employee', id: 'u2', name: 'Olga' },
  { kind: 'group', id: 'g1', name: 'Sales' },
];

function show(conversation: ConversationSummary, role = 'operator') {
  const thread = inboxReducer(emptyInbox, {
    type: 'opened',
    conversation,
    messages: [],
    contact: null,
    pastEnquiries: [],
    contactTimeline: null,
  }).threads.get(conversation.id);
  if (!thread) throw new Error('no thread');
  const transfer = vi.fn(async (_id: string, _to: unknown, _note: string) => undefined);
  render(
    h(ConversationView, {
      conversation,
      thread,
      inbox: {
        send: vi.fn(),
        retry: vi.fn(),
        typing: vi.fn(),
        markRead: vi.fn(),
        close: vi.fn(async () => undefined),
        transfer,
      },
      user: { id: 'u1', role },
      handOverChoices: async () => CHOICES,
      now: () => new Date('2026-03-04T12:00:00Z'),
    }),
  );
  return transfer;
}

describe('holding and handing over a conversation', () => {
  it('shows who holds it and the note it was handed over with', () => {
    show(
      summary({
        assignee: { id: 'u2', name: 'Olga' },
        transfer: {
          reason: 'operator',
          from: 'Anna',
          note: 'Wants a refund',
          at: '2026-03-04T11:00:00Z',
        },
      }),
    );
    expect(screen.getByText('Held by Olga')).toBeTruthy();
    expect(screen.getByText(/Handed over by Anna: Wants a refund/)).toBeTruthy();
    // Someone else's: an operator cannot hand it over.
    expect(screen.queryByRole('button', { name: 'Hand over' })).toBeNull();
  });

  it('says when it moved on for want of a first answer, and when it waits in the queue', () => {
    show(
      summary({
        assignee: { id: 'u1', name: 'Me' },
        transfer: { reason: 'timeout', from: 'Anna', note: null, at: '2026-03-04T11:00:00Z' },
      }),
    );
    expect(screen.getByText('You hold it')).toBeTruthy();
    expect(screen.getByText(/Moved on from Anna: no first answer in time/)).toBeTruthy();
    cleanup();
    show(summary({ queuedAt: '2026-03-04T11:59:00Z' }));
    expect(screen.getByText('Waiting in the queue')).toBeTruthy();
  });

  it('hands it to a colleague with a note, and back to a group', async () => {
    const transfer = show(summary({ assignee: { id: 'u1', name: 'Me' } }));
    await user().click(screen.getByRole('button', { name: 'Hand over' }));
    const to = await screen.findByRole('combobox', { name: 'Hand to' });
    await waitFor(() => expect((to as HTMLSelectElement).disabled).toBe(false));
    expect(document.activeElement).toBe(to);
    fireEvent.input(screen.getByRole('textbox', { name: 'Note for them' }), {
      target: { value: '  Knows the order number  ' },
    });
    await user().click(screen.getByRole('button', { name: 'Hand over' }));
    await waitFor(() =>
      expect(transfer).toHaveBeenCalledWith(
        'c1',
        { kind: 'employee', id: 'u2' },
        'Knows the order number',
      ),
    );
    // Done: the form goes, and focus returns to the button.
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Hand over'));

    await user().click(screen.getByRole('button', { name: 'Hand over' }));
    const again = await screen.findByRole('combobox', { name: 'Hand to' });
    await waitFor(() => expect((again as HTMLSelectElement).disabled).toBe(false));
    fireEvent.change(again, { target: { value: 'group:g1' } });
    await user().click(screen.getByRole('button', { name: 'Hand over' }));
    await waitFor(() =>
      expect(transfer).toHaveBeenLastCalledWith('c1', { kind: 'group', id: 'g1' }, ''),
    );
  });

  it("shows the platform's refusal and keeps the form", async () => {
    const transfer = show(summary({ assignee: null }), 'operator');
    transfer.mockRejectedValueOnce(new Error('Olga holds this conversation.'));
    await user().click(screen.getByRole('button', { name: 'Hand over' }));
    const to = await screen.findByRole('combobox', { name: 'Hand to' });
    await waitFor(() => expect((to as HTMLSelectElement).disabled).toBe(false));
    await user().click(screen.getByRole('button', { name: 'Hand over' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Olga holds this conversation.');
    expect(screen.getByRole('combobox', { name: 'Hand to' })).toBeTruthy();
  });

  it('lets an admin hand over what someone else holds', () => {
    show(summary({ assignee: { id: 'u2', name: 'Olga' } }), 'admin');
    expect(screen.getByRole('button', { name: 'Hand over' })).toBeTruthy();
  });
});
