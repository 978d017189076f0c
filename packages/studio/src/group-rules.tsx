/**
 * The groups' rules for text enquiries (issue 23; the source's section 4.4, in its words): how a
 * group's chats reach its members — everyone sees each and the first to reply takes it, or the
 * platform distributes them — the most one employee handles at once, and the longest a client
 * waits for the first answer. Admins change them; others see them.
 */
import type { GroupChatRules } from '@frontdesk/config';
import { PlatformError, type StaffSession, useErrorText } from '@frontdesk/staff';
import { useEffect, useState } from 'preact/hooks';
import { type Group, listGroups, type Person, updateGroupRules } from './api';
import { useStudioTexts } from './i18n/studio-texts';

/** One group's form. */
function GroupRulesForm({
  group,
  members,
  session,
  editable,
}: {
  group: Group;
  members: string;
  session: StaffSession;
  editable: boolean;
}) {
  const t = useStudioTexts().groups;
  const sayError = useErrorText();
  const [rules, setRules] = useState<GroupChatRules>(group.chatRules);
  const [status, setStatus] = useState('');
  const [error, setError] = useState<{ field?: string; message: string } | null>(null);
  const id = (part: string) => `group-${group.id}-${part}`;
  const number = (value: string) => (value.trim() === '' ? Number.NaN : Number(value));
  const fieldError = (field: string) =>
    error?.field === `chatRules.${field}` ? error.message : undefined;
  const save = async () => {
    setStatus('');
    setError(null);
    try {
      const saved = await updateGroupRules(session, group.id, rules);
      setRules(saved.chatRules);
      setStatus(t.savedOf(group.name));
    } catch (e) {
      setError({
        message: sayError(e),
        ...(e instanceof PlatformError && e.field ? { field: e.field } : {}),
      });
    }
  };
  return (
    <form
      class="group-rules"
      aria-labelledby={id('name')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id={id('name')}>{group.name}</h2>
      <p class="hint">{t.members(members)}</p>
      <fieldset disabled={!editable}>
        <legend>{t.rules}</legend>
        <label class="rule">
          <input
            type="radio"
            name={id('mode')}
            checked={rules.mode === 'everyone'}
            onChange={() => setRules({ ...rules, mode: 'everyone' })}
          />{' '}
          {t.everyone}
        </label>
        <label class="rule">
          <input
            type="radio"
            name={id('mode')}
            checked={rules.mode === 'distribute'}
            onChange={() => setRules({ ...rules, mode: 'distribute' })}
          />{' '}
          {t.distribute}
        </label>
        <label class="rule" for={id('limit')}>
          {t.limit}
        </label>
        <input
          id={id('limit')}
          type="number"
          min={0}
          step={1}
          value={Number.isNaN(rules.limit) ? '' : rules.limit}
          aria-describedby={id('limit-hint')}
          aria-invalid={fieldError('limit') ? 'true' : undefined}
          onInput={(event) => setRules({ ...rules, limit: number(event.currentTarget.value) })}
        />
        <p class="hint" id={id('limit-hint')}>
          {fieldError('limit') ?? t.limitHint}
        </p>
        <label class="rule" for={id('answer')}>
          {t.answer}
        </label>
        <input
          id={id('answer')}
          type="number"
          min={0}
          step={1}
          value={Number.isNaN(rules.answerSeconds) ? '' : rules.answerSeconds}
          aria-describedby={id('answer-hint')}
          aria-invalid={fieldError('answerSeconds') ? 'true' : undefined}
          onInput={(event) =>
            setRules({ ...rules, answerSeconds: number(event.currentTarget.value) })
          }
        />
        <p class="hint" id={id('answer-hint')}>
          {fieldError('answerSeconds') ?? t.answerHint}
        </p>
      </fieldset>
      {error && !error.field?.startsWith('chatRules.') && (
        <p role="alert" class="error">
          {error.message}
        </p>
      )}
      {error?.field?.startsWith('chatRules.') && (
        <p role="alert" class="error">
          {t.checkField(error.message)}
        </p>
      )}
      {editable && (
        <button type="submit" class="primary">
          {t.saveOf(group.name)}
        </button>
      )}
      <p role="status">{status}</p>
    </form>
  );
}

/** The Groups screen: each group's members and rules for text enquiries. */
export function GroupRules({ session }: { session: StaffSession }) {
  const sayError = useErrorText();
  const [found, setFound] = useState<{ groups: Group[]; users: Person[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    listGroups().then(setFound, (e: Error) => setError(sayError(e)));
  }, []);
  const t = useStudioTexts().groups;
  const editable = session.user.role === 'admin';
  return (
    <main class="groups">
      <h1>{t.title}</h1>
      {!editable && <p>{t.adminsOnly}</p>}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
      {found && found.groups.length === 0 && <p>{t.empty}</p>}
      {found?.groups.map((group) => (
        <GroupRulesForm
          key={group.id}
          group={group}
          session={session}
          editable={editable}
          members={group.memberIds
            .map((id) => found.users.find((u) => u.id === id)?.name)
            .filter(Boolean)
            .join(', ')}
        />
      ))}
    </main>
  );
}
