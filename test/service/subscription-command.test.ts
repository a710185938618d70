import { describe, expect, it } from 'vitest';
import { describeSyntaxError, parseSubscriptionCommand, parseTimeOfDay } from '../../src/service/subscription-command.js';

describe('reading subscription commands', () => {
  it.each([
    ['subscribe daily 08:00', { kind: 'subscribe', days: 'daily', hour: 8, minute: 0, topic: undefined, timeZone: undefined }],
    ['subscribe 8:05 homicides', { kind: 'subscribe', days: 'daily', hour: 8, minute: 5, topic: 'homicides', timeZone: undefined }],
    [
      'Subscribe weekdays 17:30 military aid america/guayaquil',
      { kind: 'subscribe', days: 'weekdays', hour: 17, minute: 30, topic: 'military aid', timeZone: 'America/Guayaquil' },
    ],
    ['subscribe daily 7am UTC', { kind: 'subscribe', days: 'daily', hour: 7, minute: 0, topic: undefined, timeZone: 'UTC' }],
    ['unsubscribe', { kind: 'unsubscribe', topic: undefined }],
    ['unsubscribe homicides', { kind: 'unsubscribe', topic: 'homicides' }],
    ['schedule', { kind: 'schedule' }],
  ])('reads %j', (text, command) => {
    expect(parseSubscriptionCommand(text)).toEqual({ ok: true, value: command });
  });

  it.each(['homicides', 'military aid', '', 'topics', 'subscriber numbers'])('leaves %j to the briefing', (text) => {
    expect(parseSubscriptionCommand(text)).toBeUndefined();
  });

  it.each([
    ['subscribe daily', ['Give the time of day to post it, 24-hour, as 08:00.']],
    ['subscribe daily 25:00', ["'25:00' is not a time of day. Write it 24-hour as HH:MM, such as 08:00 or 17:30 (or 8am, 5:30pm)."]],
    ['subscribe daily 8', ["'8' is not a time of day. Write it 24-hour as HH:MM, such as 08:00 or 17:30 (or 8am, 5:30pm)."]],
    ['subscribe daily noon', ["'noon' is not a time of day. Write it 24-hour as HH:MM, such as 08:00 or 17:30 (or 8am, 5:30pm)."]],
    ['subscribe hourly 08:00', ["Digests from chat run daily or on weekdays, not 'hourly'. (Other schedules can be set in config/sitrep.yaml with cron.)"]],
    [
      'subscribe daily 08:00 homicides America/Guayakil',
      ["'America/Guayakil' is not a time zone I know. Did you mean America/Guayaquil? Use an IANA name such as America/Bogota, Europe/Madrid or UTC."],
    ],
    ['subscribe daily 08:00 Mars/Olympus', ["'Mars/Olympus' is not a time zone I know. Use an IANA name such as America/Bogota, Europe/Madrid or UTC."]],
  ])('answers %j clearly, with the usage', (text, lines) => {
    const r = parseSubscriptionCommand(text);
    expect(r?.ok).toBe(false);
    if (!r || r.ok) return;
    expect(describeSyntaxError(r.error, 'ecuador')).toEqual([
      ...lines,
      'Write it as /ecuador subscribe daily 08:00 [topic] [time zone], as in /ecuador subscribe weekdays 07:30 homicides America/Bogota.',
    ]);
  });

  it.each([
    ['08:00', [8, 0]],
    ['8:30', [8, 30]],
    ['23:59', [23, 59]],
    ['12am', [0, 0]],
    ['12pm', [12, 0]],
    ['5:30pm', [17, 30]],
    ['24:00', undefined],
    ['13pm', undefined],
    ['8:5', undefined],
  ])('reads the time %j', (text, expected) => {
    const t = parseTimeOfDay(text);
    expect(t ? [t.hour, t.minute] : undefined).toEqual(expected);
  });
});
