/** Reads `sitrep.yaml` once, at start: every YAML and schema problem at once, each with its path. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { err, ok, type Result } from '../core/result.js';
import { describeIssues } from '../schema/issues.js';
import { readYaml } from '../schema/yaml.js';
import { configSchema, type Known, type SitrepConfig } from './sitrep-config.js';
import { plural } from '../core/text.js';

/** The committed default, found from this file (src/config or dist/config) so any working directory works. */
export const DEFAULT_CONFIG_FILE = fileURLToPath(new URL('../../config/sitrep.yaml', import.meta.url));

/** Why the config cannot be used: the file, and one line per problem (`digests[0].time: expected ...`). */
export interface ConfigError {
  code: 'no-config' | 'bad-yaml' | 'invalid';
  file: string;
  problems: string[];
}

/** The error in words, for stderr: a heading and the problems, indented. */
export const describeConfigError = (e: ConfigError): string =>
  e.code === 'no-config' ? e.problems.join('\n') : `${e.file} has ${plural(e.problems.length, 'problem')}:\n${e.problems.map((p) => `  ${p}`).join('\n')}`;

/** Validates already-parsed YAML (tests and `doctor` give it directly). */
function parseConfig(raw: unknown, known: Known, file = 'sitrep.yaml'): Result<SitrepConfig, ConfigError> {
  const r = configSchema(known).safeParse(raw ?? {});
  if (r.success) return ok(r.data);
  return err({ code: 'invalid', file, problems: describeIssues(r.error) });
}

/** Reads and validates the config at `file`. */
export async function loadConfig(file: string, known: Known): Promise<Result<SitrepConfig, ConfigError>> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'unreadable';
    return err({
      code: 'no-config',
      file,
      problems: [`Cannot read the config ${file} (${code}). Give an existing file with --config FILE or SITREP_CONFIG, or restore config/sitrep.yaml.`],
    });
  }
  return configFromText(text, known, file);
}

/** Reads and validates a config's text; `file` names it in problems. Never throws. */
export function configFromText(text: string, known: Known, file = 'sitrep.yaml'): Result<SitrepConfig, ConfigError> {
  // Long integers (Discord channel ids) stay exact as bigint.
  const values = readYaml(text, { intAsBigInt: true });
  if (!values.ok) return err({ code: 'bad-yaml', file, problems: values.error });
  return parseConfig(values.value, known, file);
}
