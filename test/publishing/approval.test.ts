// The approval path in the editor's Git mode (editorial workflow), on a clone of a content repository as
// `npm run dev -- --workflow` makes: an editor's saved change is a draft on its own branch, absent from main and from the
// site built from main, until an approver publishes it; the Git history names the one who wrote it and the one who merged it.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readContent } from '#content-files/read-content.ts';
import { startEditorServer, workflowRepository } from '../../scripts/dev/editor-server.ts';
import { frontMatterFile, publishEntry, saveEntry, setWorkflowStatus, unpublishedEntries, unpublishedEntry } from './editor-api.ts';
import { contentRepository, copySite, type SiteCopy } from './site-copy.ts';

const EDITOR = { name: 'Lan Nguyen (editor)', email: 'lan.editor@example.org' };
const APPROVER = { name: 'Minh Tran (approver)', email: 'minh.approver@example.org' };
const APPROVED = 'song-doc-port-survey-approved';
const WAITING = 'song-doc-port-survey-waiting';
/** The editor names an entry of a folder collection by its path under the folder (`<slug>/index`), and its branch after it. */
const entry = (slug: string) => `${slug}/index`;

let work: string;
let clone: string;
let copy: SiteCopy | undefined;

const git = (...args: string[]) =>
  execFileSync('git', ['-C', clone, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
const postsOnMain = () => readContent(join(clone, 'content')).news.map((post) => post.slug);

/** A post written in Vietnamese (its source) with an English translation, as the editor saves both files at once. */
function post(slug: string, word: string) {
  const source = {
    title: `Khảo sát cảng Sông Đốc ${word}`,
    summary: 'Tỉnh khảo sát việc nâng cấp cảng cá Sông Đốc.',
    date: '2026-11-28',
    type: 'announcement',
    sources: [{ id: 'so-nong-nghiep-2026', title: 'Thông báo của Sở Nông nghiệp', publisher: 'Sở Nông nghiệp Cà Mau', date: '2026-11' }],
    version: 1,
  };
  const translation = {
    title: `Song Doc port survey ${word}`,
    summary: 'The province surveys an upgrade of the Song Doc fishing port.',
    translatedFrom: 'vi',
    sourceVersion: 1,
    machineTranslated: false,
    reviewed: true,
  };
  return [
    { path: `content/news/${slug}/index.vi.md`, raw: frontMatterFile(source, `Khảo sát ${word}.\n`) },
    { path: `content/news/${slug}/index.en.md`, raw: frontMatterFile(translation, `Survey ${word}.\n`) },
  ];
}

beforeAll(async () => {
  // The department's content repository, then the clone the workflow runs in (drafts are its branches).
  work = mkdtempSync(join(tmpdir(), 'camau-approval-'));
  clone = workflowRepository(contentRepository(join(work, 'origin')), join(work, 'workflow'));

  // The editor writes two posts and sends both to review.
  const editor = await startEditorServer(clone, 0, { mode: 'git', author: EDITOR });
  try {
    for (const [slug, word] of [
      [APPROVED, 'Approvedword'],
      [WAITING, 'Waitingword'],
    ] as const) {
      await saveEntry(editor.url, { collection: 'news', slug: entry(slug), files: post(slug, word), workflowStatus: 'draft' });
      await setWorkflowStatus(editor.url, 'news', entry(slug), 'pending_review');
    }
  } finally {
    await editor.stop();
  }
}, 60_000);

afterAll(() => {
  copy?.remove();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('a change waits for an approver', () => {
  it('is a draft in review on its own branch, written by the editor, and not in main', async () => {
    const approver = await startEditorServer(clone, 0, { mode: 'git', author: APPROVER });
    try {
      expect((await unpublishedEntries(approver.url)).sort()).toEqual([`news/${entry(APPROVED)}`, `news/${entry(WAITING)}`]);
      const draft = await unpublishedEntry(approver.url, 'news', entry(APPROVED));
      expect(draft.status).toBe('pending_review');
      expect(draft.diffs.map((diff) => diff.path).sort()).toEqual([
        `content/news/${APPROVED}/index.en.md`,
        `content/news/${APPROVED}/index.vi.md`,
      ]);
    } finally {
      await approver.stop();
    }
    expect(git('log', '-1', '--format=%an <%ae>', `cms/news/${entry(APPROVED)}`)).toBe(`${EDITOR.name} <${EDITOR.email}>`);
    expect(() => git('cat-file', '-e', `main:content/news/${APPROVED}/index.vi.md`)).toThrow();
    // The content the build reads (main's, checked out) has neither post.
    expect(git('branch', '--show-current')).toBe('main');
    expect(postsOnMain()).not.toContain(APPROVED);
    expect(postsOnMain()).not.toContain(WAITING);
  });

  it('is in main once the approver publishes it, with a merge commit in the approver name over the editor commit', async () => {
    const approver = await startEditorServer(clone, 0, { mode: 'git', author: APPROVER });
    try {
      await setWorkflowStatus(approver.url, 'news', entry(APPROVED), 'pending_publish');
      await publishEntry(approver.url, 'news', entry(APPROVED));
      expect(await unpublishedEntries(approver.url)).toEqual([`news/${entry(WAITING)}`]);
    } finally {
      await approver.stop();
    }
    expect(postsOnMain()).toContain(APPROVED);
    expect(postsOnMain()).not.toContain(WAITING);
    // The newest commit on main merges the draft branch: two parents, the approver as author.
    const [parents, author, subject] = git('log', '-1', '--format=%P%n%an <%ae>%n%s', 'main').split('\n');
    expect(parents!.split(' ')).toHaveLength(2);
    expect(author).toBe(`${APPROVER.name} <${APPROVER.email}>`);
    expect(subject).toContain(`cms/news/${entry(APPROVED)}`);
    // The change itself stays the editor's.
    expect(git('log', '-1', '--format=%an <%ae>', 'main', '--no-merges', '--', `content/news/${APPROVED}/index.vi.md`)).toBe(
      `${EDITOR.name} <${EDITOR.email}>`,
    );
    expect(git('branch', '--list', `cms/news/${entry(APPROVED)}`)).toBe('');
  });

  it('builds from main a site with the approved post in both languages and nothing of the one still in review', () => {
    copy = copySite('camau-approval-site-');
    // main's content folder exactly, not the clone's working tree.
    rmSync(join(copy.root, 'content'), { recursive: true });
    execFileSync('sh', ['-c', `git -C "${clone}" archive main content | tar -x -C "${copy.root}"`]);
    copy.build();
    const dist = join(copy.root, 'dist');
    expect(load(readFileSync(join(dist, 'vi', 'news', APPROVED, 'index.html'), 'utf8'))('h1').text()).toContain('Approvedword');
    expect(load(readFileSync(join(dist, 'en', 'news', APPROVED, 'index.html'), 'utf8'))('h1').text()).toContain('Approvedword');
    for (const lang of ['vi', 'en']) {
      expect(existsSync(join(dist, lang, 'news', WAITING))).toBe(false);
      expect(readFileSync(join(dist, lang, 'news', 'feed.xml'), 'utf8')).not.toContain('Waitingword');
      expect(readFileSync(join(dist, lang, 'news', 'index.html'), 'utf8')).not.toContain('Waitingword');
    }
  }, 300_000);
});
