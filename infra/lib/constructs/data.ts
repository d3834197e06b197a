// The data stores: one DynamoDB table per definition in functions/resources.ts, and the private documents bucket with its files.
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as logs from 'aws-cdk-lib/aws-logs';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { TABLES, type KeyAttribute, type TableDefinition, type TableName } from '../../../functions/resources.ts';
import { secureBucket } from './secure-bucket.ts';

/** How long point-in-time recovery keeps the tables' backups, erased data included (the privacy notice's figure). */
export const BACKUP_DAYS = 35;

export interface DataProps {
  retainData: boolean;
  logBucket: s3.IBucket;
  /** Folder holding the documents at their bucket keys (infra/lib/bundles.ts); undefined when there are none. */
  documentsDir?: string;
  /** The role and log group shared by every BucketDeployment of the stack (one handler function serves them all). */
  deployment: { role: iam.IRole; logGroup: logs.ILogGroup };
}

const attribute = (key: KeyAttribute): dynamodb.Attribute => ({
  name: key.name,
  type: key.type === 'S' ? dynamodb.AttributeType.STRING : dynamodb.AttributeType.NUMBER,
});

export class Data extends Construct {
  readonly tables: Record<TableName, dynamodb.Table>;
  readonly definitions: Record<TableName, TableDefinition> = TABLES;
  readonly documentsBucket: s3.Bucket;
  readonly documentsDeployment?: s3deploy.BucketDeployment;

  constructor(scope: Construct, id: string, props: DataProps) {
    super(scope, id);
    const entries = Object.entries(TABLES) as [TableName, TableDefinition][];
    this.tables = Object.fromEntries(
      entries.map(([name, definition]) => {
        const table = new dynamodb.Table(this, `${name}Table`, {
          partitionKey: attribute(definition.partitionKey),
          sortKey: definition.sortKey && attribute(definition.sortKey),
          billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
          // The privacy notice tells visitors that erased data stays in backups for 35 days: the period is set here, not
          // left to the service's default, and a test holds the two together.
          pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true, recoveryPeriodInDays: BACKUP_DAYS },
          // The AWS-managed key (aws/dynamodb): encrypted with a key whose use shows in CloudTrail, at no key cost.
          encryption: dynamodb.TableEncryption.AWS_MANAGED,
          timeToLiveAttribute: definition.timeToLiveAttribute,
          ...(definition.stream === 'keys-only' ? { stream: dynamodb.StreamViewType.KEYS_ONLY } : {}),
          deletionProtection: props.retainData,
          removalPolicy: props.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        });
        for (const index of definition.globalIndexes)
          table.addGlobalSecondaryIndex({
            indexName: index.name,
            partitionKey: attribute(index.partitionKey),
            sortKey: index.sortKey && attribute(index.sortKey),
            projectionType: dynamodb.ProjectionType.ALL,
          });
        return [name, table];
      }),
    ) as Record<TableName, dynamodb.Table>;

    this.documentsBucket = secureBucket(this, 'DocumentsBucket', {
      accessLogs: { bucket: props.logBucket, prefix: 's3/documents/' },
      noncurrentVersionDays: 30,
    });

    if (props.documentsDir) {
      // Exactly the files of content/documents/ at their keys: a withdrawn document disappears (prune).
      this.documentsDeployment = new s3deploy.BucketDeployment(this, 'DocumentsDeployment', {
        sources: [s3deploy.Source.asset(props.documentsDir)],
        destinationBucket: this.documentsBucket,
        prune: true,
        retainOnDelete: true,
        // The same size as the site's deployments, so one handler function serves all three.
        memoryLimit: 1024,
        role: props.deployment.role,
        logGroup: props.deployment.logGroup,
      });
    }
  }

  /** The ARN of one index, for a grant that covers that index only. */
  indexArn(table: TableName, index: string): string {
    if (!TABLES[table].globalIndexes.some((candidate: { name: string }) => candidate.name === index))
      throw new Error(`functions/resources.ts: table "${table}" has no index "${index}"`);
    return `${this.tables[table].tableArn}/index/${index}`;
  }
}
