/**
 * The part of `negotiator` (jshttp, CommonJS, no types of its own for its 1.x API) the asset
 * routes use: Accept-Encoding negotiation with the server's order of preference for ties.
 */
declare module 'negotiator' {
  export default class Negotiator {
    constructor(request: { headers: Record<string, string | string[] | undefined> });
    /** The offered encodings the request accepts (q > 0), most wanted first. */
    encodings(offered: readonly string[], options?: { preferred?: readonly string[] }): string[];
  }
}
