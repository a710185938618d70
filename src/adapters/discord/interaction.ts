/** The parts of a Discord interaction the bot reads, validated: a request's body is data, not a promise of shape. */
import { InteractionType } from 'discord.js';
import { z } from 'zod';
import type { Allowed, CommandContext } from '../../service/chat.js';

const OptionSchema = z.looseObject({
  name: z.string(),
  type: z.number(),
  value: z.union([z.string(), z.number(), z.boolean()]).optional(),
  focused: z.boolean().optional(),
});

/** An interaction as Discord sends it (over HTTP or the gateway), reduced to what is used. */
export const InteractionSchema = z.looseObject({
  id: z.string(),
  application_id: z.string(),
  /** Known types by name; a type newer than this code reads as `undefined` and is declined politely. */
  type: z.enum(InteractionType).or(
    z
      .number()
      .int()
      .transform(() => undefined),
  ),
  token: z.string(),
  channel_id: z.string().optional(),
  /** In a server: the member, with their permissions in this channel (a bitfield as a decimal string). */
  member: z.looseObject({ user: z.looseObject({ id: z.string() }), permissions: z.string().optional() }).optional(),
  /** In a DM: the user. */
  user: z.looseObject({ id: z.string() }).optional(),
  data: z
    .looseObject({
      name: z.string().optional(),
      custom_id: z.string().optional(),
      options: z.array(OptionSchema).optional(),
    })
    .optional(),
});

/** A validated interaction. */
export type Interaction = z.infer<typeof InteractionSchema>;

/** A string option's value, as given. */
export function stringOption(i: Interaction, name: string): string | undefined {
  const value = i.data?.options?.find((o) => o.name === name)?.value;
  return typeof value === 'string' ? value : undefined;
}

/** The option the user is typing in, for autocomplete. */
export const focusedOption = (i: Interaction): { name: string; value: string } | undefined => {
  const o = i.data?.options?.find((x) => x.focused);
  return o ? { name: o.name, value: typeof o.value === 'string' ? o.value : String(o.value ?? '') } : undefined;
};

/** Discord's MANAGE_CHANNELS permission bit. */
const MANAGE_CHANNELS = 1n << 4n;

/** Who sent the interaction and where, for the chat commands (subscriptions, permissions). */
export function commandContext(i: Interaction): CommandContext {
  const permissions = i.member?.permissions;
  // Discord's rule: members who may manage the channel (the interaction's `member.permissions` has MANAGE_CHANNELS).
  const canManage = permissions !== undefined && /^\d+$/.test(permissions) && (BigInt(permissions) & MANAGE_CHANNELS) !== 0n;
  const allowed: Allowed = canManage ? { ok: true } : { ok: false, who: 'members who can manage this channel (Manage Channels)' };
  return {
    platform: 'discord',
    channel: i.channel_id ?? '',
    user: i.member?.user.id ?? i.user?.id ?? '',
    mayChangeDigests: () => Promise.resolve(allowed),
  };
}
