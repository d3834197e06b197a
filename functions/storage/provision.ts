// Creates the tables from the shared definitions and fills the documents bucket where no CDK stack does it: the local stack and the tests.
import {
  CreateTableCommand,
  DescribeTableCommand,
  ListTablesCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type KeySchemaElement,
  UpdateTableCommand,
} from '@aws-sdk/client-dynamodb';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createReadStream } from 'node:fs';
import { DOCUMENT_FORMATS } from '#domain/catalog/documents.ts';
import type { DocumentOnDisk } from '#content-files/documents.ts';
import { TABLES, type KeyAttribute, type ResourceNames, type TableDefinition, type TableName } from '../resources.ts';

function keySchema(partition: KeyAttribute, sort?: KeyAttribute): KeySchemaElement[] {
  return [{ AttributeName: partition.name, KeyType: 'HASH' }, ...(sort ? [{ AttributeName: sort.name, KeyType: 'RANGE' as const }] : [])];
}

export function createTableInput(def: TableDefinition, tableName: string): CreateTableCommandInput {
  const attributes = new Map<string, KeyAttribute['type']>();
  for (const key of [def.partitionKey, def.sortKey, ...def.globalIndexes.flatMap((i) => [i.partitionKey, i.sortKey])])
    if (key) attributes.set(key.name, key.type);
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: keySchema(def.partitionKey, def.sortKey),
    ...(def.globalIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: def.globalIndexes.map((index) => ({
            IndexName: index.name,
            KeySchema: keySchema(index.partitionKey, index.sortKey),
            Projection: { ProjectionType: 'ALL' },
          })),
        }
      : {}),
  };
}

/**
 * Creates missing tables and checks existing ones against their definitions. TTL is not switched on
 * here: dynalite has no UpdateTimeToLive and never expires items, which is why readers filter expiry.
 */
export async function ensureTables(client: DynamoDBClient, names: ResourceNames): Promise<string[]> {
  const existing = new Set((await client.send(new ListTablesCommand({}))).TableNames ?? []);
  const created: string[] = [];
  const updated: string[] = [];
  for (const [key, def] of Object.entries(TABLES) as [TableName, TableDefinition][]) {
    const tableName = names.tables[key];
    const wanted = createTableInput(def, tableName);
    if (!existing.has(tableName)) {
      await client.send(new CreateTableCommand(wanted));
      created.push(tableName);
      continue;
    }
    const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
    const describe = (keys?: KeySchemaElement[]) => JSON.stringify(keys?.map((k) => [k.AttributeName, k.KeyType]));
    const have = new Set((table?.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName));
    const want = wanted.GlobalSecondaryIndexes ?? [];
    // An index added to the definitions is added to the table in place (as CDK does), keeping local data.
    if (describe(table?.KeySchema) === describe(wanted.KeySchema) && [...have].every((name) => want.some((i) => i.IndexName === name))) {
      const missing = want.filter((index) => !have.has(index.IndexName));
      for (const index of missing)
        await client.send(
          new UpdateTableCommand({
            TableName: tableName,
            AttributeDefinitions: wanted.AttributeDefinitions,
            GlobalSecondaryIndexUpdates: [
              { Create: { IndexName: index.IndexName, KeySchema: index.KeySchema, Projection: index.Projection } },
            ],
          }),
        );
      if (missing.length > 0) updated.push(tableName);
      continue;
    }
    throw new Error(
      `The local table "${tableName}" was made from an older definition in functions/resources.ts. ` +
        'Stop the stack and delete .local/dynamodb to recreate it (local data is lost).',
    );
  }
  for (const tableName of [...created, ...updated]) {
    for (let attempt = 0; attempt < 100; attempt++) {
      const table = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
      if (table?.TableStatus === 'ACTIVE' && (table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
  return created;
}

/** Uploads every document under its key: the bucket then holds exactly what content/documents/ lists. */
export async function uploadDocuments(s3: S3Client, bucket: string, documents: DocumentOnDisk[]): Promise<void> {
  for (const { meta, path } of documents)
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: meta.s3Key,
        Body: createReadStream(path),
        ContentLength: meta.size,
        ContentType: DOCUMENT_FORMATS[meta.format],
      }),
    );
}
