import type { ChatSettings } from '@frontdesk/config';
import type { StaffSession } from '@frontdesk/staff';
import type { ComponentChildren } from 'preact';
import { BotTokenField } from './bot-token-field';
import { CallbackModeField } from './callback-mode-field';
import { ChannelStatus } from './channel-status';
import { Checkbox, Fieldset, ListField, NumberField, Select, TextField } from './fields';
import { useField, useForm } from './form';
import { freshAutomaticMode, freshLeadGenerator } from './fresh-settings';
import { useStudioTexts } from './i18n/studio-texts';
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
 * Viber's partners page) or the community and page ids; the words are the catalogue's.
 */
const HELP: Partial<Record<Optional, string>> = {
  telegram: 'https://t.me/BotFather',
  viber: 'https://partners.viber.com/',
  vk: 'https://vk.com/groups?tab=admin',
  facebook: 'https://www.facebook.com/pages/?category=your_pages',
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
  const texts = useStudioTexts();
  const help = HELP[name];
  const helpText = help ? texts.chat.help[name as keyof typeof texts.chat.help] : '';
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
        <label for={id}>{texts.chat.connect(label)}</label>
      </div>
      {help && (
        <p class="hint">
          <a href={help} target="_blank" rel="noopener noreferrer">
            {helpText} {texts.opensInNewTab}
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
  const t = useStudioTexts().chat;
  return (
    <Fieldset legend={t.autoReplies}>
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
            label={t.autoReply(i + 1)}
            multiline
          />
          <NumberField path={`${path}[${i}].delaySeconds`} label={t.delay} min={0} />
          <Select
            path={`${path}[${i}].when`}
            label={t.when}
            options={[
              ['working', t.working],
              ['nonWorking', t.nonWorking],
            ]}
          />
          <button type="button" onClick={() => set(replies.filter((__, j) => j !== i))}>
            {t.removeReply(i + 1)}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() => set([...replies, { text: {}, delaySeconds: 60, when: 'working' }])}
      >
        {t.addReply}
      </button>
    </Fieldset>
  );
}

/** The chat's Settings tab: the site chat and every other channel. */
export function ChatChannels({ people, session }: { people: People; session: StaffSession }) {
  const form = useForm();
  const { chat: t, on } = useStudioTexts();
  return (
    <>
      <Fieldset legend={t.site}>
        <ReceiverField path="channels.site.receiver" label={t.receiver} people={people} />
        <TextField
          path="channels.site.nonWorkingEmail"
          label={t.nonWorkingEmail}
          type="email"
          nullable
        />
        <Checkbox path="channels.site.showOperatorName" label={t.operatorName} />
        <Checkbox path="channels.site.showOperatorPhoto" label={t.operatorPhoto} />
        <Checkbox path="channels.site.rating" label={t.rating} />
      </Fieldset>
      <AutoReplies />
      <Channel name="vk" label={t.vk}>
        <Checkbox path="channels.vk.enabled" label={on} />
        <ReceiverField path="channels.vk.receiver" label={t.whoReceives} people={people} />
        <BotTokenField path="channels.vk" channel="vk" session={session} />
        <p class="hint">{t.vkTokenHint}</p>
        <TextField path="channels.vk.groupId" label={t.groupId} />
        <Select
          path="channels.vk.mode"
          label={t.arrive}
          hint={t.vkArriveHint}
          options={[
            ['longpoll', t.longPoll],
            ['callback', t.callbackApi],
          ]}
        />
        <ChannelStatus widgetId={form.widgetId} channel="vk" />
      </Channel>
      <Channel name="facebook" label={t.facebook}>
        <Checkbox path="channels.facebook.enabled" label={on} />
        <ReceiverField path="channels.facebook.receiver" label={t.whoReceives} people={people} />
        <TextField path="channels.facebook.pageId" label={t.pageId} />
        <SecretField path="channels.facebook.pageToken" label={t.pageToken} />
        <p class="hint">{t.pageTokenHint}</p>
        <Checkbox path="channels.facebook.humanAgent" label={t.humanAgent} />
        <ChannelStatus widgetId={form.widgetId} channel="facebook" />
      </Channel>
      <Channel name="telegram" label={t.telegram}>
        <Checkbox path="channels.telegram.enabled" label={on} />
        <ReceiverField path="channels.telegram.receiver" label={t.whoReceives} people={people} />
        <BotTokenField path="channels.telegram" channel="telegram" session={session} />
        <Select
          path="channels.telegram.mode"
          label={t.arrive}
          hint={t.arriveHint}
          options={[
            ['polling', t.polling],
            ['webhook', t.webhook],
          ]}
        />
        <ChannelStatus widgetId={form.widgetId} channel="telegram" />
      </Channel>
      <Channel name="viber" label={t.viber}>
        <Checkbox path="channels.viber.enabled" label={on} />
        <ReceiverField path="channels.viber.receiver" label={t.whoReceives} people={people} />
        <BotTokenField path="channels.viber" channel="viber" session={session} />
        <ChannelStatus widgetId={form.widgetId} channel="viber" />
      </Channel>
      <Channel name="callback" label={t.callback}>
        <Checkbox path="channels.callback.enabled" label={on} />
        <CallbackModeField path="channels.callback.mode" people={people} />
      </Channel>
      <Channel name="leadGeneration" label={t.leadGeneration}>
        <LeadGeneratorFields path="channels.leadGeneration" />
        <ReceiverField path="channels.leadGeneration.handler" label={t.handler} people={people} />
        <ListField
          path="channels.leadGeneration.notifyEmails"
          label={t.notifyEmails}
          hint={t.notifyEmailsHint}
        />
        <ListField
          path="channels.leadGeneration.notifyPhones"
          label={t.notifySms}
          hint={t.notifySmsHint}
        />
        <TextField
          path="channels.leadGeneration.companyNumber"
          label={t.companyNumber}
          type="tel"
          nullable
        />
      </Channel>
    </>
  );
}
