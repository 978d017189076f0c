/**
 * Write-only secrets (messenger bot tokens now; other credentials later), kept out of the
 * settings JSON that every role reads: one row per owner and name. The chat widgets' bot tokens
 * move here from their settings. Same conventions as 001.
 */
import type { Kysely } from 'kysely';

/** The tokens the chat settings held until now, by their channel. */
const TOKEN_CHANNELS = ['telegram', 'viber'] as const;

interface Rows {
  widgets: { id: string; type: string; settings: string; updated_at: number };
  secrets: {
    owner_kind: string;
    owner_id: string;
    name: string;
    value: string;
    updated_at: number;
  };
}

/** Creates `secrets` and moves the bot tokens into it. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('secrets')
    // What owns the secret ('widget' now), and its id.
    .addColumn('owner_kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.notNull())
    // Where the secret sits in its owner's settings, e.g. `channels.telegram.botToken`.
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('secrets_pkey', ['owner_kind', 'owner_id', 'name'])
    .execute();

  const rows = db as unknown as Kysely<Rows>;
  const chats = await rows
    .selectFrom('widgets')
    .select(['id', 'settings', 'updated_at'])
    .where('type', '=', 'chat')
    .execute();
  for (const widget of chats) {
    const settings = JSON.parse(widget.settings) as {
      channels?: Record<string, { botToken?: unknown } | null>;
    };
    let moved = false;
    for (const channel of TOKEN_CHANNELS) {
      const settingsOf = settings.channels?.[channel];
      if (!settingsOf || !('botToken' in settingsOf)) continue;
      if (typeof settingsOf.botToken === 'string') {
        await rows
          .insertInto('secrets')
          .values({
            owner_kind: 'widget',
            owner_id: widget.id,
            name: `channels.${channel}.botToken`,
            value: settingsOf.botToken,
            updated_at: widget.updated_at,
          })
          .execute();
      }
      delete settingsOf.botToken;
      moved = true;
    }
    if (moved) {
      await rows
        .updateTable('widgets')
        .set({ settings: JSON.stringify(settings) })
        .where('id', '=', widget.id)
        .execute();
    }
  }
}
