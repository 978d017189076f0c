/**
 * The rating as a messenger customer sees it: the question, the four marks on its buttons, the
 * thanks. In the widget's main language (a messenger has no browser to ask), worded as the site
 * chat's own rating (packages/chat's texts).
 */
import { type ChatRating, type ChatSettings, localeFor, type TextLocale } from '@frontdesk/config';

/** The rating's texts in one language. */
export interface RatingTexts {
  question: string;
  marks: Readonly<Record<ChatRating, string>>;
  thanks: string;
}

const TEXTS: Readonly<Record<TextLocale, RatingTexts>> = {
  en: {
    question: 'How was the chat?',
    marks: { excellent: 'Excellent', good: 'Good', satisfactory: 'Satisfactory', poor: 'Poor' },
    thanks: 'Thank you for your rating!',
  },
  ru: {
    question: 'Как прошёл разговор?',
    marks: {
      excellent: 'Отлично',
      good: 'Хорошо',
      satisfactory: 'Удовлетворительно',
      poor: 'Плохо',
    },
    thanks: 'Спасибо за оценку!',
  },
};

/** The marks, best first: the buttons' order. */
export const RATINGS: readonly ChatRating[] = ['excellent', 'good', 'satisfactory', 'poor'];

/** The rating's texts of a chat widget with `settings`. */
export function ratingTexts(settings: ChatSettings): RatingTexts {
  return TEXTS[localeFor(settings, undefined)];
}
