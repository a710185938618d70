import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/core/articles/parse.js';
import { brief, buildSet } from '../../src/core/briefing/set.js';

const dir = join(import.meta.dirname, '../../briefings/ecuador/articles');
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.txt'))
  .sort();
const texts = new Map(files.map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
const set = buildSet({
  title: 'Ecuador',
  topics: [{ name: 'homicides', label: 'Homicides', terms: ['homicide', 'murder', 'crime'] }],
  articles: files.map((f) => parseArticle(f, texts.get(f) ?? '')),
});
const overview = brief(set);
if (!overview.ok) throw new Error('overview failed');
const b = overview.value;

describe('the bundled article set', () => {
  it('flags the 2024 homicide rate as a contradiction between three sources', () => {
    const c = b.conflicts.find((x) => x.metric === 'homicide rate' && x.period === '2024');
    expect(c?.kind).toBe('contradiction');
    expect(c?.values.map((v) => v.value).sort()).toEqual([36.18, 38, 38.76]);
  });

  it('flags that one source has Noboa taking office in October 2023 and another in November 2023', () => {
    const c = b.conflicts.find((x) => x.about === 'date');
    expect(c?.metric).toBe('Daniel Noboa took office');
    expect(c?.values.map((v) => [v.text, v.sources])).toEqual([
      ['October 2023', ['003_a4f669fbb39948c1.txt']],
      ['November 2023', ['004_5f90fad844f25562.txt']],
    ]);
    expect(b.conflicts.filter((x) => x.about === 'date')).toHaveLength(1);
    // Found by whom and what it dates, not by the homicide rates in the same clause.
    const noboa = brief(set, 'Noboa office');
    const homicides = brief(set, 'homicides');
    expect(noboa.ok && noboa.value.figures.some((f) => f.unit === 'date')).toBe(true);
    expect(homicides.ok && homicides.value.figures.some((f) => f.unit === 'date')).toBe(false);
  });

  it('gives one figure entry with two sources when two articles report 731 homicides in January 2025', () => {
    const f = b.figures.filter((x) => x.value === 731);
    expect(f).toHaveLength(1);
    expect(f[0]?.period).toBe('January 2025');
    expect(f[0]?.sources.map((s) => s.file)).toHaveLength(2);
  });

  it("merges 'Gonzalez' and 'Luisa González' into one actor", () => {
    const g = b.actors.filter((a) => /gonz[aá]lez/i.test([a.name, ...a.aliases].join(' ')));
    expect(g).toHaveLength(1);
    expect(g[0]?.kind).toBe('person');
  });

  it('quotes every figure, actor and question with an exact substring of its file', () => {
    const all = [...b.figures, ...b.actors, ...b.questions].flatMap((x) => x.sources);
    expect(all.length).toBeGreaterThan(50);
    for (const s of all) expect(texts.get(s.file)).toContain(s.quote);
  });

  it('takes nothing from captions, credits or navigation', () => {
    const all = [...b.figures, ...b.actors, ...b.questions].flatMap((x) => x.sources.map((s) => s.quote));
    for (const q of all) expect(q).not.toMatch(/AP Photo|Courtesy:|Related Posts|^Next$|photo by/);
    expect(b.actors.map((a) => a.name)).not.toContain('Samuel Qin');
  });

  it('keeps only homicide figures for the homicides topic', () => {
    const t = brief(set, 'homicides');
    expect(t.ok && t.value.figures.every((f) => /homicid|crime/i.test(`${f.metric} ${f.sources.map((s) => s.quote).join(' ')}`))).toBe(true);
    expect(t.ok && t.value.figures.length).toBeGreaterThan(8);
  });

  it('answers a misspelt topic with suggestions', () => {
    const r = brief(set, 'homicdes');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.suggestions).toContain('homicides');
  });

  it('answers free text by ranking sentences', () => {
    const r = brief(set, 'banana ports');
    expect(r.ok && r.value.passages?.[0]?.quote).toMatch(/banana/i);
  });
});
