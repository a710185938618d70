/**
 * Discord's limits as zod schemas: the renderer checks every message against them before it is
 * sent, and tests check every message they see. Lengths are UTF-16 units, never fewer than the
 * characters Discord counts, so a message that passes here passes there.
 */
import { z } from 'zod';

/** Discord's documented limits on messages, embeds, components and commands. */
export const LIMITS = {
  content: 2000,
  embeds: 10,
  embedTotal: 6000,
  title: 256,
  description: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  actionRows: 5,
  buttons: 5,
  buttonLabel: 80,
  customId: 100,
  buttonUrl: 512,
  choices: 25,
  choiceName: 100,
  choiceValue: 100,
  commandName: 32,
  commandDescription: 100,
  options: 25,
} as const;

const text = (max: number): z.ZodString => z.string().min(1).max(max);

/** One embed: each part within its own limit (the 6000 total is a message's concern). */
export const EmbedSchema = z.strictObject({
  title: text(LIMITS.title).optional(),
  description: text(LIMITS.description).optional(),
  url: z.url().optional(),
  color: z.number().int().min(0).max(0xffffff).optional(),
  fields: z
    .array(z.strictObject({ name: text(LIMITS.fieldName), value: text(LIMITS.fieldValue), inline: z.boolean().optional() }))
    .max(LIMITS.fields)
    .optional(),
  footer: z.strictObject({ text: text(LIMITS.footer) }).optional(),
});

/** A button that sends an interaction back (styles 1-4; link buttons are not used). */
const ButtonSchema = z.strictObject({
  type: z.literal(2),
  style: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
  label: text(LIMITS.buttonLabel),
  custom_id: text(LIMITS.customId),
});

/** A link button (style 5): it opens `url` and sends Discord nothing. */
const LinkButtonSchema = z.strictObject({
  type: z.literal(2),
  style: z.literal(5),
  label: text(LIMITS.buttonLabel),
  url: z.url({ protocol: /^https?$/ }).max(LIMITS.buttonUrl),
});

const ActionRowSchema = z.strictObject({
  type: z.literal(1),
  components: z
    .array(z.union([ButtonSchema, LinkButtonSchema]))
    .min(1)
    .max(LIMITS.buttons),
});

/** The characters Discord counts towards an embed's share of the 6000. */
export function embedLength(e: z.infer<typeof EmbedSchema>): number {
  const fields = (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);
  return (e.title?.length ?? 0) + (e.description?.length ?? 0) + fields + (e.footer?.text.length ?? 0);
}

/** A whole message as Sitrep sends it: mentions always disabled, so no article text can ping anyone. */
export const MessageSchema = z
  .strictObject({
    content: text(LIMITS.content).optional(),
    embeds: z.array(EmbedSchema).max(LIMITS.embeds),
    components: z.array(ActionRowSchema).max(LIMITS.actionRows).optional(),
    allowed_mentions: z.strictObject({ parse: z.tuple([]) }),
  })
  .refine((m) => m.content !== undefined || m.embeds.length > 0, { message: 'a message needs content or an embed' })
  .refine((m) => m.embeds.reduce((n, e) => n + embedLength(e), 0) <= LIMITS.embedTotal, {
    message: `embeds exceed ${String(LIMITS.embedTotal)} characters in all`,
    path: ['embeds'],
  });

/** A message payload: what the renderer returns and the adapter sends. */
export type DiscordMessage = z.infer<typeof MessageSchema>;
/** One embed of a message. */
export type DiscordEmbed = z.infer<typeof EmbedSchema>;
/** A row of buttons. */
export type DiscordActionRow = z.infer<typeof ActionRowSchema>;

/** Autocomplete's answer: at most 25 choices. */
export const ChoicesSchema = z.array(z.strictObject({ name: text(LIMITS.choiceName), value: z.string().max(LIMITS.choiceValue) })).max(LIMITS.choices);

const NAME = /^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u;

const OptionSchema = z.strictObject({
  type: z.number().int(),
  name: z.string().regex(NAME, 'lower-case letters, digits, - and _, at most 32'),
  description: text(LIMITS.commandDescription),
  required: z.boolean().optional(),
  autocomplete: z.boolean().optional(),
  max_length: z.number().int().min(1).max(6000).optional(),
  choices: z
    .array(z.strictObject({ name: text(LIMITS.choiceName), value: z.string().max(LIMITS.choiceValue) }))
    .max(LIMITS.choices)
    .optional(),
});

/** A chat-input command as registered: name rules, descriptions and at most 25 options. */
export const CommandSchema = z.strictObject({
  type: z.literal(1),
  name: z.string().regex(NAME, 'lower-case letters, digits, - and _, at most 32'),
  description: text(LIMITS.commandDescription),
  options: z.array(OptionSchema).max(LIMITS.options),
});

/** A command definition, as sent to Discord. */
export type CommandDefinition = z.infer<typeof CommandSchema>;

/** Every way `value` breaks `schema`, one line each with its path; empty when it fits. */
export function limitProblems(schema: z.ZodType, value: unknown): string[] {
  const r = schema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`);
}
