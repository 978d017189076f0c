/**
 * What a widget sends about its visitor on the public endpoints (orders, call credentials):
 * one set of schemas, so every endpoint takes and limits the same fields the same way.
 */
import * as v from 'valibot';
import { isTimeZone } from './visitor-time';

/** `:key` of the public widget routes. */
export const WidgetKeyParams = v.object({
  key: v.pipe(v.string(), v.regex(/^[A-Za-z0-9_-]{1,64}$/, 'Invalid widget key.')),
});

/** Text of at most `max` characters. */
export const limitedText = (max: number) =>
  v.pipe(v.string('Give text.'), v.maxLength(max, `Use at most ${max} characters.`));

/** The page the visitor is on, as the widget reads it: all optional, all the visitor's word. */
export const VisitorPageSchema = v.object({
  url: v.optional(limitedText(2000)),
  title: v.optional(limitedText(500)),
  referrer: v.optional(limitedText(2000)),
  utm: v.optional(
    v.object({
      source: v.optional(limitedText(200)),
      medium: v.optional(limitedText(200)),
      campaign: v.optional(limitedText(200)),
      term: v.optional(limitedText(200)),
      content: v.optional(limitedText(200)),
    }),
  ),
});

/** The visitor's IANA zone, so the operator sees their local time. */
export const VisitorTimeZoneSchema = v.pipe(
  v.string(),
  v.maxLength(64),
  v.check(isTimeZone, 'Give an IANA time zone.'),
);
