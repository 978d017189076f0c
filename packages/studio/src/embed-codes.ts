/**
 * The embed codes the Studio offers for a widget — the popup format's link and button codes, the
 * label format's label code — all the text of @frontdesk/loader's `snippet()`, the one source the
 * platform and the demo site use too.
 */
import type { WidgetSettings } from '@frontdesk/config';
import { type EmbedFormat, openAttribute, snippet } from '@frontdesk/loader';

/** One code to paste before `</body>`. */
export interface EmbedCode {
  format: EmbedFormat;
  /** Its name in the Studio's language ("Button code", "Код кнопки"). */
  title: string;
  code: string;
  /** The link code's attribute: any element carrying it opens the widget. */
  attribute?: string;
}

/**
 * The codes of widget `key` of the platform at `baseUrl`, for its settings' format, named by
 * `titles` (the catalogue's, in the Studio's language).
 */
export function embedCodes(
  baseUrl: string,
  key: string,
  settings: WidgetSettings,
  titles: Readonly<Record<EmbedFormat, string>>,
): EmbedCode[] {
  const code = (format: EmbedFormat) => snippet({ baseUrl, widget: key, format });
  if (settings.type === 'callback' && settings.appearance.callFormat === 'label') {
    return [{ format: 'label', title: titles.label, code: code('label') }];
  }
  return [
    { format: 'button', title: titles.button, code: code('button') },
    { format: 'link', title: titles.link, code: code('link'), attribute: openAttribute(key) },
  ];
}

/** The platform's Test-widget page of `key`. */
export function testWidgetUrl(baseUrl: string, key: string): string {
  return new URL(`/test/${encodeURIComponent(key)}`, baseUrl).href;
}
