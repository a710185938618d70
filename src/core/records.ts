/** Whether a parsed value (JSON, YAML, a form's payload) is a plain object whose keys can be read. */
export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
