// @vitest-environment jsdom
import './after-paint';
import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { h } from 'preact';
import { useRef } from 'preact/hooks';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { focusAfterRow, useFocusRescue } from '../src/focus';

afterEach(cleanup);

/** A list of rows marked `data-order-id`. */
function rows(ids: string[]) {
  const list = document.createElement('ul');
  for (const id of ids) {
    const row = document.createElement('a');
    row.href = `#${id}`;
    row.dataset.orderId = id;
    row.textContent = id;
    list.append(row);
  }
  document.body.append(list);
  return list;
}

describe('focus after a row goes', () => {
  it('goes to the row after it, else the one before, else the fallback', () => {
    const list = rows(['a', 'b', 'c']);
    const fallback = vi.fn();
    const next = focusAfterRow(list, 'orderId', 'b', fallback);
    screen.getByRole('link', { name: 'b' }).remove();
    next();
    expect(document.activeElement?.textContent).toBe('c');
    const before = focusAfterRow(list, 'orderId', 'c', fallback);
    screen.getByRole('link', { name: 'c' }).remove();
    before();
    expect(document.activeElement?.textContent).toBe('a');
    const none = focusAfterRow(list, 'orderId', 'a', fallback);
    screen.getByRole('link', { name: 'a' }).remove();
    none();
    expect(fallback).toHaveBeenCalledTimes(1);
    list.remove();
  });
});

describe('the focus rescue', () => {
  it('puts focus on the pane’s home when the focused element goes, never on the body', async () => {
    const fallback = vi.fn();
    function Page({ button }: { button: boolean }) {
      const root = useRef<HTMLDivElement>(null);
      useFocusRescue(root, fallback);
      return h('div', { ref: root }, [
        h('section', { 'data-pane': '' }, [
          h('h2', { tabIndex: -1, 'data-focus-home': '' }, 'The order'),
          button ? h('button', { type: 'button' }, 'Accept') : null,
        ]),
      ]);
    }
    const { rerender } = render(h(Page, { button: true }));
    screen.getByRole('button', { name: 'Accept' }).focus();
    rerender(h(Page, { button: false }));
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'The order' })),
    );
    expect(fallback).not.toHaveBeenCalled();
  });
});
