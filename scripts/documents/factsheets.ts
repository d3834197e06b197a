// Generates a PDF factsheet per catalog item and language, with its facts, sources and map position, and the
// document metadata beside each file, into .generated/documents/ (git-ignored; uploaded like content/documents/).
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import PDFDocument from 'pdfkit';
import * as fontkit from 'fontkit';
import { stringify as toYaml } from 'yaml';
import type { ItemOnDisk } from '#domain/content.ts';
import { readContent } from '#content-files/read-content.ts';
import { useTranslations } from '#render/i18n.ts';
import { formatAsOf, formatClaim, formatDistance } from '#render/format.ts';
import { languageInfo, pick, site } from '#domain/site.ts';
import { projectPath } from '#content-files/project-path.ts';
import { loadBasemap } from '#render/map/basemap.ts';
import { projection, type LonLatBounds } from '#render/map/svg.ts';
import { distanceKm, representativePoint } from '#domain/catalog/geo.ts';
import { categoryOfKind, isDraft } from '#domain/catalog/catalog.ts';

export const FACTSHEETS_DIR = projectPath('.generated', 'documents');

const FONT = projectPath('node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans.ttf');
const FONT_BOLD = projectPath('node_modules', 'dejavu-fonts-ttf', 'ttf', 'DejaVuSans-Bold.ttf');
const INK = '#1b1f23';
const MUTED = '#57606a';
const BRAND = '#0b5563';

export const factsheetId = (itemId: string, lang: string) => `factsheet-${itemId}-${lang}`;

/**
 * A language gets factsheets when the embedded font has every character its texts use and it is written left to
 * right: the PDF library places glyphs but does not reorder right-to-left text or join Arabic letters, and CJK
 * fonts are not among the project's packages. Derived from the texts, not a hand-kept list.
 */
function languagesWithFont(items: ItemOnDisk[]): string[] {
  const font = fontkit.openSync(FONT) as fontkit.Font;
  const covered = (text: string) => [...text].every((char) => /\s/.test(char) || font.hasGlyphForCodePoint(char.codePointAt(0)!));
  return site.languages.filter(
    (lang) =>
      languageInfo(lang).dir === 'ltr' &&
      items.every((item) => {
        const text = item.texts[lang];
        return text && covered(`${text.text.title}${text.text.summary}${text.body}`);
      }),
  );
}

/** Markdown to the plain paragraphs a factsheet needs: emphasis and link syntax dropped, the words kept. */
function paragraphs(markdown: string): string[] {
  return markdown
    .split(/\n\s*\n/)
    .map((block) =>
      block
        .replace(/\*\*|__/g, '')
        .replace(/\[([^\]]+)\]\([^)]+\)/g, '$1')
        .replace(/^#+\s*/gm, '')
        .replace(/^\s*[-*]\s+/gm, '• ')
        .replace(/\s*\n\s*/g, ' ')
        .trim(),
    )
    .filter(Boolean);
}

function drawLocatorMap(doc: PDFKit.PDFDocument, item: ItemOnDisk, x: number, y: number, width: number): number {
  const bounds = site.map.bounds as LonLatBounds;
  const { project, height: naturalHeight } = projection(bounds, width);
  const height = naturalHeight;
  const basemap = loadBasemap();
  // Land and the outline reach past the map's frame: clip to it so nothing covers the page around.
  doc.save().rect(x, y, width, height).clip();
  doc.rect(x, y, width, height).fill('#cfe3ea');
  const ring = (positions: number[][]) => {
    positions.forEach((position, index) => {
      const [px, py] = project(position);
      if (index === 0) doc.moveTo(x + px, y + py);
      else doc.lineTo(x + px, y + py);
    });
    doc.closePath();
  };
  for (const feature of basemap.land.features) for (const polygon of feature.geometry.coordinates) polygon.forEach(ring);
  doc.fill('#f4f1ea');
  for (const feature of basemap.outline.features) for (const polygon of feature.geometry.coordinates) polygon.forEach(ring);
  doc.fillAndStroke('#fdf6e3', BRAND);
  const geometry = item.facts.geometry;
  if (geometry.type === 'LineString') {
    geometry.coordinates.forEach((position, index) => {
      const [px, py] = project(position);
      if (index === 0) doc.moveTo(x + px, y + py);
      else doc.lineTo(x + px, y + py);
    });
    doc.lineWidth(2.5).dash(4, { space: 2 }).stroke('#be185d').undash();
  } else {
    const [px, py] = project(geometry.coordinates);
    doc.circle(x + px, y + py, 5).fillAndStroke('#c2410c', '#ffffff');
    doc
      .circle(x + px, y + py, 9)
      .lineWidth(1.5)
      .stroke(INK);
  }
  doc.restore().rect(x, y, width, height).lineWidth(0.5).stroke(MUTED);
  return height;
}

