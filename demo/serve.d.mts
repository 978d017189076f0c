/** Types of `serve.mjs`, for the end-to-end tests that start the demo site. */
import type { Server } from 'node:http';

/**
 * The demo site's HTTP server (not yet listening), embedding widgets of the platform at
 * `platformUrl`; its header links the messenger sandbox at `sandboxUrl` when there is one.
 */
export function createDemoSite(options: {
  platformUrl: string;
  sandboxUrl?: string | undefined;
}): Server;
