// The daily job: the inquiry service figures computed from every inquiry's clock and stored for the public page. On
// AWS a schedule runs it; locally the local stack runs it at start and every few hours, and `npm run service:figures`.
import { serviceFigures, type ServiceFigures } from '#domain/inquiries/service-figures.ts';
import type { Log } from '../api/log.ts';
import type { ServiceFiguresStore } from '../storage/service-figures-dynamodb.ts';

export interface PublishDeps {
  store: ServiceFiguresStore;
  now: () => number;
  log: Log;
}

export async function publishServiceFigures({ store, now, log }: PublishDeps): Promise<ServiceFigures> {
  const figures = serviceFigures(await store.facts(), now());
  await store.save(figures);
  log.info('service-figures.published', { generatedAt: figures.generatedAt, months: figures.months.length });
  return figures;
}
