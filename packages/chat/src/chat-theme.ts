/**
 * The chat's look as theme tokens: its button colour is the primary colour (launcher, header,
 * Send), the light or dark theme the body colour.
 */
import type { PublicChatConfig } from '@frontdesk/config';
import type { ThemeLook } from '@frontdesk/core';

/** The body colour of the `theme`. */
export function chatSecondary(theme: 'light' | 'dark'): string {
  return theme === 'dark' ? '#1f2430' : '#ffffff';
}

/** The tokens' input for the chat's `look`. */
export function chatTheme(
  look: Pick<PublicChatConfig['appearance'], 'buttonColor' | 'theme'>,
): ThemeLook {
  return {
    primaryColor: look.buttonColor,
    secondaryColor: chatSecondary(look.theme),
    shape: 'rounded',
  };
}
