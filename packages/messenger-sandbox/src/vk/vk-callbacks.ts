/**
 * The Callback API as VK runs it: a server added to a community (groups.addCallbackServer) is
 * sent `{ type: "confirmation", group_id }` at once and is confirmed only when it answers the
 * community's confirmation code; then each event it takes is POSTed to it as JSON with the
 * server's `secret`, one at a time, in order, over https with the sandbox's CA checked, until the
 * server answers `ok` — anything else is kept as its last error and sent again, the wait doubling
 * up to a ceiling. Nothing is delivered while the API is down.
 */
import { type PostLoopOptions, startPostLoop } from '../post-loop';
import { postFailure, postJson, webhookAgent } from '../webhook-post';
import type { VkEvent } from './vk-model';
import type { VkCallbackServer, VkCommunityState, VkUpdate } from './vk-state';

/** How events are delivered. */
export interface VkCallbackOptions extends PostLoopOptions {
  emit(event: VkEvent): void;
}

/** An event's body as the server gets it. */
export function callbackBody(update: VkUpdate, secretKey: string): string {
  return JSON.stringify({ ...update, ...(secretKey ? { secret: secretKey } : {}) });
}

/** The delivery loops of every confirmed callback server. */
export class VkCallbacks {
  private readonly stops = new Map<VkCallbackServer, () => void>();

  constructor(private readonly options: VkCallbackOptions) {}

  /**
   * Sends the confirmation to `server` and confirms it (status `ok`) when the answer is the
   * community's code; `failed` otherwise. Its delivery starts when confirmed.
   */
  async confirm(state: VkCommunityState, server: VkCallbackServer): Promise<void> {
    this.stop(server);
    const agent = await webhookAgent(this.options.caFile);
    let failure: string | undefined;
    if (typeof agent === 'string') failure = agent;
    else {
      try {
        const body = JSON.stringify({ type: 'confirmation', group_id: state.community.id });
        const result = await postJson(server.url, body, {
          agent,
          timeoutMs: this.options.timeoutMs,
        });
        failure =
          postFailure(result) ??
          ('body' in result && result.body.trim() === state.confirmationCode
            ? undefined
            : 'Invalid response code');
      } finally {
        agent.destroy();
      }
    }
    server.status = failure === undefined ? 'ok' : 'failed';
    if (failure !== undefined) server.lastError = failure;
    else {
      delete server.lastError;
      this.stops.set(server, this.run(state, server));
    }
  }

  stop(server: VkCallbackServer): void {
    this.stops.get(server)?.();
    this.stops.delete(server);
  }

  /** Wakes every loop (the API is back up). */
  wakeAll(): void {
    for (const server of this.stops.keys()) server.kick?.();
  }

  close(): void {
    for (const server of [...this.stops.keys()]) this.stop(server);
  }

  private run(state: VkCommunityState, server: VkCallbackServer): () => void {
    const community = state.community.screenName;
    return startPostLoop(this.options, {
      next: () => {
        const next = server.pending[0];
        return next && { url: server.url, body: callbackBody(next, server.secretKey), headers: {} };
      },
      refused: (body) =>
        body.trim() === 'ok' ? undefined : `The server answered "${body.slice(0, 50)}", not ok`,
      delivered: () => {
        const done = server.pending.shift();
        if (done)
          this.options.emit({ type: 'callback-delivered', community, eventId: done.event_id });
      },
      failed: (message) => {
        server.lastError = message;
        this.options.emit({
          type: 'callback-error',
          community,
          eventId: server.pending[0]?.event_id ?? '',
          message,
        });
      },
      onKick: (kick) => {
        server.kick = kick;
      },
    });
  }
}
