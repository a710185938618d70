/** The variables that point a bot's Slack and Discord at the loopback fakes. */
import { APP_ID, type FakeDiscord } from '../adapters/discord/fake-discord.js';
import type { FakeSlack } from '../adapters/slack/fake-slack.js';
import { SECRET } from '../adapters/slack/requests.js';

/** Slack's and Discord's variables for the fakes, on any port and host; `extra` adds or overrides. */
export const fakePlatformVariables = (slack: FakeSlack, discord: FakeDiscord, extra: Record<string, string> = {}): Record<string, string> => ({
  PORT: '0',
  HOST: '127.0.0.1',
  SLACK_BOT_TOKEN: 'xoxb-test',
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: slack.apiUrl,
  DISCORD_APPLICATION_ID: APP_ID,
  DISCORD_PUBLIC_KEY: 'a'.repeat(64),
  DISCORD_TOKEN: 'bot-token',
  DISCORD_API_URL: discord.api,
  ...extra,
});
