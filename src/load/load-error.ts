/** Why loading articles or a subject failed: a stable code for the caller, and words for the reader. */
export interface LoadError {
  /**
   * `no-folder`: the folder does not exist; `no-articles`: it holds no readable article;
   * `unknown-subject`: no `briefings/<name>/`; `bad-subject`: its briefing.yaml is missing or invalid.
   */
  code: 'no-folder' | 'no-articles' | 'unknown-subject' | 'bad-subject';
  /** One or more lines naming the problem and the fix. */
  message: string;
}

/** Builds a `LoadError`. */
export const loadError = (code: LoadError['code'], message: string): LoadError => ({ code, message });
