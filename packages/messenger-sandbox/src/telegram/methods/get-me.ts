import type { UserFromGetMe } from '@grammyjs/types';
import type { MethodCall } from './method-call';

/** getMe: the bot as a user, with the capabilities only getMe reports (all off here). */
export function getMe({ state }: MethodCall): UserFromGetMe {
  return {
    id: state.bot.id,
    is_bot: true,
    first_name: state.bot.firstName,
    username: state.bot.username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
