import { describe, expect, it } from 'vitest';
import { baresipAccounts, baresipConfig, type PhoneConfigValues } from '../../src/phone/config';

const values: PhoneConfigValues = {
  number: '+74951110001',
  displayName: undefined,
  host: '127.0.0.1',
  sipPort: 20004,
  controlPort: 20006,
  answerMode: 'auto',
  toneFile: '/tmp/net/phone/tone-440.wav',
  recordingDir: '/tmp/net/phone/recordings',
  credentials: undefined,
  ringSeconds: 600,
};

describe('baresip config', () => {
  it('one account that never registers, with its answer mode and trunk credentials', () => {
    expect(baresipAccounts(values)).toBe(
      '<sip:+74951110001@127.0.0.1:20004>;regint=0;answermode=auto\n',
    );
    expect(
      baresipAccounts({
        ...values,
        answerMode: 'manual',
        displayName: 'Shop "Main" \\ desk',
        credentials: { username: 'acme', password: 'pa:ss' },
      }),
    ).toBe(
      '"Shop Main  desk" <sip:+74951110001@127.0.0.1:20004>;regint=0;answermode=manual;auth_user=acme;auth_pass=pa:ss\n',
    );
  });

  it('G.711 only, the tone as microphone, recordings, ctrl_tcp, and no sound card', () => {
    const config = baresipConfig(values);
    expect(config).toContain('sip_listen 127.0.0.1:20004\n');
    expect(config).toContain('ctrl_tcp_listen 127.0.0.1:20006\n');
    expect(config).toContain('audio_source aufile,/tmp/net/phone/tone-440.wav\n');
    expect(config).toContain('snd_path /tmp/net/phone/recordings\n');
    const modules = config.match(/^module\S* \S+$/gm);
    expect(modules).toEqual([
      'module_path /usr/lib/baresip/modules',
      'module g711.so',
      'module sndfile.so',
      'module aufile.so',
      'module_tmp account.so',
      'module_app menu.so',
      'module_app ctrl_tcp.so',
    ]);
    expect(config).not.toMatch(/audio_player|alsa/);
  });

  it('refuses what the files cannot hold', () => {
    expect(() => baresipAccounts({ ...values, number: '1001;x=1' })).toThrow(/phone number/);
    expect(() =>
      baresipAccounts({ ...values, credentials: { username: 'a', password: 'with space' } }),
    ).toThrow(/password/);
    expect(() => baresipConfig({ ...values, toneFile: '/tmp/my tones/a.wav' })).toThrow(/tone/);
  });
});
