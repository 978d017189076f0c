/**
 * A customer's photo or file from a messenger, in a message of the log: a stored photo as an
 * image loaded from the platform (its name says whose photo it is), a stored file as a link that
 * downloads it, one on its way or failed as a line saying so (with the reason). The file's name
 * and the reason are rendered as text.
 */
import type { MessageAttachment } from '@frontdesk/config';
import { useConsoleTexts } from './i18n/console-texts';

/** Where the platform serves an attachment to staff. */
export function attachmentUrl(id: string): string {
  return `/v1/chat/attachments/${encodeURIComponent(id)}`;
}

/** `bytes` as a person reads a file's size. */
function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** One attachment; `visitor` is who sent it. */
export function AttachmentView({
  attachment,
  visitor,
}: {
  attachment: MessageAttachment;
  visitor: string;
}) {
  const t = useConsoleTexts().conversation;
  const image = attachment.kind === 'image';
  if (attachment.status === 'pending') {
    return <p class="attachment pending">{t.attachmentComing(image)}</p>;
  }
  if (attachment.status === 'failed') {
    return <p class="attachment error">{t.attachmentFailed(image, attachment.error ?? null)}</p>;
  }
  const url = attachmentUrl(attachment.id);
  if (image) {
    return (
      <p class="attachment">
        <a href={url} target="_blank" rel="noopener noreferrer">
          <img src={url} alt={t.photoFrom(visitor, attachment.name)} loading="lazy" />
        </a>
      </p>
    );
  }
  return (
    <p class="attachment">
      <a href={url} download={attachment.name ?? ''}>
        {t.file(attachment.name, sizeText(attachment.size))}
      </a>
    </p>
  );
}
