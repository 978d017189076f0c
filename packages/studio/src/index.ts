/**
 * @frontdesk/studio — the marketers' web app the platform serves at `/studio` (`main.tsx` is the
 * page's entry). This door names the parts its browser tests drive on their own: the settings
 * form with its fields, and the live preview.
 */
export { ColorField, ListField, TextField } from './fields';
export type { Form } from './form';
export { FormProvider } from './form';
export { LivePreview } from './live-preview';
export { setAt } from './paths';
