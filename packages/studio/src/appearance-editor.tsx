import { parseSettings, type TextLocale, type WidgetSettings } from '@frontdesk/config';
import { useRef, useState } from 'preact/hooks';
import { Checkbox, ColorField, Fieldset, Select } from './fields';
import { useForm } from './form';
import { LivePreview } from './live-preview';
import type { PreviewLook } from './preview-config';
import { LocalizedField, TextLanguageSwitch, useTextLanguage } from './text-languages';

const LOOK_NAMES: Record<PreviewLook, string> = {
  working: 'Working time',
  'non-working': 'Non-working time',
  nobody: 'Nobody available',
  lead: 'Lead generator',
};

const POSITION = [
  ['right', 'Right'],
  ['left', 'Left'],
] as const;

/** The working look's controls: shape, colours, theme, position, texts, brand, consent. */
function WorkingControls({ type, lang }: { type: WidgetSettings['type']; lang: TextLocale }) {
  const { draft } = useForm();
  return (
    <>
      {type === 'callback' && draft.type === 'callback' && (
        <>
          <Select
            path="appearance.callFormat"
            label="Call format"
            options={[
              ['popup', 'Popup (button or link)'],
              ['label', 'Label (a vertical tab)'],
            ]}
          />
          {draft.appearance.callFormat === 'popup' && (
            <Select
              path="appearance.popupVariant"
              label="Popup opened by"
              options={[
                ['button', 'A floating button'],
                ['link', "The site's own links"],
              ]}
            />
          )}
          <Select
            path="appearance.display"
            label="Display format"
            options={[
              ['popup', 'Popup'],
              ['side', 'Side of the screen'],
            ]}
          />
        </>
      )}
      {type === 'chat' ? (
        <>
          <Select
            path="appearance.theme"
            label="Theme"
            options={[
              ['light', 'Light'],
              ['dark', 'Dark'],
            ]}
          />
          <ColorField path="appearance.buttonColor" label="Button colour" />
        </>
      ) : (
        <>
          <Select
            path="appearance.shape"
            label="Shape"
            options={[
              ['square', 'Square'],
              ['rounded', 'Rounded'],
              ...(type === 'callback' ? ([['figured', 'Figured']] as const) : []),
            ]}
          />
          <ColorField path="appearance.primaryColor" label="Primary colour" />
          <ColorField path="appearance.secondaryColor" label="Secondary colour" />
          <Checkbox path="appearance.themed" label="Theme: depth and accents" />
        </>
      )}
      <Select path="appearance.position" label="Position" options={POSITION} />
      <LocalizedField path="appearance.working.title" lang={lang} label="Title" />
      <LocalizedField path="appearance.working.text" lang={lang} label="Text" multiline />
      <LocalizedField
        path="appearance.working.buttonText"
        lang={lang}
        label={type === 'chat' ? 'Text on the chat button' : 'Button or label text'}
      />
      <Checkbox path="appearance.hideBrand" label="Hide “Powered by Frontdesk”" />
      <Checkbox path="consent.required" label="Ask for consent to personal data processing" />
    </>
  );
}

/**
 * The Appearance tab: controls of the chosen look (working; non-working, which overrides only
 * title, text and brand; "nobody available", working time while every operator is busy or
 * away — texts that promise no immediate answer or call; the callback's lead-generator form)
 * on the left, the real widget live
 * in the middle, its launcher as on a site on the right — all before saving.
 */
export function AppearanceEditor() {
  const { draft } = useForm();
  const [look, setLook] = useState<PreviewLook>('working');
  const [lang, setLang] = useTextLanguage();
  // The preview keeps the last valid settings while a field is being fixed.
  const lastValid = useRef<WidgetSettings>(draft);
  const parsed = parseSettings(draft);
  if (parsed.ok) lastValid.current = parsed.value;
  const looks: PreviewLook[] =
    draft.type === 'callback'
      ? ['working', 'non-working', 'nobody', 'lead']
      : ['working', 'non-working', 'nobody'];
  return (
    <div class="appearance-layout">
      <div class="controls">
        <Fieldset legend="Look">
          {looks.map((option) => (
            <div class="field check" key={option}>
              <input
                id={`look-${option}`}
                type="radio"
                name="look"
                checked={look === option}
                onChange={() => setLook(option)}
              />
              <label for={`look-${option}`}>{LOOK_NAMES[option]}</label>
            </div>
          ))}
        </Fieldset>
        <TextLanguageSwitch
          id="appearance-language"
          value={lang}
          onChange={setLang}
          within="appearance."
        />
        {look === 'working' && <WorkingControls type={draft.type} lang={lang} />}
        {look === 'non-working' && (
          <>
            <LocalizedField
              path="appearance.nonWorking.title"
              lang={lang}
              label="Non-working title"
            />
            <LocalizedField
              path="appearance.nonWorking.text"
              lang={lang}
              label="Non-working text"
              multiline
            />
            <Checkbox
              path="appearance.nonWorking.hideBrand"
              label="Hide “Powered by Frontdesk” in non-working time"
            />
          </>
        )}
        {look === 'nobody' && (
          <>
            <p class="hint">
              Shown in working time while nobody who takes this widget's work is online, or all are
              busy: promise no immediate answer or call here.
            </p>
            <LocalizedField
              path="appearance.nobody.title"
              lang={lang}
              label="Nobody available: title"
            />
            <LocalizedField
              path="appearance.nobody.text"
              lang={lang}
              label="Nobody available: text"
              multiline
            />
            <LocalizedField
              path="appearance.nobody.buttonText"
              lang={lang}
              label={
                draft.type === 'chat'
                  ? 'Nobody available: text on the chat button'
                  : 'Nobody available: button or label text'
              }
            />
          </>
        )}
        {look === 'lead' && (
          <>
            <LocalizedField
              path="appearance.leadGenerator.title"
              lang={lang}
              label="Lead generator title"
            />
            <LocalizedField
              path="appearance.leadGenerator.text"
              lang={lang}
              label="Lead generator text"
              multiline
            />
          </>
        )}
        {!parsed.ok && <p class="hint">The preview shows the last valid settings.</p>}
      </div>
      <LivePreview settings={lastValid.current} look={look} lang={lang} />
    </div>
  );
}
