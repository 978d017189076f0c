/** The call widget's texts in Russian, before a call (the call's own: live-texts-ru.ts). */
import { coreMessagesRu } from '@frontdesk/core';
import type { OpenedTexts } from './call-messages';

/** Every text of the opened widget before a call, in Russian. */
export const texts: OpenedTexts = {
  core: coreMessagesRu,
  call: {
    explain:
      'Звонок идёт через браузер: он попросит доступ к микрофону. Лучше всего слышно в наушниках.',
    call: 'Позвонить',
    microphone: 'Ждём доступ к микрофону…',
    popOut: 'Позвонить в отдельном окне',
    orderCallback: 'Заказать обратный звонок',
    writeMessage: 'Написать нам',
  },
};
