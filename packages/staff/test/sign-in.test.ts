// @vitest-environment jsdom
import { SignIn, type SignInGate, type StaffSession } from '@frontdesk/staff';
import { h, render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { json, noContent, operatorSession, refusal, stubPlatform } from './platform-stub';

afterEach(() => {
  act(() => render(null, document.body));
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
    document.body,
  );
  const field = (label: string) => {
    const found = [...document.querySelectorAll('label')].find((l) => l.textContent === label);
    return found?.control as HTMLInputElement | null | undefined;
  };
  const submit = async (email: string, password: string) => {
    const [emailField, passwordField] = [field('E-mail'), field('Password')];
    if (!emailField || !passwordField) throw new Error('a field has no label');
    emailField.value = email;
    passwordField.value = password;
    await act(async () => {
      document.querySelector<HTMLButtonElement>('button[type=submit]')?.click();
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  };
  const alert = () => document.querySelector('[role=alert]');
  return { signedIn, field, submit, alert };
}

describe('SignIn', () => {
  it('names the app and labels both fields', () => {
    const { field } = showForm();
    expect(document.querySelector('h1')?.textContent).toBe('Frontdesk console');
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
    const { signedIn, submit, alert } = showForm();
    await submit('operator@demo.test', 'wrong');
    expect(signedIn).toEqual([]);
    expect(alert()?.textContent).toBe('The e-mail or the password is wrong.');
    expect(document.querySelector('form')?.getAttribute('aria-describedby')).toBe(alert()?.id);
    expect(document.querySelector('button[type=submit]')).toHaveProperty('disabled', false);
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
});
