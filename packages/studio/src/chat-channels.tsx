import type { ChatSettings } from '@frontdesk/config';
import type { StaffSession } from '@frontdesk/staff';
import type { ComponentChildren } from 'preact';
import { BotTokenField } from './bot-token-field';
import { CallbackModeField } from './callback-mode-field';
import { ChannelStatus } from './channel-status';
import { Checkbox, Fieldset, ListField, NumberField, Select, TextField } from './fields';
import { useField, useForm } from './form';
import { freshAutomaticMode, freshLeadGenerator } from './fresh-settings';
import { LeadGeneratorFields } from './lead-generator-fields';
import { type People, ReceiverField } from './receiver-field';
import { SecretField } from './secret-field';
import { LocalizedField, TextLanguageSwitch, useTextLanguage } from './text-languages';

type Channels = ChatSettings['channels'];
type Optional = Exclude<keyof Channels, 'site'>;

/** A channel's settings when the marketer connects it (its tokens and ids still to fill in). */
const FRESH: { [K in Optional]: NonNullable<Channels[K]> } = {
  telegram: { enabled: true, receiver: null, botToken: '', botName: '' },
  viber: { enabled: true, receiver: null, botToken: '', botName: '', uri: '' },
  vk: { enabled: true, receiver: null, groupId: '' },
  facebook: { enabled: true, receiver: null, pageId: '' },
  callback: { enabled: true, mode: freshAutomaticMode() },
  leadGeneration: {
    ...freshLeadGenerator(),
    handler: null,
    notifyEmails: [],
    notifyPhones: [],
    companyNumber: null,
  },
};

/**
 * Where a marketer gets what a messenger channel needs: the bot token (Telegram's @BotFather,
 * Viber's partners page) or the community and page ids.
 */
const HELP: Partial<Record<Optional, { href: string; text: string }>> = {
  telegram: {
    href: 'https://t.me/BotFather',
    text: 'How to get a bot token: create a bot with @BotFather in Telegram',
  },
  viber: {
    href: 'https://partners.viber.com/',
    text: 'How to get a bot token: create a bot account on the Viber partners page',
  },
  vk: {
    href: 'https://vk.com/groups?tab=admin',
    text: "How to find the id: your community's page, Manage → Settings",
  },
  facebook: {
    href: 'https://www.facebook.com/pages/?category=your_pages',
    text: "How to find the id and a Page access token: your page's About → Page transparency; the app's Messenger settings",
  },
};

/** A channel that can be connected (null = not connected) and, once connected, its fields. */
function Channel({
  name,
  label,
  children,
}: {
  name: Optional;
  label: string;
  children: ComponentChildren;
}) {
  const help = HELP[name];
  const path = `channels.${name}`;
  const [value, set] = useField<Channels[Optional]>(path);
  const id = `connect-${name}`;
  return (
    <Fieldset legend={label}>
      <div class="field check">
        <input
          id={id}
          type="checkbox"
          checked={value !== null}
          onChange={(event) =>
            set((event.currentTarget as HTMLInputElement).checked ? FRESH[name] : null)
          }
        />
        <label for={id}>Connect {label}</label>
      </div>
      {help && (
        <p class="hint">
          <a href={help.href} target="_blank" rel="noopener noreferrer">
            {help.text} (opens in a new tab)
          </a>
        </p>
      )}
      {value !== null && children}
    </Fieldset>
  );
}

/**
 * The chat's auto-replies: text (in each language, sent in the visitor's), delay from the start
 * of the enquiry, working or not.
 */
