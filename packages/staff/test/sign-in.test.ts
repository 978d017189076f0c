// @vitest-environment jsdom
import { LanguageContext, SignIn, type SignInGate, type StaffSession } from '@frontdesk/staff';
import { act, cleanup, render, screen } from '@testing-library/preact';
import userEvent from '@testing-library/user-event';
import { h } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, noContent, operatorSession, refusal, stubPlatform } from './platform-stub';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function showForm(gate?: SignInGate) {
  const signedIn: StaffSession[] = [];
  render(
    h(SignIn, {
      title: 'Frontdesk console',
      ...(gate ? { gate } : {}),
      onSignedIn: (session) => signedIn.push(session),
    }),
  );
  const field = (label: string) =>
    screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
  const button = () => screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement;
  const submit = async (email: string, password: string) => {
    const user = userEvent.setup();
    await user.type(field('E-mail'), email);
    await user.type(field('Password'), password);
    await user.click(button());
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  };
  const alert = () => screen.queryByRole('alert');
  return { signedIn, field, button, submit, alert };
}

describe('SignIn', () => {
  it('names the app and labels both fields', () => {
    const { field } = showForm();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Frontdesk console');
    expect(field('E-mail')).toMatchObject({ name: 'email', type: 'email', required: true });
    expect(field('Password')).toMatchObject({ name: 'password', type: 'password', required: true });
  });

  it('signs in and hands over the session', async () => {
    const received = stubPlatform(json(operatorSession));
    const { signedIn, submit, alert } = showForm();
    await submit('operator@demo.test', 'demo-password');
    expect(received[0]?.body).toEqual({ email: 'operator@demo.test', password: 'demo-password' });
    expect(signedIn).toEqual([operatorSession]);
    expect(alert()).toBeNull();
  });

  it('announces a refusal and ties it to the form', async () => {
    stubPlatform(
      refusal(401, {
        code: 'invalid_credentials',
        message: 'The e-mail or the password is wrong.',
      }),
    );
    const { signedIn, submit, alert, button } = showForm();
    await submit('operator@demo.test', 'wrong');
    expect(signedIn).toEqual([]);
    expect(alert()?.textContent).toBe('The e-mail or the password is wrong.');
    // The form the button sends is described by the alert.
    expect(button().form?.getAttribute('aria-describedby')).toBe(alert()?.id);
    expect(button().type).toBe('submit');
    expect(button()).toHaveProperty('disabled', false);
  });

  it('signs a user of another role out again and says why', async () => {
    const received = stubPlatform(json(operatorSession), noContent());
    const gate = { roles: ['admin', 'marketer'] as const, refusal: 'For marketers and admins.' };
    const { signedIn, submit, alert } = showForm(gate);
    await submit('operator@demo.test', 'demo-password');
    expect(signedIn).toEqual([]);
    expect(received.map((r) => r.url)).toEqual(['/v1/auth/login', '/v1/auth/logout']);
    expect(received[1]?.headers.get('x-csrf-token')).toBe('csrf-1');
    expect(alert()?.textContent).toBe('For marketers and admins.');
  });

  it('speaks Russian in a Russian app, the platform’s known refusals too', async () => {
    stubPlatform(
      refusal(401, {
        code: 'invalid_credentials',
        message: 'The e-mail or the password is wrong.',
      }),
    );
    render(
      h(
        LanguageContext.Provider,
        { value: { language: 'ru', choose: async () => undefined } },
        h(SignIn, { title: 'Консоль Frontdesk', onSignedIn: () => undefined }),
      ),
    );
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Эл. почта'), 'operator@demo.test');
    await user.type(screen.getByLabelText('Пароль'), 'wrong');
    await user.click(screen.getByRole('button', { name: 'Войти' }));
    await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
    expect(screen.getByRole('alert').textContent).toBe('Неверная эл. почта или пароль.');
  });

  it('shows a refusal it has no words for as the platform sent it', async () => {
    stubPlatform(refusal(403, { code: 'origin_refused', message: 'Wrong origin.' }));
    const { submit, alert } = showForm();
    await submit('operator@demo.test', 'demo-password');
    expect(alert()?.textContent).toBe('Wrong origin.');
  });
});
