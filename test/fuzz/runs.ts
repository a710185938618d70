/** How many cases each property tries: a few seconds' worth in `npm test`, many more in `npm run fuzz` (FUZZ_RUNS). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
/**
 * The seed: fixed in `npm test`, so the suite gives the same answer every run; new each run of
 * `npm run fuzz`, which explores (fast-check prints a failing seed; FUZZ_SEED replays it).
 */
const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : process.env.FUZZ_RUNS === undefined ? 20261202 : undefined;
/** fast-check's settings for every property of the suite. */
export const settings = { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) };
/** Requests go over loopback HTTP: fewer of them in `npm test`, as many as FUZZ_RUNS in `npm run fuzz`. */
export const requestSettings = { ...settings, numRuns: process.env.FUZZ_RUNS === undefined ? 60 : RUNS };
/** Time a property may take: vitest's default for the short run, more for a long one. */
export const timeout = Math.max(20_000, RUNS * 30);
