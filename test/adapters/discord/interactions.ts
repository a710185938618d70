/** Interaction payloads as Discord sends them, over HTTP or in a gateway INTERACTION_CREATE. */
import { APP_ID } from './fake-discord.js';

let n = 0;
const GUILD = '300000000000000001';
const CHANNEL = '300000000000000002';
const user = { id: '300000000000000003', username: 'reader', discriminator: '0', global_name: 'Reader', avatar: null };

function base(type: number, data?: object): Record<string, unknown> {
  const id = String(400000000000000000n + BigInt(++n));
  return {
    id,
    application_id: APP_ID,
    type,
    token: `token-${id}`,
    version: 1,
    locale: 'en-US',
    guild_locale: 'en-US',
    guild_id: GUILD,
    channel_id: CHANNEL,
    channel: { id: CHANNEL, type: 0, guild_id: GUILD, name: 'news' },
    member: { user, roles: [], permissions: '0', joined_at: '2025-01-01T00:00:00.000Z', deaf: false, mute: false, flags: 0 },
    app_permissions: '0',
    entitlements: [],
    authorizing_integration_owners: { 0: GUILD },
    context: 0,
    ...(data ? { data } : {}),
  };
}

/** Discord checking the endpoint. */
export const ping = (): Record<string, unknown> => base(1);

/** `/<name> topic:… view:…`. */
export function command(name: string, options: { topic?: string; view?: string } = {}): Record<string, unknown> {
  const opts = Object.entries(options).map(([k, value]) => ({ name: k, type: 3, value }));
  return base(2, { id: '500000000000000001', name, type: 1, ...(opts.length ? { options: opts } : {}) });
}

/** The user typing `typed` in the topic option. */
export const autocomplete = (name: string, typed: string): Record<string, unknown> =>
  base(4, { id: '500000000000000001', name, type: 1, options: [{ name: 'topic', type: 3, value: typed, focused: true }] });

/** A press of the button with `customId`. */
export const button = (customId: string): Record<string, unknown> => ({
  ...base(3, { custom_id: customId, component_type: 2 }),
  message: { id: '600000000000000001', channel_id: CHANNEL, flags: 64 },
});
