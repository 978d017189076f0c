import type { PlatformEnv } from '../../env';

/**
 * The https base the messengers' webhooks reach (Viber, Facebook): PUBLIC_URL for now; the one
 * place to switch when the platform gets a setting of its own for it.
 */
export function webhookBase(env: Pick<PlatformEnv, 'publicUrl'>): string {
  return env.publicUrl;
}
