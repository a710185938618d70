/** Subjects: `briefings/<name>/` with a validated `briefing.yaml` and an `articles/` folder. */
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Topic } from '../core/model.js';
import { err, ok, type Result } from '../core/result.js';
import { loadArticlesDir, type LoadedArticles } from './articles.js';

/** The folder of bundled subjects, found from this file so the bin works from any directory. */
export const BRIEFINGS_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../briefings');

const TopicTerms = z.array(z.string().min(1)).min(1);
const TopicLong = z.object({ label: z.string().min(1).optional(), terms: TopicTerms });
const BriefingYaml = z.object({
  title: z.string().min(1),
  command: z.string().regex(/^[a-z0-9_-]{1,32}$/, 'lower-case letters, digits, - or _, at most 32').optional(),
  topics: z.record(z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and -'), z.union([TopicTerms, TopicLong])).default({}),
  sources: z.record(z.string(), z.object({ outlet: z.string().optional(), url: z.url().optional(), published: z.string().optional() })).default({}),
});

/** A subject loaded from disk. */
export interface Subject extends LoadedArticles {
  name: string;
  title: string;
  command: string;
  topics: Topic[];
}

const labelOf = (name: string): string => name.split('-').map((w) => (w.length <= 2 ? w.toUpperCase() : `${w.charAt(0).toUpperCase()}${w.slice(1)}`)).join(' ');

/** Names of the bundled subjects. */
export async function listSubjects(root = BRIEFINGS_DIR): Promise<string[]> {
  try {
    const entries = await readdir(root, { withFileTypes: true });
    return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
  } catch {
    return [];
  }
}

/** Loads `briefings/<name>/`; every problem in briefing.yaml is reported with its path. */
export async function loadSubject(name: string, root = BRIEFINGS_DIR): Promise<Result<Subject, string>> {
  const known = await listSubjects(root);
  if (!known.includes(name)) return err(`No subject '${name}'. Known subjects: ${known.join(', ') || 'none'}.`);
  const dir = join(root, name);
  let raw: unknown;
  try {
    raw = parseYaml(await readFile(join(dir, 'briefing.yaml'), 'utf8'));
  } catch (e) {
    return err(`${join(dir, 'briefing.yaml')}: ${(e as Error).message.split('\n')[0] ?? 'cannot be read'}`);
  }
  const parsed = BriefingYaml.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(top)'}: ${i.message}`);
    return err(`${join(dir, 'briefing.yaml')} has ${lines.length} problem${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`);
  }
  const y = parsed.data;
  const topics: Topic[] = Object.entries(y.topics).map(([t, v]) => (Array.isArray(v) ? { name: t, label: labelOf(t), terms: v } : { name: t, label: v.label ?? labelOf(t), terms: v.terms }));
  const loaded = await loadArticlesDir(join(dir, 'articles'), y.sources);
  if (!loaded.ok) return loaded;
  return ok({ name, title: y.title, command: y.command ?? name, topics, ...loaded.value });
}
