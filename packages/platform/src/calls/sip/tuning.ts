/** Limits and timings of the SIP edge; tests lower some. */
export interface SipEdgeTuning {
  /** Lifetime of a visitor's credential (≤ 5 minutes). */
  visitorTtlMs: number;
  /** Lifetime of an operator's credential; the softphone fetches a new one before it ends. */
  operatorTtlMs: number;
  ringTimeoutMs: number;
  maxCallSeconds: number;
  maxRegisterExpires: number;
  floodRequestsPer10s: number;
  handshakesPerMinute: number;
  callsPerCredentialPerMinute: number;
  /** How often the tables are compared with the database (changes made by other processes). */
  resyncIntervalMs: number;
  /** First and longest wait before restarting a Kamailio or an rtpengine that died. */
  restartBackoffMs: [number, number];
  /** Kamailio's log level (1 notices, 2 info, 3 debug). */
  logLevel: number;
  /** rtpengine's log level (syslog's: 5 notices, 6 info, 7 debug). */
  mediaLogLevel: number;
}

/** The default tuning. */
export const DEFAULT_TUNING: SipEdgeTuning = {
  visitorTtlMs: 5 * 60_000,
  operatorTtlMs: 60 * 60_000,
  ringTimeoutMs: 60_000,
  maxCallSeconds: 4 * 3600,
  maxRegisterExpires: 600,
  floodRequestsPer10s: 200,
  handshakesPerMinute: 60,
  callsPerCredentialPerMinute: 6,
  resyncIntervalMs: 30_000,
  restartBackoffMs: [500, 30_000],
  logLevel: 1,
  mediaLogLevel: 5,
};
