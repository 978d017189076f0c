/**
 * A phone's baresip configuration (`config` and `accounts` in its own directory): SIP on one
 * loopback port, G.711 only, the tone file as the microphone (`aufile`), what it hears recorded
 * (`sndfile`, one WAV per call and direction), no sound card and no player, and the `menu`
 * commands over `ctrl_tcp`.
 */

/** How a phone picks up, in baresip's terms. */
export type AnswerMode = 'auto' | 'manual';

/** What the files need. */
export interface PhoneConfigValues {
  number: string;
  displayName: string | undefined;
  host: string;
  sipPort: number;
  controlPort: number;
  answerMode: AnswerMode;
  /** The WAV it plays into every call (8 kHz mono 16-bit). */
  toneFile: string;
  /** Where `sndfile` writes `dump-<time>-dec.wav` (heard) and `-enc.wav` (sent). */
  recordingDir: string;
  /** Digest credentials it answers a challenge with (a trunk of the carrier). */
  credentials: { username: string; password: string } | undefined;
  /** How long it rings before giving up on its own, in seconds. */
  ringSeconds: number;
}

/** Numbers are SIP user parts: digits, optionally after a `+`. */
export const NUMBER = /^\+?[0-9]{1,20}$/;
/** baresip's config and account syntax has no quoting: no whitespace, `;`, `,`, `<>` or `"`. */
const PLAIN = /^[^\s;,<>"]+$/;

function plain(what: string, value: string): string {
  if (!PLAIN.test(value)) throw new Error(`${what} must not hold spaces, ; , < > or ": ${value}`);
  return value;
}

/** The `config` file. */
export function baresipConfig(values: PhoneConfigValues): string {
  return [
    '# Written by @frontdesk/phone-network at every start: edit the code, not this file.',
    'poll_method epoll',
    `sip_listen ${values.host}:${values.sipPort}`,
    // Bind to the address itself: with `lo` as the interface baresip 1.0 finds no address.
    `net_interface ${values.host}`,
    `call_local_timeout ${values.ringSeconds}`,
    'call_max_calls 4',
    `audio_source aufile,${plain('The tone file path', values.toneFile)}`,
    // No player: what the phone hears goes only to sndfile's recording.
    'ausrc_srate 8000',
    'ausrc_channels 1',
    'auplay_srate 8000',
    'auplay_channels 1',
    'rtcp_mux no',
    'jitter_buffer_delay 5-10',
    'statmode_default off',
    `snd_path ${plain('The recording directory', values.recordingDir)}`,
    'module_path /usr/lib/baresip/modules',
    'module g711.so',
    'module sndfile.so',
    'module aufile.so',
    'module_tmp account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    `ctrl_tcp_listen ${values.host}:${values.controlPort}`,
    '',
  ].join('\n');
}

/** The `accounts` file: one account, never registering. */
export function baresipAccounts(values: PhoneConfigValues): string {
  if (!NUMBER.test(values.number)) throw new Error(`Not a phone number: ${values.number}`);
  const name =
    values.displayName === undefined ? '' : `"${values.displayName.replaceAll(/["\\\r\n]/g, '')}" `;
  const parameters = [`regint=0`, `answermode=${values.answerMode}`];
  if (values.credentials) {
    parameters.push(
      `auth_user=${plain('A trunk username', values.credentials.username)}`,
      `auth_pass=${plain('A trunk password', values.credentials.password)}`,
    );
  }
  return `${name}<sip:${values.number}@${values.host}:${values.sipPort}>;${parameters.join(';')}\n`;
}
