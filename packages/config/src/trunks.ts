/** SIP trunks as the admin API answers them (`/v1/admin/trunks`, admins only). */
import type { SecretState } from './secret';

/** How a trunk's SIP travels. */
export type TrunkTransport = 'udp' | 'tcp' | 'tls';

/**
 * Where a trunk's registration with its provider stands, as the SIP edge's Kamailio (uac module)
 * tells it now; read-only.
 */
export type TrunkRegistration =
  /** The trunk does not register. */
  | { state: 'off' }
  /** Not known yet: the first REGISTER is on its way, or the SIP edge is not running. */
  | { state: 'pending' }
  | { state: 'registered' }
  /**
   * The provider refused it or did not answer; the edge tries again every 30 s. `credentials`:
   * the username and password were refused; `refused`: it answered `sipCode`; `no_answer`: none.
   */
  | { state: 'failed'; reason: 'credentials' | 'refused' | 'no_answer'; sipCode: number | null };

/** An account's SIP trunk: the way out to the telephone network (a provider or a PBX). */
export interface AdminTrunk {
  id: string;
  accountId: string;
  name: string;
  /** The provider's SIP proxy. */
  host: string;
  port: number;
  transport: TrunkTransport;
  /** The digest username. */
  username: string;
  /** Whether a password is stored: the password itself never leaves the platform. */
  password: SecretState;
  /** Whether the edge registers with the provider. */
  register: boolean;
  /** E.164 presented as the caller when the call widget names none; null: the username. */
  callerId: string | null;
  /** Where the caller id goes: the From header, or a P-Asserted-Identity beside it. */
  callerIdHeader: 'from' | 'pai';
  /** The most calls through it at once. */
  maxCalls: number;
  /** The country calling codes it may dial (`7`, `375`, …). */
  destinations: string[];
  /** Where its registration stands (read-only; `off` when it does not register). */
  registration: TrunkRegistration;
  createdAt: number;
  updatedAt: number;
}

/** `GET /v1/admin/trunks`: the account's trunks, oldest first. */
export interface TrunksAnswer {
  trunks: AdminTrunk[];
}
