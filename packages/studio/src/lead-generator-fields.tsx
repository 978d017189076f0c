import { Checkbox, Fieldset, GroupErrors, NumberField } from './fields';
import { useField } from './form';
import { useStudioTexts } from './i18n/studio-texts';

/**
 * The lead generator's rules at `path` (the callback widget's, the chat's lead generation): on/off,
 * "open the widget if" any chosen trigger reaches its threshold, the repeat period and the
 * exception for visitors who already left their phone.
 */
export function LeadGeneratorFields({ path }: { path: string }) {
  const t = useStudioTexts().lead;
  const [enabled] = useField<boolean>(`${path}.enabled`);
  return (
    <>
      <Checkbox path={`${path}.enabled`} label={t.enabled} />
      {enabled && (
        <>
          <Fieldset legend={t.openIf}>
            <Checkbox path={`${path}.triggers.timeOnPage.enabled`} label={t.timeOnPage} />
            <NumberField path={`${path}.triggers.timeOnPage.seconds`} label={t.seconds} min={1} />
            <Checkbox path={`${path}.triggers.scrollDepth.enabled`} label={t.scrolled} />
            <NumberField
              path={`${path}.triggers.scrollDepth.percent`}
              label={t.percent}
              min={1}
              max={100}
            />
            <Checkbox path={`${path}.triggers.pagesViewed.enabled`} label={t.pages} />
            <NumberField path={`${path}.triggers.pagesViewed.count`} label={t.pagesCount} min={1} />
            <Checkbox path={`${path}.triggers.exitIntent.enabled`} label={t.exit} />
            <Checkbox path={`${path}.triggers.inactivity.enabled`} label={t.inactive} />
            <NumberField
              path={`${path}.triggers.inactivity.seconds`}
              label={t.inactiveSeconds}
              min={1}
            />
            <GroupErrors path={`${path}.triggers`} />
          </Fieldset>
          <NumberField path={`${path}.repeatAfterHours`} label={t.repeat} min={1} />
          <Checkbox path={`${path}.skipIfPhoneLeft`} label={t.skip} />
        </>
      )}
    </>
  );
}
