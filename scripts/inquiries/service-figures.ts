// npm run service:figures: publishes the inquiry service figures from the local inquiries (.local), as the daily job
// does on AWS, and prints them. `npm run dev` also publishes them when it starts and every few hours; this command is
// for when it is stopped (the local database belongs to one process at a time).
import { join, resolve } from 'node:path';
import { prettyLog } from '../../functions/api/log.ts';
import { startDynamo } from '../../functions/local/servers.ts';
import { localClients } from '../../functions/local/stack.ts';
import { resourceNames } from '../../functions/resources.ts';
import { publishServiceFigures } from '../../functions/service-figures/publish.ts';
import { ensureTables } from '../../functions/storage/provision.ts';
import { dynamoServiceFiguresStore } from '../../functions/storage/service-figures-dynamodb.ts';

const root = resolve(import.meta.dirname, '../..');
const dataDir = resolve(root, process.env.LOCAL_DATA_DIR || '.local');

let dynamo: Awaited<ReturnType<typeof startDynamo>>;
try {
  dynamo = await startDynamo({ port: 0, path: join(dataDir, 'dynamodb') });
} catch (error) {
  console.error(
    `Could not open the local database in ${join(dataDir, 'dynamodb')}: is \`npm run dev\` running? It publishes the figures itself.`,
  );
  console.error(String(error));
  process.exit(1);
}
try {
  const { raw, db } = localClients(dynamo.url, 'http://127.0.0.1:9');
  const names = resourceNames();
  await ensureTables(raw, names);
  const figures = await publishServiceFigures({ store: dynamoServiceFiguresStore(db, names), now: Date.now, log: prettyLog('service') });
  const shown = (value: unknown) => (value === null ? `fewer than ${figures.minimum}` : JSON.stringify(value));
  for (const month of figures.months)
    console.log(
      `${month.month}  received ${shown(month.received)}  median hours to first reply ${shown(month.medianHoursToFirstReply)}  within the promise ${shown(month.firstReplyWithinPromise)}`,
    );
  console.log(`Published at ${figures.generatedAt}; /api/inquiry-service serves them.`);
} finally {
  await dynamo.close();
}
