/** Reading a YAML file's text into plain values, with every problem said in one line each. */
import { parseDocument, type DocumentOptions, type ParseOptions, type SchemaOptions, type ToJSOptions } from 'yaml';
import { err, ok, type Result } from '../core/result.js';

/**
 * The values of a YAML text, or its problems, one line each with the line number. An alias bomb
 * (aliases that expand past the parser's limit) is a problem like any other, not a thrown error.
 */
export function readYaml(text: string, options: ParseOptions & DocumentOptions & SchemaOptions & ToJSOptions = {}): Result<unknown, string[]> {
  const doc = parseDocument(text, options);
  // yaml's first line ends "at line L, column C:" before a quote of the text: the line is said first instead.
  if (doc.errors.length)
    return err(
      doc.errors.map(
        (e) =>
          `line ${String(e.linePos?.[0].line ?? 0)}: ` +
          (e.message.split('\n')[0] ?? e.code).replace(/\s+at line \d+, column \d+:?\s*$/, '').replace(/:\s*$/, ''),
      ),
    );
  try {
    return ok(doc.toJS(options));
  } catch (e) {
    // yaml throws a ReferenceError when aliases expand past `maxAliasCount` (100 by default).
    const why = e instanceof Error ? e.message : String(e);
    return err([`refused: its aliases (*name) expand too far, as in an alias bomb (${why})`]);
  }
}
