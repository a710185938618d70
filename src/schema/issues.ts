/** A zod parse's problems in words: one line each, `path: message`, as every settings file reports them. */
import type { z } from 'zod';

const pathText = (path: PropertyKey[]): string =>
  path.reduce<string>((acc, p) => {
    if (typeof p === 'number') return `${acc}[${p}]`;
    const key = String(p);
    return /^[A-Za-z_][\w-]*$/.test(key) ? (acc ? `${acc}.${key}` : key) : `${acc}["${key}"]`;
  }, '');

/** Every problem of a parse, one line each: `path: message`. */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((i) => {
    const message = i.code === 'invalid_type' && i.message.endsWith('received undefined') ? `required (${i.expected})` : i.message;
    return `${pathText(i.path) || '(top level)'}: ${message}`;
  });
}
