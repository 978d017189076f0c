import { Checkbox, Fieldset, GroupErrors, NumberField } from './fields';
import { useField } from './form';

/**
 * The lead generator's rules at `path` (the callback widget's, the chat's lead generation): on/off,
 * "open the widget if" any chosen trigger reaches its threshold, the repeat period and the
 * exception for visitors who already left their phone.
 */
export function LeadGeneratorFields({ path }: { path: string }) {
  const [enabled] = useField<boolean>(`${path}.enabled`);
  return (
    <>
      <Checkbox path={`${path}.enabled`} label="Open the widget by itself (lead generator)" />
      {enabled && (
        <>
          <Fieldset legend="Open the widget if">
            <Checkbox path={`${path}.triggers.timeOnPage.enabled`} label="Time on the page" />
            <NumberField
              path={`${path}.triggers.timeOnPage.seconds`}
              label="Seconds on the page"
              min={1}
            />
            <Checkbox path={`${path}.triggers.scrollDepth.enabled`} label="Scrolled down" />
            <NumberField
              path={`${path}.triggers.scrollDepth.percent`}
              label="Percent scrolled"
              min={1}
              max={100}
            />
            <Checkbox path={`${path}.triggers.pagesViewed.enabled`} label="Pages viewed" />
            <NumberField
              path={`${path}.triggers.pagesViewed.count`}
              label="Pages in the session"
              min={1}
            />
            <Checkbox
              path={`${path}.triggers.exitIntent.enabled`}
              label="About to leave the page"
            />
            <Checkbox path={`${path}.triggers.inactivity.enabled`} label="Inactive" />
            <NumberField
              path={`${path}.triggers.inactivity.seconds`}
              label="Seconds inactive"
              min={1}
            />
            <GroupErrors path={`${path}.triggers`} />
          </Fieldset>
          <NumberField path={`${path}.repeatAfterHours`} label="Open again after (hours)" min={1} />
          <Checkbox
            path={`${path}.skipIfPhoneLeft`}
            label="Never for visitors who already left their phone"
          />
        </>
      )}
    </>
  );
}
