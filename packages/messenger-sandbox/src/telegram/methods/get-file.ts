import type { File } from '@grammyjs/types';
import { badRequest } from '../api-error';
import { fileOfId, filePath } from '../telegram-media';
import type { MethodCall } from './method-call';

/**
 * getFile: the file's size and its `file_path` for `/file/bot<token>/<file_path>`; a file_id
 * this bot was not sent answers Telegram's 400, a file past the 20 MB bots may download its
 * "file is too big".
 */
export function getFile({ telegram, state, params }: MethodCall): File {
  const fileId = params.string('file_id');
  if (!fileId) throw badRequest('file_id is empty');
  const file = fileOfId(telegram, state, fileId);
  if (!file) throw badRequest('wrong file_id or the file is temporarily unavailable');
  if (file.bytes.length > MAX_BOT_DOWNLOAD) throw badRequest('file is too big');
  return {
    file_id: fileId,
    file_unique_id: `AQAD${file.id.slice(0, 12)}`,
    file_size: file.bytes.length,
    file_path: filePath(file),
  };
}

/** The most a bot may download through the Bot API: 20 MB. */
export const MAX_BOT_DOWNLOAD = 20 * 1024 * 1024;
