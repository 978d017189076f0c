/**
 * Message text as Preact nodes: plain text stays text (Preact escapes it; nothing is ever set
 * as HTML), and http(s) addresses become links that open in a new tab without giving the page
 * they open any hold on this one. Any other scheme (`javascript:`, `data:`) stays plain text.
 */
import type { ComponentChild } from 'preact';

const ADDRESS = /\bhttps?:\/\/[^\s<>"'`]+/gi;
/** Punctuation that ends a sentence rather than the address. */
const TRAILING = /[.,;:!?)\]}'"»]+$/;

/** The address `candidate` as a safe href: http(s) only, else undefined. */
export function safeHref(candidate: string): string | undefined {
  try {
    const url = new URL(candidate);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/** `text` with its http(s) addresses as links; see the module comment. */
export function linkify(text: string): ComponentChild[] {
  const nodes: ComponentChild[] = [];
  let last = 0;
  for (const match of text.matchAll(ADDRESS)) {
    const address = match[0].replace(TRAILING, '');
    const href = safeHref(address);
    if (!href) continue;
    if (match.index > last) nodes.push(text.slice(last, match.index));
    nodes.push(
      <a href={href} target="_blank" rel="noopener noreferrer">
        {address}
      </a>,
    );
    last = match.index + address.length;
  }
  if (last < text.length) nodes.push(text.slice(last));
  return nodes;
}