function AutoReplies() {
  const path = 'channels.site.autoReplies';
  const [replies, set] = useField<Channels['site']['autoReplies']>(path);
  const [lang, setLang] = useTextLanguage();
  return (
    <Fieldset legend="Auto-replies">
      {replies.length > 0 && (
        <TextLanguageSwitch
          id="auto-reply-language"
          value={lang}
          onChange={setLang}
          within={path}
        />
      )}
      {replies.map((_, i) => (
        // Rows have no ids of their own; the index is their identity while editing.
        <div class="row" key={i}>
          <LocalizedField
            path={`${path}[${i}].text`}
            lang={lang}
            label={`Auto-reply ${i + 1}`}
            multiline
          />
          <NumberField path={`${path}[${i}].delaySeconds`} label="Delay (seconds)" min={0} />
          <Select
            path={`${path}[${i}].when`}
            label="When"
            options={[
              ['working', 'Working time'],
              ['nonWorking', 'Non-working time and holidays'],
            ]}
          />
          <button type="button" onClick={() => set(replies.filter((__, j) => j !== i))}>
            Remove auto-reply {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => set([...replies, { text: {}, delaySeconds: 60, when: 'working' }])}
      >
        Add an auto-reply
      </button>
    </Fieldset>
  );
}

/** The chat's Settings tab: the site chat and every other channel. */
export function ChatChannels({ people, session }: { people: People; session: StaffSession }) {
  const form = useForm();
  return (
    <>
      <Fieldset legend="Site chat">
        <ReceiverField
          path="channels.site.receiver"
          label="Who receives messages"
          people={people}
        />
        <TextField
          path="channels.site.nonWorkingEmail"
          label="E-mail for messages in non-working time"
          type="email"
          nullable
        />
        <Checkbox path="channels.site.showOperatorName" label="Show the operator's full name" />
        <Checkbox path="channels.site.showOperatorPhoto" label="Show the operator's photo" />
        <Checkbox path="channels.site.rating" label="Offer a rating after the chat" />
      </Fieldset>
      <AutoReplies />
      <Channel name="vk" label="VKontakte">
        <Checkbox path="channels.vk.enabled" label="On" />
        <ReceiverField path="channels.vk.receiver" label="Who receives" people={people} />
        <TextField path="channels.vk.groupId" label="Community id or short name" />
      </Channel>
      <Channel name="facebook" label="Facebook">
        <Checkbox path="channels.facebook.enabled" label="On" />
        <ReceiverField path="channels.facebook.receiver" label="Who receives" people={people} />
        <TextField path="channels.facebook.pageId" label="Page id" />
        <SecretField path="channels.facebook.pageToken" label="Page access token" />
        <p class="hint">
          Paste the page's access token (a public page, not a group). Connecting by signing in as
          the page's admin comes later.
        </p>
        <Checkbox
          path="channels.facebook.humanAgent"
          label="The app has the Human Agent permission (replies up to 7 days after the customer's last message)"
        />
        <ChannelStatus widgetId={form.widgetId} channel="facebook" />
      </Channel>
      <Channel name="telegram" label="Telegram">
        <Checkbox path="channels.telegram.enabled" label="On" />
        <ReceiverField path="channels.telegram.receiver" label="Who receives" people={people} />
        <BotTokenField path="channels.telegram" channel="telegram" session={session} />
        <Select
          path="channels.telegram.mode"
          label="How messages arrive"
          hint="A webhook needs the platform at a public https address; long polling works anywhere."
          options={[
            ['polling', 'Long polling'],
            ['webhook', 'Webhook'],
          ]}
        />
        <ChannelStatus widgetId={form.widgetId} channel="telegram" />
      </Channel>
      <Channel name="viber" label="Viber">
        <Checkbox path="channels.viber.enabled" label="On" />
        <ReceiverField path="channels.viber.receiver" label="Who receives" people={people} />
        <BotTokenField path="channels.viber" channel="viber" session={session} />
        <ChannelStatus widgetId={form.widgetId} channel="viber" />
      </Channel>
      <Channel name="callback" label="Callback order">
        <Checkbox path="channels.callback.enabled" label="On" />
        <CallbackModeField path="channels.callback.mode" people={people} />
      </Channel>
      <Channel name="leadGeneration" label="Lead generation">
        <LeadGeneratorFields path="channels.leadGeneration" />
        <ReceiverField
          path="channels.leadGeneration.handler"
          label="Who handles call orders"
          people={people}
        />
        <ListField
          path="channels.leadGeneration.notifyEmails"
          label="Notify by e-mail"
          hint="One address per line"
        />
        <ListField
          path="channels.leadGeneration.notifyPhones"
          label="Notify by SMS"
          hint="One number per line"
        />
        <TextField
          path="channels.leadGeneration.companyNumber"
          label="Company number the visitor sees"
          type="tel"
          nullable
        />
      </Channel>
    </>
  );
}
