import { describe, expect, it } from 'vitest';
import { cronOf, describeSchedule, nextRun, parseCron, runsBetween } from '../../src/schedule/cron.js';
import { canonicalZone, instantsOf, suggestZones } from '../../src/schedule/wall-clock.js';

const iso = (t: number | undefined): string | undefined => (t === undefined ? undefined : new Date(t).toISOString());
const NY = 'America/New_York';

describe('runs of a schedule in a time zone', () => {
  it.each([
    [
      'daily 08:00 across the March change',
      '0 8 * * *',
      NY,
      '2025-03-08T00:00Z',
      '2025-03-11T00:00Z',
      ['2025-03-08T13:00:00.000Z', '2025-03-09T12:00:00.000Z', '2025-03-10T12:00:00.000Z'],
    ],
    [
      '02:30, skipped on the March change day, at 03:00 EDT',
      '30 2 * * *',
      NY,
      '2025-03-08T00:00Z',
      '2025-03-11T00:00Z',
      ['2025-03-08T07:30:00.000Z', '2025-03-09T07:00:00.000Z', '2025-03-10T06:30:00.000Z'],
    ],
    [
      '01:30, twice on the November change day, once',
      '30 1 * * *',
      NY,
      '2025-11-01T00:00Z',
      '2025-11-04T00:00Z',
      ['2025-11-01T05:30:00.000Z', '2025-11-02T05:30:00.000Z', '2025-11-03T06:30:00.000Z'],
    ],
    [
      'every 20 minutes in the skipped hour: once, when the clocks jump',
      '*/20 2 * * *',
      NY,
      '2025-03-08T20:00Z',
      '2025-03-09T20:00Z',
      ['2025-03-09T07:00:00.000Z'],
    ],
    ['weekdays only', '0 9 * * 1-5', 'UTC', '2025-06-06T00:00Z', '2025-06-10T00:00Z', ['2025-06-06T09:00:00.000Z', '2025-06-09T09:00:00.000Z']],
    [
      'a zone without daylight saving',
      '0 8 * * *',
      'America/Guayaquil',
      '2025-03-08T00:00Z',
      '2025-03-10T00:00Z',
      ['2025-03-08T13:00:00.000Z', '2025-03-09T13:00:00.000Z'],
    ],
  ])('%s', (_name, expression, zone, from, to, expected) => {
    expect(runsBetween(cronOf(expression), zone, Date.parse(from), Date.parse(to)).map(iso)).toEqual(expected);
  });

  it('finds a run years away (29 February) without walking every minute', () => {
    expect(iso(nextRun(cronOf('0 0 29 2 *'), 'UTC', Date.parse('2025-01-01T00:00Z')))).toBe('2028-02-29T00:00:00.000Z');
  });

  it('counts a run at exactly `after` as past, so a sweep never takes it twice', () => {
    expect(iso(nextRun(cronOf('0 8 * * *'), 'UTC', Date.parse('2025-06-10T08:00:00Z')))).toBe('2025-06-11T08:00:00.000Z');
  });
});

describe('wall-clock times', () => {
  it('finds two instants for a repeated time and none for a skipped one', () => {
    expect(instantsOf(Date.UTC(2025, 10, 2, 1, 30), NY).map(iso)).toEqual(['2025-11-02T05:30:00.000Z', '2025-11-02T06:30:00.000Z']);
    expect(instantsOf(Date.UTC(2025, 2, 9, 2, 30), NY)).toEqual([]);
  });

  it.each([
    ['america/new_york', 'America/New_York'],
    ['UTC', 'UTC'],
    ['Mars/Olympus', undefined],
    ['', undefined],
  ])('spells the zone %j as %j', (given, expected) => {
    expect(canonicalZone(given)).toBe(expected);
  });

  it('suggests a zone for a misspelt city', () => {
    expect(suggestZones('America/Guayakil')).toEqual(['America/Guayaquil']);
    expect(suggestZones('New York')).toEqual(['America/New_York']);
  });
});

describe('cron expressions', () => {
  it.each([
    ['0 8 * *', 'expected five fields (minute hour day-of-month month day-of-week), as in "0 8 * * 1-5"; got "0 8 * *"'],
    ['0 0 8 * * *', 'expected five fields (minute hour day-of-month month day-of-week), as in "0 8 * * 1-5"; got "0 0 8 * * *"'],
    ['@daily', 'expected five fields (minute hour day-of-month month day-of-week), as in "0 8 * * 1-5"; got "@daily"'],
    ['0 25 * * *', 'hour: 25 is an invalid expression for hour in "0 25 * * *"'],
    ['0 8 L * *', 'L, W and # are not supported here; use numbers, ranges (1-5), steps (*/2) and lists (1,15); got "0 8 L * *"'],
  ])('refuses %j: %s', (expression, message) => {
    expect(parseCron(expression)).toEqual({ ok: false, message });
  });

  it.each([
    ['0 8 * * *', 'daily 08:00'],
    ['30 7 * * 1-5', 'weekdays 07:30'],
    ['0 * * * *', 'cron "0 * * * *"'],
  ])('describes %j as %j', (expression, words) => {
    expect(describeSchedule(expression)).toBe(words);
  });
});
