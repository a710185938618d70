/** The eval table: one row per article set, from score.mjs's JSON report, and the floor check. */

/** The scores the table shows and the floors keep, by column name. */
export type Scores = Record<string, number | null>;

/** One scored set. */
export interface Row {
  set: string;
  scores: Scores;
}

/** Per set, the worst each score may be. */
export type Floors = Record<string, Scores>;

interface Column {
  name: string;
  /** Where the value is in score.mjs's report. */
  path: [string, string];
  /** Counts where fewer is better (duplicates, noise); the rest are ratios where more is better. */
  lowerIsBetter?: boolean;
}

const COLUMNS: Column[] = [
  { name: 'fig R', path: ['figures', 'recall'] },
  { name: 'fig P', path: ['figures', 'precision'] },
  { name: 'label_ok', path: ['figures', 'label_ok'] },
  { name: 'fig dups', path: ['figures', 'duplicates'], lowerIsBetter: true },
  { name: 'key_top4', path: ['figures', 'key_top4'] },
  { name: 'period', path: ['figures', 'period_right'] },
  { name: 'conf R', path: ['conflicts', 'recall'] },
  { name: 'conf P', path: ['conflicts', 'precision'] },
  { name: 'actors R', path: ['actors', 'recall_core'] },
  { name: 'actors P', path: ['actors', 'precision'] },
  { name: 'actor dups', path: ['actors', 'duplicates'], lowerIsBetter: true },
  { name: 'q R', path: ['questions', 'recall'] },
  { name: 'q P', path: ['questions', 'precision'] },
  { name: 'noise', path: ['quotes', 'noise'], lowerIsBetter: true },
  { name: 'grounded', path: ['quotes', 'grounded_rate'] },
];

/** A row from score.mjs's `--json` report. */
export function rowOf(set: string, report: Record<string, Record<string, unknown>>): Row {
  const scores: Scores = {};
  for (const c of COLUMNS) {
    const v = report[c.path[0]]?.[c.path[1]];
    scores[c.name] = typeof v === 'number' ? v : null;
  }
  return { set, scores };
}

const show = (v: number | null | undefined): string => (v === null || v === undefined ? '–' : String(Math.round(v * 100) / 100));

/** The rows as a markdown table. */
export function table(rows: Row[]): string {
  const head = ['set', ...COLUMNS.map((c) => c.name)];
  const body = rows.map((r) => [r.set, ...COLUMNS.map((c) => show(r.scores[c.name]))]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => (b[i] ?? '').length)));
  const line = (cells: string[]): string => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...body.map(line)].join('\n');
}

/** Each score that is worse than its floor, worded for the CI log. A set with no floors is not checked. */
export function checkFloors(rows: Row[], floors: Floors): string[] {
  const out: string[] = [];
  for (const r of rows) {
    const f = floors[r.set];
    if (!f) continue;
    for (const c of COLUMNS) {
      const floor = f[c.name];
      if (floor === null || floor === undefined) continue;
      const v = r.scores[c.name];
      const worse = v === null || v === undefined || (c.lowerIsBetter ? v > floor : v < floor);
      if (worse) out.push(`${r.set}: ${c.name} is ${show(v)}, floor ${show(floor)}`);
    }
  }
  return out;
}
