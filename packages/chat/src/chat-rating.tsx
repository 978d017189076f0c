/** The rating a closed chat offers (the source's four marks), or the thanks once rated. */
import type { ChatRating } from '@frontdesk/config';
import type { ChatMessages } from './chat-messages';

const RATINGS: readonly ChatRating[] = ['excellent', 'good', 'satisfactory', 'poor'];

/** Props of {@link RatingPart}. */
export interface RatingPartProps {
  /** The conversation's rating, null until given. */
  rating: ChatRating | null;
  texts: ChatMessages;
  onRate(rating: ChatRating): void;
}

/** The marks, or the thanks; see the module comment. */
export function RatingPart({ rating, texts: m, onRate }: RatingPartProps) {
  if (rating) return <p class="hint">{m.rated}</p>;
  return (
    <fieldset class="rating">
      <legend class="label">{m.rateTitle}</legend>
      {RATINGS.map((mark) => (
        <button
          key={mark}
          type="button"
          class="chip"
          data-rating={mark}
          onClick={() => onRate(mark)}
        >
          {m.ratings[mark]}
        </button>
      ))}
    </fieldset>
  );
}
