/**
 * A customer's photo or file from a messenger, in a message of the log: a stored photo as an
 * image loaded from the platform (its name says whose photo it is), a stored file as a link that
 * downloads it, one on its way or failed as a line saying so (with the reason). The file's name
 * and the reason are rendered as text.
 */
import type { MessageAttachment } from '@frontdesk/config';
import { dateLocale, type Language, useLanguage } from '@frontdesk/staff';
import { useConsoleTexts } from './i18n/console-texts';

/** Where the platform serves an attachment to staff. */
export function attachmentUrl(id: string): string {
  return `/v1/chat/attachments/${encodeURIComponent(id)}`;
}

/** `bytes` as a person reads a file's size in `language` ("1.5 MB", "1,5 МБ"); '?' unknown. */
export function sizeText(language: Language, bytes: number | undefined): string {
  if (bytes === undefined) return '?';
  const [unit, value, digits] =
    bytes >= 1024 * 1024
      ? (['megabyte', bytes / (1024 * 1024), 1] as const)
      : bytes >= 1024
        ? (['kilobyte', bytes / 1024, 0] as const)
        : (['byte', bytes, 0] as const);
  return new Intl.NumberFormat(dateLocale(language), {
    style: 'unit',
    unit,
    unitDisplay: 'short',
    maximumFractionDigits: digits,
  }).format(value);
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
  const { language } = useLanguage();
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
        {t.file(attachment.name, sizeText(language, attachment.size))}
      </a>
    </p>
  );
}
