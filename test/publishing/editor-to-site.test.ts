// From the editor's saves to the built site: a news post written in Vietnamese and translated into English, a zone's new
// summary and an uploaded PDF, each saved through decap-server as the editor saves it (its local mode), then a real build
// (Astro and Pagefind) of that content: the pages, both feeds, the search index and the item's documents show them.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { load } from 'cheerio';
import PDFDocument from 'pdfkit';
import type { Browser } from 'playwright-core';
import sirv from 'sirv';
import { parse as parseYaml, stringify as toYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '#content-files/check-content.ts';
import { splitFrontMatter } from '#content-files/read-content.ts';
import { startEditorServer, type EditorServer } from '../../scripts/dev/editor-server.ts';
import { launchBrowser } from '../support/browser.ts';
import { frontMatterFile, saveEntry } from './editor-api.ts';
import { copySite, type SiteCopy } from './site-copy.ts';

const POST = 'khanh-an-wastewater-plant-opens';
/** Words found nowhere else in the content, so a page or a search result that has them can only come from these saves. */
const VI_WORD = 'Nhàmáyxửlýthửnghiệm';
const EN_WORD = 'Wastewaterpilotworks';
const ZONE = 'ip-khanh-an';
const NEW_ZONE_SUMMARY = 'Khu công nghiệp Khánh An vừa được mở rộng thêm: tóm tắt mới được lưu từ trình soạn thảo.';
const DOCUMENT = 'khanh-an-brochure-2026';

let copy: SiteCopy;
let editor: EditorServer;
let browser: Browser | undefined;
let server: Server | undefined;
let origin: string;

const dist = (...parts: string[]) => join(copy.root, 'dist', ...parts);
const html = (...parts: string[]) => load(readFileSync(dist(...parts, 'index.html'), 'utf8'));

/** A one-page PDF, as a publisher would upload. */
function pdf(text: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const document = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    document.on('data', (chunk: Buffer) => chunks.push(chunk));
    document.on('end', () => resolve(Buffer.concat(chunks)));
    document.on('error', reject);
    document.text(text);
    document.end();
  });
}

beforeAll(async () => {
  copy = copySite('camau-editor-to-site-');
  editor = await startEditorServer(copy.root, 0);

  // A post written in Vietnamese (the source: date, type, sources, version) and its English translation.
  const source = {
    title: `Khánh An khai trương ${VI_WORD}`,
    summary: 'Khu công nghiệp Khánh An đưa vào vận hành nhà máy xử lý nước thải tập trung giai đoạn một.',
    date: '2026-11-30',
    type: 'announcement',
    related: [ZONE],
    sources: [
      { id: 'ubnd-ca-mau-2026-11', title: 'Thông báo của Ban quản lý Khu kinh tế', publisher: 'UBND tỉnh Cà Mau', date: '2026-11-30' },
    ],
    version: 1,
  };
  const translation = {
    title: `Khanh An opens its ${EN_WORD}`,
    summary: 'Khanh An industrial park puts the first phase of its central wastewater treatment plant into service.',
    translatedFrom: 'vi',
    sourceVersion: 1,
    machineTranslated: false,
    reviewed: true,
  };
  await saveEntry(editor.url, {
    collection: 'news',
    slug: `${POST}/index`,
    files: [
      { path: `content/news/${POST}/index.vi.md`, raw: frontMatterFile(source, `Nhà máy ${VI_WORD} xử lý 2.000 m³ mỗi ngày.\n`) },
      { path: `content/news/${POST}/index.en.md`, raw: frontMatterFile(translation, `The ${EN_WORD} treat 2,000 m³ a day.\n`) },
    ],
  });

  // A zone's Vietnamese summary changed, the rest of its text as it was.
  const zoneText = `content/catalog/zones/${ZONE}/index.vi.md`;
  const { data, body } = splitFrontMatter(readFileSync(join(copy.root, zoneText), 'utf8'));
  await saveEntry(editor.url, {
    collection: 'zones',
    slug: `${ZONE}/index`,
    files: [{ path: zoneText, raw: frontMatterFile({ ...(data as Record<string, unknown>), summary: NEW_ZONE_SUMMARY }, body) }],
  });

  // A PDF uploaded with its description (documents collection: the file beside its YAML), then named by the zone's facts.
  const description = {
    id: DOCUMENT,
    title: { vi: 'Giới thiệu Khu công nghiệp Khánh An 2026', en: 'Khanh An industrial park brochure 2026' },
    language: 'vi',
    format: 'pdf',
    version: 1,
    date: '2026-11',
    file: `${DOCUMENT}.pdf`,
    requiresLead: false,
  };
  await saveEntry(editor.url, {
    collection: 'documents',
    slug: DOCUMENT,
    files: [{ path: `content/documents/${DOCUMENT}.yaml`, raw: toYaml(description) }],
    assets: [{ path: `content/documents/${DOCUMENT}.pdf`, content: await pdf('Khu công nghiệp Khánh An') }],
  });
  const factsFile = `content/catalog/zones/${ZONE}/facts.yaml`;
  const facts = parseYaml(readFileSync(join(copy.root, factsFile), 'utf8')) as { documents?: string[] };
  await saveEntry(editor.url, {
    collection: 'zones-facts',
    slug: `${ZONE}/facts`,
    files: [{ path: factsFile, raw: toYaml({ ...facts, documents: [...(facts.documents ?? []), DOCUMENT] }) }],
  });
  await editor.stop();

  copy.build();
  const serve = sirv(join(copy.root, 'dist'), { dev: false });
  server = createServer((request, response) =>
    serve(request, response, () => {
      response.statusCode = 404;
      response.end();
    }),
  );
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await launchBrowser();
}, 400_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done(undefined)));
  await editor?.stop();
  copy?.remove();
});

