/** The "Share in channel" button carries the command and its text, so sharing re-answers the same question. */
import { z } from 'zod';
import { MAX_COMMAND_TEXT } from '../../service/commands.js';

/** What a share button asks for: a subject's command (without the slash) and the text after it. */
export interface ShareTarget {
  command: string;
  text: string;
}

const Value = z.strictObject({ c: z.string().min(1).max(40), q: z.string().max(MAX_COMMAND_TEXT) });

/** The button's value, well under Slack's 2,000 characters. */
export const shareValue = (t: ShareTarget): string => JSON.stringify({ c: t.command.replace(/^\//, ''), q: t.text.trim().replace(/\s+/g, ' ') });

/** The target of a pressed button, or undefined when the value is not one of ours. */
export function parseShare(value: string | undefined): ShareTarget | undefined {
  if (!value) return undefined;
  try {
    const r = Value.safeParse(JSON.parse(value));
    return r.success ? { command: r.data.c, text: r.data.q } : undefined;
  } catch {
    return undefined;
  }
}
