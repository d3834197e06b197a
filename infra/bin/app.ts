// The CDK app's entry (infra/cdk.json runs it): reads the context, bundles the functions, stages the documents, defines the stacks.
import { Annotations } from 'aws-cdk-lib';
import { prepareAssets } from '../lib/bundles.ts';
import { configOf, createApp, defineStacks } from '../lib/app.ts';

const app = createApp();
const config = configOf(app);
const assets = await prepareAssets({ mode: config.bundles });
const stacks = defineStacks(app, config, assets);

if (config.placeholderAccount)
  Annotations.of(stacks.app).addInfo(
    `No AWS account given or found: synthesized for the placeholder account ${config.account}. Deploying needs credentials (or -c account=…).`,
  );
if (!assets.functions.includes('staff'))
  Annotations.of(stacks.app).addWarningV2(
    'invest:no-staff-function',
    'functions/api/lambda/staff.ts does not exist yet: /api/staff/* is not deployed.',
  );

app.synth();
