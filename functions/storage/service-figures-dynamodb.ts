// The inquiry service figures' storage: the clock facts of every inquiry (never a personal field) and the latest
// published figures, one item in the published table.
import { GetCommand, PutCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { serviceFiguresSchema, type ServiceFact, type ServiceFigures } from '#domain/inquiries/service-figures.ts';
import type { ResourceNames } from '../resources.ts';
import { guarded } from './dynamodb.ts';

export interface ServiceFiguresStore {
  /** Status and dates of every inquiry: all the figures need, read without names, addresses or texts. */
  facts(): Promise<ServiceFact[]>;
  latest(): Promise<ServiceFigures | null>;
  save(figures: ServiceFigures): Promise<void>;
}

/** The only attributes of an inquiry the figures read; the deployed function may scan these and nothing else. */
export const SERVICE_FACT_ATTRIBUTES = ['status', 'receivedAt', 'firstReplyAt'] as const;

/** The published table's key of the inquiry service figures. */
const KEY = { name: 'inquiry-service' };

export function dynamoServiceFiguresStore(db: DynamoDBDocumentClient, names: ResourceNames): ServiceFiguresStore {
  return {
    async facts() {
      const facts: ServiceFact[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await guarded('inquiries.scan-clock', () =>
          db.send(
            new ScanCommand({
              TableName: names.tables.inquiries,
              Select: 'SPECIFIC_ATTRIBUTES',
              ProjectionExpression: SERVICE_FACT_ATTRIBUTES.map((_, index) => `#a${index}`).join(', '),
              ExpressionAttributeNames: Object.fromEntries(SERVICE_FACT_ATTRIBUTES.map((name, index) => [`#a${index}`, name])),
              ExclusiveStartKey: start,
            }),
          ),
        );
        facts.push(...((page.Items ?? []) as ServiceFact[]));
        start = page.LastEvaluatedKey;
      } while (start);
      return facts;
    },
    async latest() {
      const out = await guarded('published.get', () => db.send(new GetCommand({ TableName: names.tables.published, Key: KEY })));
      return typeof out.Item?.figures === 'string' ? serviceFiguresSchema.parse(JSON.parse(out.Item.figures)) : null;
    },
    async save(figures) {
      const body = JSON.stringify(serviceFiguresSchema.parse(figures));
      await guarded('published.put', () =>
        db.send(new PutCommand({ TableName: names.tables.published, Item: { ...KEY, figures: body, generatedAt: figures.generatedAt } })),
      );
    },
  };
}