describe('content saved through the editor, then built', () => {
  it('passes content:check', () => {
    const { problems } = checkContent(join(copy.root, 'content'));
    expect(problems).toEqual([]);
  });

  it('shows the Vietnamese post on the Vietnamese page and its English translation on the English page', () => {
    const vi = html('vi', 'news', POST);
    expect(vi('h1').text()).toContain(VI_WORD);
    expect(vi('main').text()).toContain(`Nhà máy ${VI_WORD} xử lý`);
    const en = html('en', 'news', POST);
    expect(en('h1').text()).toContain(EN_WORD);
    expect(en('main').text()).toContain(`The ${EN_WORD} treat`);
    // Listed first on each language's news page, being the newest.
    expect(html('vi', 'news')(`a[href="/vi/news/${POST}/"]`).length).toBeGreaterThan(0);
    expect(html('en', 'news')(`a[href="/en/news/${POST}/"]`).length).toBeGreaterThan(0);
  });

  it('puts the post in both Atom feeds, each in its language', () => {
    const entry = (lang: string) => {
      const feed = load(readFileSync(dist(lang, 'news', 'feed.xml'), 'utf8'), { xml: true });
      return feed('entry').filter((_, element) => feed(element).find('link').attr('href')?.endsWith(`/${lang}/news/${POST}/`) ?? false);
    };
    expect(entry('vi').find('title').text()).toContain(VI_WORD);
    expect(entry('vi').find('published').text()).toBe('2026-11-30T00:00:00Z');
    expect(entry('en').find('title').text()).toContain(EN_WORD);
    // A translation is no fallback: the English entry carries no xml:lang of another language.
    expect(entry('en').attr('xml:lang')).toBeUndefined();
  });

  it('finds the post with the site search (Pagefind) in each language', async () => {
    const page = await browser!.newPage();
    try {
      for (const [lang, word] of [
        ['vi', VI_WORD],
        ['en', EN_WORD],
      ] as const) {
        await page.goto(`${origin}/${lang}/search/?q=${encodeURIComponent(word)}`);
        const links = page.locator('.search-results a');
        await expect.poll(() => links.count(), { timeout: 20_000 }).toBeGreaterThan(0);
        expect(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toContain(
          `/${lang}/news/${POST}/`,
        );
      }
    } finally {
      await page.close();
    }
  }, 60_000);

  it("shows the zone's new Vietnamese summary on its built page", () => {
    expect(html('vi', 'zones', ZONE)('main').text()).toContain(NEW_ZONE_SUMMARY);
    expect(html('en', 'zones', ZONE)('main').text()).not.toContain(NEW_ZONE_SUMMARY);
  });

  it('lands the uploaded PDF beside its description, where the build reads documents, and lists it on the zone page', () => {
    const saved = readFileSync(join(copy.root, 'content', 'documents', `${DOCUMENT}.pdf`));
    expect(saved.subarray(0, 5).toString()).toBe('%PDF-');
    for (const [lang, title] of [
      ['vi', 'Giới thiệu Khu công nghiệp Khánh An 2026'],
      ['en', 'Khanh An industrial park brochure 2026'],
    ] as const) {
      const listed = html(lang, 'zones', ZONE)(`#document-${DOCUMENT}`);
      expect(listed.text()).toBe(title);
      expect(listed.parent().text()).toMatch(/PDF/);
    }
  });
});