function writeFactsheet(item: ItemOnDisk, all: ItemOnDisk[], lang: string, file: string): Promise<void> {
  const t = useTranslations(lang);
  const words = item.texts[lang]!;
  const { facts } = item;
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    lang: languageInfo(lang).tag,
    displayTitle: true,
    // A fixed date keeps the file identical for identical content, so its version only changes with its text.
    info: {
      Title: words.text.title,
      Author: pick(site.siteName, lang),
      Subject: t('factsheet.subject'),
      CreationDate: new Date(Date.UTC(2026, 0, 1)),
    },
  });
  const done = new Promise<void>((resolve, reject) => {
    const out = createWriteStream(file);
    out.on('finish', resolve);
    out.on('error', reject);
    doc.pipe(out);
  });
  doc.registerFont('body', FONT);
  doc.registerFont('bold', FONT_BOLD);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const heading = (text: string) => {
    doc.x = left;
    doc
      .moveDown(0.8)
      .font('bold')
      .fontSize(12)
      .fillColor(BRAND)
      .text(text, left, doc.y, { width })
      .moveDown(0.3)
      .font('body')
      .fontSize(9.5)
      .fillColor(INK);
  };

  doc
    .font('bold')
    .fontSize(9)
    .fillColor(BRAND)
    .text(`${pick(site.siteName, lang)} · ${t('factsheet.subject')}`);
  doc.moveDown(0.5).fontSize(20).fillColor(INK).text(words.text.title);
  doc
    .font('body')
    .fontSize(10)
    .fillColor(MUTED)
    .text(`${t(`kind.${facts.kind}`)} · ${t(`status.${facts.status}.label`)} · ${formatAsOf(facts.statusAsOf, lang, t)}`);
  doc.moveDown(0.6).fontSize(11).fillColor(INK).text(words.text.summary);
  if (isDraft(words.text)) doc.moveDown(0.4).fontSize(8.5).fillColor('#6b4a00').text(t('translation.draft'));

  // Figures, each with its date and a footnote number pointing to the source list at the end.
  const cited: string[] = [];
  const cite = (ids: string[]) =>
    ids
      .map((id) => (cited.includes(id) ? cited.indexOf(id) : cited.push(id) - 1) + 1)
      .map((n) => `[${n}]`)
      .join('');
  heading(t('item.facts'));
  const row = (label: string, value: string) => {
    const y = doc.y;
    doc.font('bold').text(label, left, y, { width: width * 0.32 });
    const labelBottom = doc.y;
    doc.font('body').text(value, left + width * 0.34, y, { width: width * 0.66 });
    doc.y = Math.max(labelBottom, doc.y) + 3;
    doc.x = left;
  };
  row(
    t('item.status'),
    `${t(`status.${facts.status}.label`)}${facts.statusUnverified ? ` (${t('status.unverified')})` : ''} · ${formatAsOf(facts.statusAsOf, lang, t)} ${cite(facts.statusSources)}`,
  );
  for (const [key, claims] of Object.entries(facts.figures))
    row(
      t(`figure.${key}`),
      (claims ?? [])
        .map(
          (claim) =>
            `${formatClaim(claim, lang, t)} · ${formatAsOf(claim.asOf, lang, t)}${claim.basis !== 'stated' ? ` · ${t(`basis.${claim.basis}`)}` : ''} ${cite(claim.sources)}`,
        )
        .join('\n'),
    );
  for (const party of facts.parties) row(t(`party.${party.role}`), `${party.name} ${cite(party.sources)}`);
  if (facts.sectors.length) row(t('item.sectors'), facts.sectors.map((sector) => t(`sector.${sector}`)).join(', '));

  heading(t('item.location'));
  const [lon, lat] = representativePoint(facts.geometry);
  const mapWidth = 170;
  const mapTop = doc.y;
  const mapHeight = drawLocatorMap(doc, item, left + width - mapWidth, mapTop, mapWidth);
  const textWidth = width - mapWidth - 16;
  doc.fillColor(INK).font('body').fontSize(9.5);
  if (facts.location.description) doc.text(facts.location.description, left, mapTop, { width: textWidth });
  doc.text(
    `${t('item.coordinates')}: ${lat.toFixed(3)}, ${lon.toFixed(3)} · ${facts.location.precision === 'approximate' ? t('item.approximate') : t('item.exact')}`,
    left,
    doc.y,
    { width: textWidth },
  );
  doc.fillColor(MUTED).text(facts.location.basis, { width: textWidth });
  for (const target of site.distanceTargets) {
    const candidates =
      'item' in target
        ? all.filter((other) => other.facts.id === target.item)
        : all.filter((other) => other.facts.kind === target.nearestOfKind);
    const nearest = candidates
      .filter((other) => other.facts.id !== facts.id)
      .map((other) => ({ other, km: distanceKm(facts.geometry, other.facts.geometry) }))
      .sort((a, b) => a.km - b.km)[0];
    if (nearest) doc.fillColor(INK).text(`${t(target.label)}: ${formatDistance(nearest.km, lang)}`, { width: textWidth });
  }
  doc.y = Math.max(doc.y, mapTop + mapHeight) + 4;
  doc.x = left;

  heading(t('factsheet.about'));
  for (const paragraph of paragraphs(words.body)) doc.text(paragraph, left, doc.y, { width, paragraphGap: 4 });

  heading(t('item.sources'));
  doc.fontSize(8.5);
  cited.forEach((id, index) => {
    const source = facts.sources.find((candidate) => candidate.id === id)!;
    doc
      .fillColor(INK)
      .text(`[${index + 1}] ${source.title}${source.publisher ? ` — ${source.publisher}` : ''}${source.date ? ` (${source.date})` : ''}`, {
        width,
        continued: Boolean(source.url),
      });
    if (source.url) doc.fillColor(BRAND).text(` ${source.url}`, { link: source.url, width });
  });
  const page = new URL(`/${lang}/${categoryOfKind(facts.kind)}/${facts.id}/`, site.url).href;
  doc
    .moveDown(1)
    .fontSize(8)
    .fillColor(MUTED)
    .text(t('factsheet.footer', { url: page }), { width });
  doc.end();
  return done;
}

