import { normalizeOrigin } from '@frontdesk/config';
import type { StaffSession } from '@frontdesk/staff';
import { CallForwardingFields } from './call-forwarding-fields';
import { CallbackModeField } from './callback-mode-field';
import { ChatChannels } from './chat-channels';
import { Checkbox, ListField, Select } from './fields';
import { useForm } from './form';
import type { People } from './receiver-field';

/**
 * The Settings tab: the type's own settings, and for every type the sites the widget may run on
 * (typed as their owners like, kept as origins) and its language: one, or the visitor's, with the
 * main one to fall back to.
 */
export function BasicTab({ people, session }: { people: People; session: StaffSession }) {
  const { draft } = useForm();
  return (
    <>
      {draft.type === 'call' && (
        <>
          <CallForwardingFields people={people} />
          <Checkbox path="dialPad" label="Show a dial pad during the call" />
          <Checkbox path="popOut" label="Offer to continue the call in a small window" />
        </>
      )}
      {draft.type === 'callback' && <CallbackModeField path="mode" people={people} />}
      {draft.type === 'callback' && draft.mode.kind === 'manual' && draft.leadGenerator.enabled && (
        // Its tab is gone in manual mode: the lead generator can be switched off right here.
        <Checkbox
          path="leadGenerator.enabled"
          label="Lead generator (works in automatic mode only)"
        />
      )}
      {draft.type === 'chat' && <ChatChannels people={people} session={session} />}
      <ListField
        path="allowedOrigins"
        label="Sites where the widget may run"
        hint="One site per line, like example.com, https://www.example.com:8443 or http://localhost:* (any port). On other sites the widget shows nothing."
        normalize={(site) => normalizeOrigin(site) ?? site}
      />
      <Select
        path="locale"
        label="Language of the widget"
        hint="All of its texts, yours and its own, are shown in one language."
        options={[
          ['auto', "The visitor's language (Russian or English)"],
          ['ru', 'Russian only'],
          ['en', 'English only'],
        ]}
      />
      {draft.locale === 'auto' && (
        <Select
          path="mainLocale"
          label="Main language"
          hint="Every text is written in it, and visitors whose language lacks a text see it."
          options={[
            ['ru', 'Russian'],
            ['en', 'English'],
          ]}
        />
      )}
    </>
  );
}
