/**
 * One pass of the customers' attachments, as the replies' outbox is sent (deliver-replies.ts), in
 * the same claimed rounds (claim-rounds.ts): claims the attachments due now, fetches each through
 * its messenger's fetcher, checks the bytes (content-check.ts) and records the outcome — stored;
 * tried again after the messenger's wait or with back-off on the platform's clock; or failed with
 * the reason the operator reads. Nothing is retried forever: as for replies, ten failures or a
 * day of waiting fail it (retryOrGiveUp). Stored and failed ones are told to the operators
 * (`chat:attachment`). A process that dies mid-fetch leaves its claim to run out: another
 * fetches the file again; the row is stored once.
 */
import type { Messenger } from '@frontdesk/config';
import type { Clock } from '../../../clock';
import type { Store } from '../../../storage/store';
import { claimRounds } from '../claim-rounds';
import { retryOrGiveUp } from '../deliver-replies';
import type {
  AttachmentFetcher,
  AttachmentInfo,
  FetchResult,
  PendingAttachment,
} from './attachment-types';
import type { AttachmentOutcome } from './attachments-store';
import { checkContent, tooLarge } from './content-check';

/** Attachments one claim takes; several downloads at once, not hundreds. */
const BATCH = 8;

/** Claims in one pass. */
const ROUNDS = 10;

/** Tells the operators what became of an attachment. */
export type AttachmentFeed = (attachment: PendingAttachment, info: AttachmentInfo) => Promise<void>;

/** Fetches the attachments due now; how many attempts it made. */
export async function fetchAttachments(input: {
  store: Store;
  clock: Clock;
  fetchers: Partial<Record<Messenger, AttachmentFetcher>>;
  maxBytes: number;
  claim: { by: string; leaseMs: number };
  told: AttachmentFeed;
}): Promise<number> {
  const { store, clock, claim } = input;
  return claimRounds({
    clock,
    claim,
    rounds: ROUNDS,
    limit: BATCH,
    take: (window) => store.channels.attachments.claim(window),
    async handle(attachment) {
      const outcome = await attempt(attachment, input);
      const settled = await store.channels.attachments.settle(attachment.id, claim.by, outcome);
      if (settled && outcome.status !== 'retry') await input.told(attachment, settled);
    },
  });
}

async function attempt(
  attachment: PendingAttachment,
  input: Parameters<typeof fetchAttachments>[0],
): Promise<AttachmentOutcome> {
  const { clock, maxBytes } = input;
  const fetcher = input.fetchers[attachment.messenger];
  const result: FetchResult =
    attachment.declaredSize !== null && attachment.declaredSize > maxBytes
      ? { status: 'failed' as const, error: tooLarge(maxBytes) }
      : fetcher
        ? await fetcher({ attachment, maxBytes, now: clock().getTime() }).catch(
            (error: unknown) => ({
              status: 'retry' as const,
              error: error instanceof Error ? error.message : String(error),
            }),
          )
        : {
            status: 'failed' as const,
            error: `No ${attachment.messenger} channel to fetch it from.`,
          };
  const now = clock().getTime();
  if (result.status === 'fetched') {
    const checked = checkContent(attachment.kind, result.bytes);
    if ('error' in checked) return { status: 'failed', error: checked.error, at: now };
    return { status: 'stored', bytes: result.bytes, contentType: checked.contentType, at: now };
  }
  if (result.status === 'failed') return { status: 'failed', error: result.error, at: now };
  return retryOrGiveUp(attachment, result, now, 'fetched');
}