/** Newest modification time of anything under a folder (or of a file). */
function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** True when every factsheet is newer than the content and code it is made from, so `npm run dev` can skip remaking them. */
export function factsheetsUpToDate(outDir = FACTSHEETS_DIR): boolean {
  if (!existsSync(outDir) || readdirSync(outDir).length === 0) return false;
  const oldestOutput = Math.min(...readdirSync(outDir).map((name) => statSync(join(outDir, name)).mtimeMs));
  const inputs = ['content/catalog', 'content/ui', 'content/site.json', 'scripts/documents', 'lib'].map((path) =>
    newestMtime(projectPath(path)),
  );
  return Math.max(...inputs) < oldestOutput;
}

export interface GeneratedFactsheet {
  id: string;
  itemId: string;
  lang: string;
  file: string;
}

/** Writes every factsheet and its metadata, replacing what an earlier run left. */
export async function generateFactsheets(outDir = FACTSHEETS_DIR): Promise<GeneratedFactsheet[]> {
  const content = readContent(projectPath('content'));
  if (content.problems.length) throw new Error(`content/ has problems; run npm run content:check`);
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const languages = languagesWithFont(content.items);
  const written: GeneratedFactsheet[] = [];
  const today = new Date().toISOString().slice(0, 10);
  for (const item of content.items) {
    for (const lang of languages) {
      const id = factsheetId(item.facts.id, lang);
      const fileName = `${id}.pdf`;
      await writeFactsheet(item, content.items, lang, join(outDir, fileName));
      const t = useTranslations(lang);
      const title = Object.fromEntries(
        site.languages.map((code) => [
          code,
          `${useTranslations(code)('factsheet.subject')}: ${(item.texts[code] ?? item.texts[site.sourceLanguage])!.text.title}`,
        ]),
      );
      // The version follows the inputs, so a changed fact or text gives a new storage key and never a stale cached file.
      const version = createHash('sha256')
        .update(JSON.stringify([item.facts, item.texts[lang], t('factsheet.footer')]))
        .digest('hex')
        .slice(0, 10);
      writeFileSync(
        join(outDir, `${id}.yaml`),
        toYaml({ id, title, language: lang, format: 'pdf', version, date: today, file: fileName, requiresLead: false }),
      );
      written.push({ id, itemId: item.facts.id, lang, file: fileName });
    }
  }
  return written;
}

if (process.argv[1]?.endsWith('factsheets.ts')) {
  const started = Date.now();
  const written = await generateFactsheets();
  const languages = [...new Set(written.map((sheet) => sheet.lang))];
  console.log(
    `Factsheets: ${written.length} PDFs in ${languages.join(', ')} written to .generated/documents/ in ${Date.now() - started} ms.`,
  );
  if (readdirSync(FACTSHEETS_DIR).length === 0) process.exitCode = 1;
}
