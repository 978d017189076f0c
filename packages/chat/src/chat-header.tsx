/**
 * The chat window's header: the title and text of the look it shows (working, non-working, or
 * "nobody available"), and the operator's photo and name where given (only while someone can
 * answer: nobody's name stands above "nobody is here").
 */

/** Id of the window's title, which names its dialog. */
export const TITLE_ID = 'fd-chat-title';

/** Props of {@link ChatHeader}. */
export interface ChatHeaderProps {
  /** The look's title and text, in the widget's language. */
  title: string;
  text: string;
  variant: 'working' | 'non-working' | 'nobody';
  operator: { name?: string | undefined; photo?: string | undefined };
}

/** The header; see the module comment. */
export function ChatHeader({ title, text, variant, operator }: ChatHeaderProps) {
  return (
    <header class="head" data-variant={variant}>
      {operator.photo ? <img class="photo" src={operator.photo} alt="" /> : null}
      <h2 id={TITLE_ID} class="title">
        {title}
      </h2>
      {operator.name ? <p class="text">{operator.name}</p> : null}
      {text ? <p class="text">{text}</p> : null}
    </header>
  );
}
