/**
 * The Studio's check of a VK community token against the sandbox's VK (groups.getById): the
 * community's name and short name for the token typed or the one stored on the widget (which
 * the Studio never sees); `invalidAuthToken` naming the field for a token VK refuses (error 5).
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../../support/databases';
import { vkSuite, vkWidget } from '../../support/vk';

describe.each(engines.filter((engine) => engine.name === 'sqlite'))(
  'VK token check on $name',
  (engine) => {
    const suite = vkSuite(engine);
    const check = async (body: object) => {
      const marketer = await suite.t.signIn('marketer');
      return marketer('/v1/admin/bot-check', { method: 'POST', body: JSON.stringify(body) });
    };

    it('names the community of the token typed, or of the one stored', async () => {
      const { widget, community } = await vkWidget(suite);
      const typed = await check({ channel: 'vk', token: community.token });
      expect(typed.status).toBe(200);
      expect(await typed.json()).toEqual({ name: 'Shop', handle: community.screenName });
      const stored = await check({ channel: 'vk', widget: widget.id });
      expect(await stored.json()).toEqual({ name: 'Shop', handle: community.screenName });
    });

    it('answers invalidAuthToken for a token VK refuses, and names the field of a malformed one', async () => {
      const refused = await check({ channel: 'vk', token: 'vk1.a.no-community-has-this-token' });
      expect(refused.status).toBe(400);
      expect(await refused.json()).toMatchObject({
        error: { code: 'invalidAuthToken', field: 'token' },
      });
      const malformed = await check({ channel: 'vk', token: 'a b' });
      expect(malformed.status).toBe(400);
      expect(await malformed.json()).toMatchObject({ error: { field: 'token' } });
    });
  },
);
