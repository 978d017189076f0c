/** The settings of any widget, told apart by `type`. */
import * as v from 'valibot';
import { CallSettingsSchema } from './call-settings';
import { CallbackSettingsSchema } from './callback-settings';
import { ChatSettingsSchema } from './chat-settings';

/** The three widget types. */
export type WidgetType = 'call' | 'callback' | 'chat';

/** A widget type, e.g. of the admin API's create request. */
export const WidgetTypeSchema = v.picklist(
  ['call', 'callback', 'chat'],
  'must be "call", "callback" or "chat"',
);

/** Settings of a widget of any type; unknown keys are stripped (forward compatibility). */
export const WidgetSettingsSchema: v.VariantSchema<
  'type',
  [typeof CallSettingsSchema, typeof CallbackSettingsSchema, typeof ChatSettingsSchema],
  v.ErrorMessage<v.VariantIssue>
> = v.variant('type', [CallSettingsSchema, CallbackSettingsSchema, ChatSettingsSchema], (issue) =>
  issue.path ? 'must be "call", "callback" or "chat"' : 'settings must be an object',
);

/** Settings of a widget of any type. */
export type WidgetSettings = v.InferOutput<typeof WidgetSettingsSchema>;
