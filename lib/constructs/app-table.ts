import { RemovalPolicy } from 'aws-cdk-lib';
import { AttributeType, BillingMode, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Construct } from 'constructs';
import type { TableDesign } from '../../functions/shared/tables.ts';

export interface AppTableProps {
  /** keys, indexes and TTL, shared with the local stack's table bootstrap */
  design: TableDesign;
  tableName: string;
  removalPolicy: RemovalPolicy;
}

/**
 * A DynamoDB table built from a shared {@link TableDesign}, carrying the design along so
 * `bindTable` can set the handler's env var from `design.envName` and grant in one call.
 */
export class AppTable extends Table {
  readonly design: TableDesign;

  constructor(scope: Construct, id: string, props: AppTableProps) {
    const { design } = props;
    super(scope, id, {
      tableName: props.tableName,
      partitionKey: { name: design.partitionKey, type: AttributeType.STRING },
      sortKey: design.sortKey ? { name: design.sortKey, type: AttributeType.STRING } : undefined,
      billingMode: BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      timeToLiveAttribute: design.ttlAttribute,
      removalPolicy: props.removalPolicy,
    });
    this.design = design;
    for (const index of design.indexes) {
      this.addGlobalSecondaryIndex({
        indexName: index.indexName,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: index.sortKey ? { name: index.sortKey, type: AttributeType.STRING } : undefined,
      });
    }
  }
}
