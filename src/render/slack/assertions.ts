/**
 * Slack's Block Kit limits as zod schemas: the renderer checks its own output with them and tests
 * check every message a fake Slack receives. A message that fails them is a renderer bug.
 */
import { z } from 'zod';

/** The limits, from Slack's Block Kit reference, and one budget of our own. */
export const SLACK_LIMITS = {
  blocks: 50,
  sectionText: 3000,
  headerText: 150,
  contextElements: 10,
  contextText: 3000,
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  buttonUrl: 3000,
  actionId: 255,
  /** The top-level `text` (notifications, fallback): Slack advises at most 4,000 characters. */
  messageText: 4000,
  /**
   * All text across a message's blocks. Slack does not document it, but rejects messages with
   * `msg_blocks_too_long` from about 11,000-13,000 characters (slackapi/bolt-js#2509, #2867).
   */
  blocksText: 8000,
} as const;

const mrkdwn = (max: number) => z.strictObject({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().exactOptional() });
const plainText = (max: number) => z.strictObject({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().exactOptional() });

const HeaderBlock = z.strictObject({ type: z.literal('header'), text: plainText(SLACK_LIMITS.headerText) });
const SectionBlock = z.strictObject({ type: z.literal('section'), text: mrkdwn(SLACK_LIMITS.sectionText) });
const ContextBlock = z.strictObject({
  type: z.literal('context'),
  elements: z.array(mrkdwn(SLACK_LIMITS.contextText)).min(1).max(SLACK_LIMITS.contextElements),
});
const DividerBlock = z.strictObject({ type: z.literal('divider') });
const Button = z.strictObject({
  type: z.literal('button'),
  action_id: z.string().min(1).max(SLACK_LIMITS.actionId),
  text: plainText(SLACK_LIMITS.buttonText),
  value: z.string().max(SLACK_LIMITS.buttonValue),
  style: z.enum(['primary', 'danger']).exactOptional(),
});
/** A button that opens a web page: Slack still sends the click to the app, which acknowledges it. */
const LinkButton = z.strictObject({
  type: z.literal('button'),
  action_id: z.string().min(1).max(SLACK_LIMITS.actionId),
  text: plainText(SLACK_LIMITS.buttonText),
  url: z.url({ protocol: /^https?$/ }).max(SLACK_LIMITS.buttonUrl),
});
const ActionsBlock = z.strictObject({
  type: z.literal('actions'),
  elements: z
    .array(z.union([Button, LinkButton]))
    .min(1)
    .max(SLACK_LIMITS.actionsElements),
});

/** One block of the kinds Sitrep sends. */
export const SlackBlock = z.discriminatedUnion('type', [HeaderBlock, SectionBlock, ContextBlock, DividerBlock, ActionsBlock]);
/** One block of the kinds Sitrep sends. */
export type SlackBlock = z.output<typeof SlackBlock>;

/** Every piece of text in a block, for the message-wide budget. */
export function blockText(b: SlackBlock): string[] {
  switch (b.type) {
    case 'header':
    case 'section':
      return [b.text.text];
    case 'context':
      return b.elements.map((e) => e.text);
    case 'actions':
      return b.elements.map((e) => e.text.text);
    case 'divider':
      return [];
  }
}

/** A message as `chat.postMessage`, `respond()` and `ack()` take it. */
export const SlackMessage = z
  .strictObject({
    text: z.string().min(1).max(SLACK_LIMITS.messageText),
    blocks: z.array(SlackBlock).min(1).max(SLACK_LIMITS.blocks),
  })
  .refine((m) => m.blocks.flatMap(blockText).reduce((n, t) => n + t.length, 0) <= SLACK_LIMITS.blocksText, {
    message: `blocks carry more than ${SLACK_LIMITS.blocksText} characters of text`,
    path: ['blocks'],
  });
/** A message as `chat.postMessage`, `respond()` and `ack()` take it. */
export type SlackMessage = z.output<typeof SlackMessage>;

/** Where a message breaks Slack's limits, one line per problem; empty when it fits. */
export function slackLimitProblems(message: unknown): string[] {
  const r = SlackMessage.safeParse(message);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`);
}
