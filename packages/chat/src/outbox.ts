/**
 * The chat's outbox: what the visitor wrote that the platform has not stored yet, with its
 * client id, kept in the widget's consent-first storage (so it outlives a page load once the
 * visitor interacted) and sent in order once connected. The platform stores a client id once,
 * so sending a message again after a lost answer never makes a second one.
 */
import type { ConsentStorage } from '@frontdesk/core';

/** A message waiting for the platform. */
export interface KeptMessage {
  clientId: string;
  text: string;
  /** The page it was written on, for the operator. */
  page?: { url: string; title: string };
}

/** The messages kept under `name`, oldest first (none when the value is unreadable). */
export function keptMessages(storage: ConsentStorage, name: string): KeptMessage[] {
  try {
    const value = JSON.parse(storage.get(name) ?? '[]');
    return Array.isArray(value) ? value : [];
  } catch {
    return [];
  }
}

function write(storage: ConsentStorage, name: string, messages: KeptMessage[]): void {
  if (messages.length) storage.set(name, JSON.stringify(messages));
  else storage.remove(name);
}

/** Adds `message` at the end of the outbox `name`. */
export function keepMessage(storage: ConsentStorage, name: string, message: KeptMessage): void {
  write(storage, name, [...keptMessages(storage, name), message]);
}

/** Takes the message with `clientId` out of the outbox `name` (stored, or refused for good). */
export function dropMessage(storage: ConsentStorage, name: string, clientId: string): void {
  const kept = keptMessages(storage, name);
  if (kept.some((message) => message.clientId === clientId)) {
    write(
      storage,
      name,
      kept.filter((message) => message.clientId !== clientId),
    );
  }
}
