/** The runtime's texts in Russian. */
import type { CoreMessages } from './core-messages';

/** The runtime's texts in Russian. */
export const coreMessagesRu: CoreMessages = {
  close: 'Закрыть',
  poweredBy: 'Работает на',
  errors: {
    invalid_phone: 'Проверьте номер телефона.',
    slot_unavailable: 'Это время уже недоступно. Выберите другое.',
    closed_now: 'Сейчас мы не можем позвонить. Выберите время.',
    consent_required: 'Нужно согласие на обработку персональных данных.',
    rate_limited: 'Слишком много запросов. Попробуйте через минуту.',
    network: 'Нет связи с сервером. Проверьте подключение и попробуйте ещё раз.',
    origin_not_allowed: 'Виджет не настроен для этого сайта.',
    widget_not_found: 'Виджет недоступен.',
    unknown: 'Что-то пошло не так. Попробуйте ещё раз.',
  },
};
