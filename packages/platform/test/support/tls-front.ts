/** The TLS front before a platform, for tests (src/front/tls-front.ts: `npm start` runs the same). */
export { type TlsFront, tlsFront } from '@frontdesk/platform';
