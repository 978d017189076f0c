import { normalizeOrigin } from '@frontdesk/config';
import type { StaffSession } from '@frontdesk/staff';
import { CallForwardingFields } from './call-forwarding-fields';
import { CallbackModeField } from './callback-mode-field';
import { ChatChannels } from './chat-channels';
import { Checkbox, ListField, Select } from './fields';
import { useForm } from './form';
import { useStudioTexts } from './i18n/studio-texts';
import type { People } from './receiver-field';

/**
 * The Settings tab: the type's own settings, and for every type the sites the widget may run on
 * (typed as their owners like, kept as origins) and its language: one, or the visitor's, with the
 * main one to fall back to.
 */
export function BasicTab({ people, session }: { people: People; session: StaffSession }) {
  const { draft } = useForm();
  const { basic: t, languages } = useStudioTexts();
  return (
    <>
      {draft.type === 'call' && (
        <>
          <CallForwardingFields people={people} />
          <Checkbox path="dialPad" label={t.dialPad} />
          <Checkbox path="popOut" label={t.popOut} />
        </>
      )}
      {draft.type === 'callback' && <CallbackModeField path="mode" people={people} />}
      {draft.type === 'callback' && draft.mode.kind === 'manual' && draft.leadGenerator.enabled && (
        // Its tab is gone in manual mode: the lead generator can be switched off right here.
        <Checkbox path="leadGenerator.enabled" label={t.leadManual} />
      )}
      {draft.type === 'chat' && <ChatChannels people={people} session={session} />}
      <ListField
        path="allowedOrigins"
        label={t.sites}
        hint={t.sitesHint}
        normalize={(site) => normalizeOrigin(site) ?? site}
      />
      <Select
        path="locale"
        label={t.language}
        hint={t.languageHint}
        options={[
          ['auto', t.auto],
          ['ru', t.ruOnly],
          ['en', t.enOnly],
        ]}
      />
      {draft.locale === 'auto' && (
        <Select
          path="mainLocale"
          label={t.main}
          hint={t.mainHint}
          options={[
            ['ru', languages.ru],
            ['en', languages.en],
          ]}
        />
      )}
    </>
  );
}
