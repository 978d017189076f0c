import { parseSettings, type TextLocale, type WidgetSettings } from '@frontdesk/config';
import { useRef, useState } from 'preact/hooks';
import { Checkbox, ColorField, Fieldset, Select } from './fields';
import { useForm } from './form';
import { useStudioTexts } from './i18n/studio-texts';
import { LivePreview } from './live-preview';
import type { PreviewLook } from './preview-config';
import { LocalizedField, TextLanguageSwitch, useTextLanguage } from './text-languages';

/** The working look's controls: shape, colours, theme, position, texts, brand, consent. */
function WorkingControls({ type, lang }: { type: WidgetSettings['type']; lang: TextLocale }) {
  const { draft } = useForm();
  const t = useStudioTexts().appearance;
  return (
    <>
      {type === 'callback' && draft.type === 'callback' && (
        <>
          <Select
            path="appearance.callFormat"
            label={t.callFormat}
            options={[
              ['popup', t.popup],
              ['label', t.label],
            ]}
          />
          {draft.appearance.callFormat === 'popup' && (
            <Select
              path="appearance.popupVariant"
              label={t.popupVariant}
              options={[
                ['button', t.floatingButton],
                ['link', t.siteLinks],
              ]}
            />
          )}
          <Select
            path="appearance.display"
            label={t.display}
            options={[
              ['popup', t.displayPopup],
              ['side', t.side],
            ]}
          />
        </>
      )}
      {type === 'chat' ? (
        <>
          <Select
            path="appearance.theme"
            label={t.theme}
            options={[
              ['light', t.light],
              ['dark', t.dark],
            ]}
          />
          <ColorField path="appearance.buttonColor" label={t.buttonColor} />
        </>
      ) : (
        <>
          <Select
            path="appearance.shape"
            label={t.shape}
            options={[
              ['square', t.square],
              ['rounded', t.rounded],
              ...(type === 'callback' ? ([['figured', t.figured]] as const) : []),
            ]}
          />
          <ColorField path="appearance.primaryColor" label={t.primary} />
          <ColorField path="appearance.secondaryColor" label={t.secondary} />
          <Checkbox path="appearance.themed" label={t.themed} />
        </>
      )}
      <Select
        path="appearance.position"
        label={t.position}
        options={[
          ['right', t.right],
          ['left', t.left],
        ]}
      />
      <LocalizedField path="appearance.working.title" lang={lang} label={t.title} />
      <LocalizedField path="appearance.working.text" lang={lang} label={t.text} multiline />
      <LocalizedField
        path="appearance.working.buttonText"
        lang={lang}
        label={type === 'chat' ? t.chatButton : t.buttonText}
      />
      <Checkbox path="appearance.hideBrand" label={t.hideBrand} />
      <Checkbox path="consent.required" label={t.consent} />
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
  const t = useStudioTexts().appearance;
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
        <Fieldset legend={t.look}>
          {looks.map((option) => (
            <div class="field check" key={option}>
              <input
                id={`look-${option}`}
                type="radio"
                name="look"
                checked={look === option}
                onChange={() => setLook(option)}
              />
              <label for={`look-${option}`}>{t.looks[option]}</label>
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
              label={t.nonWorkingTitle}
            />
            <LocalizedField
              path="appearance.nonWorking.text"
              lang={lang}
              label={t.nonWorkingText}
              multiline
            />
            <Checkbox path="appearance.nonWorking.hideBrand" label={t.nonWorkingBrand} />
          </>
        )}
        {look === 'nobody' && (
          <>
            <p class="hint">{t.nobodyHint}</p>
            <LocalizedField path="appearance.nobody.title" lang={lang} label={t.nobodyTitle} />
            <LocalizedField
              path="appearance.nobody.text"
              lang={lang}
              label={t.nobodyText}
              multiline
            />
            <LocalizedField
              path="appearance.nobody.buttonText"
              lang={lang}
              label={draft.type === 'chat' ? t.nobodyChatButton : t.nobodyButton}
            />
          </>
        )}
        {look === 'lead' && (
          <>
            <LocalizedField path="appearance.leadGenerator.title" lang={lang} label={t.leadTitle} />
            <LocalizedField
              path="appearance.leadGenerator.text"
              lang={lang}
              label={t.leadText}
              multiline
            />
          </>
        )}
        {!parsed.ok && <p class="hint">{t.lastValid}</p>}
      </div>
      <LivePreview settings={lastValid.current} look={look} lang={lang} />
    </div>
  );
}
