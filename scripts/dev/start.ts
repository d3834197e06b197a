// `npm run dev`: starts the local back end (DynamoDB, S3, API) and the Astro dev server, and stops them all on Ctrl-C.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startLocalStack, type LocalStack } from '../../functions/local/stack.ts';
import { LOCAL_ACCOUNTS } from '../../functions/local/cognito.ts';
import { DOCUMENT_FOLDERS } from '#content-files/documents.ts';
import { pick, site as siteConfig } from '#domain/site.ts';
import { factsheetsUpToDate, generateFactsheets } from '../documents/factsheets.ts';
import { startEditorServer, workflowRepository, type EditorServer } from './editor-server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const apiOnly = process.argv.includes('--api-only');
/** `npm run dev -- --workflow`: the editor with the approval step, in a clone of the repository (see docs/publishing.md). */
const workflow = process.argv.includes('--workflow');

/** Ports can be moved when something else holds them; 0 picks a free one (the tests do that). */
function port(name: string, fallback: number): number {
  const value = process.env[name];
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65535) {
    console.error(`${name}="${value}" is not a port number (0-65535).`);
    process.exit(1);
  }
  return parsed;
}

const dataDir = resolve(root, process.env.LOCAL_DATA_DIR || '.local');
const ports = {
  api: port('API_PORT', 4322),
  dynamodb: port('DYNAMODB_PORT', 4323),
  s3: port('S3_PORT', 4324),
  cognito: port('COGNITO_PORT', 4325),
  editor: port('EDITOR_PORT', 4326),
};
const show = (path: string) => relative(process.cwd(), path) || '.';
const workflowDir = join(dataDir, 'editor-workflow');

let stack: LocalStack | undefined;
let site: ChildProcess | undefined;
let editor: EditorServer | undefined;
let stopping: Promise<void> | undefined;

function stop(code: number): Promise<void> {
  stopping ??= (async () => {
    if (site && site.exitCode === null && site.signalCode === null) {
      const exited = new Promise((done) => site!.once('exit', done));
      site.kill('SIGTERM');
      const timer = setTimeout(() => site?.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await editor?.stop();
    await stack?.stop();
    console.log(`Stopped: ${site ? 'site, editor, ' : ''}API, staff sign-in, S3 and DynamoDB.`);
    process.exit(code);
  })();
  return stopping;
}

process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));

try {
  // Factsheets are made from the catalog, so the local bucket offers what the site lists; only remade when stale.
  if (!factsheetsUpToDate()) {
    const factsheets = await generateFactsheets();
    console.log(`Generated ${factsheets.length} factsheets in .generated/documents/.`);
  }
  stack = await startLocalStack({
    dataDir,
    documentsDir: DOCUMENT_FOLDERS.map((folder) => join(root, folder)),
    contentDir: join(root, 'content'),
    mailDir: join(dataDir, 'mail'),
    ports,
    // The subject carries the reference; the recipient's address stays in the file, out of the terminal's log.
    onMail: (mail) => console.log(`[mail] ${mail.kind}: "${mail.subject}"\n       ${show(mail.eml)} (preview: ${show(mail.html)})`),
  });
  // The editor at /admin/ saves into this working tree (content/), with no account: its local mode. With --workflow it
  // works in a clone instead, where drafts are branches and publishing merges them: never in the tree being edited.
  if (!apiOnly)
    editor = workflow
      ? await startEditorServer(workflowRepository(root, workflowDir), ports.editor, { mode: 'git' })
      : await startEditorServer(root, ports.editor);
} catch (error) {
  console.error(`Could not start the local stack: ${(error as Error).message}`);
  process.exit(1);
}

const siteUrl = `http://localhost:4321`;
console.log(
  [
    '',
    `${pick(siteConfig.siteName, siteConfig.defaultLanguage)}, local stack`,
    ...(apiOnly ? [] : [`  Site       ${siteUrl}/  (astro dev; /api is proxied to the API)`]),
    ...(editor
      ? [
          workflow
            ? `  Editor     ${siteUrl}/admin/  (Decap CMS, no account, editorial workflow: drafts are branches of ${show(workflowDir)}, publishing merges them into its main; through ${editor.url})`
            : `  Editor     ${siteUrl}/admin/  (Decap CMS, no account; saves into content/ through ${editor.url})`,
        ]
      : []),
    `  API        ${stack.api.url}  (try ${stack.api.url}/api/health)`,
    `  DynamoDB   ${stack.dynamodb.url}  (dynalite; tables ${Object.values(stack.names.tables).join(', ')}; data in ${show(join(dataDir, 'dynamodb'))})`,
    `  S3         ${stack.s3.url}  (s3rver, signed requests only; bucket ${stack.names.buckets.documents} with ${stack.documents.length} document(s) from ${DOCUMENT_FOLDERS.join(' and ')}; data in ${show(join(dataDir, 's3'))})`,
    `  Mail       ${show(stack.mailDir)}/  (outgoing mail is written here, one .eml and .html per message)`,
    `  Sign-in    ${stack.cognito?.url ?? ''}  (cognito-local; pool ${stack.cognito?.userPoolId ?? ''}, app client ${stack.cognito?.clientId ?? ''}; data in ${show(join(dataDir, 'cognito'))})`,
    ...LOCAL_ACCOUNTS.map(
      (account, index) =>
        `  ${index === 0 ? 'Staff      ' : '           '}${apiOnly ? '' : `${siteUrl}/staff/  `}user ${account.username}  password ${account.password}  (group ${account.groups.join(', ')})`,
    ),
    `             translation status from content/ as it is now (restart to see later edits there)`,
    '',
    'Press Ctrl-C to stop everything.',
    '',
  ].join('\n'),
);

if (!apiOnly) {
  // Astro runs under this same Node (24, from the project's devDependency), not whatever `node` is first on PATH.
  const require = createRequire(import.meta.url);
  const astroPackage = require.resolve('astro/package.json');
  const bin = (JSON.parse(readFileSync(astroPackage, 'utf8')) as { bin: Record<string, string> }).bin.astro!;
  // astro.config.mjs binds to 127.0.0.1 and proxies /api to API_PORT: hand it the port the API really got.
  site = spawn(process.execPath, [join(dirname(astroPackage), bin), 'dev'], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      API_PORT: String(stack.api.port),
      ...(editor ? { DECAP_SERVER_URL: editor.url } : {}),
      // The generated editor configuration asks for the workflow (lib/content-files/cms-config.ts reads this).
      ...(workflow ? { DECAP_PUBLISH_MODE: 'editorial_workflow' } : {}),
    },
  });
  site.once('exit', (code, signal) => {
    if (stopping) return;
    console.error(`The Astro dev server stopped (${signal ?? `exit code ${code}`}); stopping the rest.`);
    void stop(code ?? 1);
  });
}
