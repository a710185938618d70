/** Ingestion as the config sets it up: the address guard, the fetcher and the ingestor, made in one place. */
import type { IngestSettings } from '../config/sitrep-config.js';
import type { Store } from '../store/store.js';
import { createAddressGuard, type Resolver } from './address-guard.js';
import { createFetcher } from './fetcher.js';
import { createIngestor, type Ingestor } from './ingest.js';
import type { ProgressFactory } from './progress.js';

/** An ingestor and how to let go of its connections. */
export interface Ingestion {
  ingestor: Ingestor;
  close: () => void;
}

/** Ingestion over `store` with the config's limits. */
export function createIngestion(deps: {
  settings: IngestSettings;
  store: Pick<Store, 'articles' | 'feeds'>;
  now: () => number;
  progress?: ProgressFactory | undefined;
  resolver?: Resolver | undefined;
}): Ingestion {
  const { settings } = deps;
  const fetcher = createFetcher({
    guard: createAddressGuard({ allowPrivate: settings.allowPrivate, allowHosts: settings.allowHosts, resolver: deps.resolver }),
    options: { timeoutMs: settings.timeoutMs, maxBytes: settings.maxBytes, maxRedirects: settings.maxRedirects, attempts: settings.attempts },
  });
  return {
    ingestor: createIngestor({ store: deps.store, fetcher, now: deps.now, progress: deps.progress }),
    close: () => {
      fetcher.close();
    },
  };
}
