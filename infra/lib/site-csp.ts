// The site's Content-Security-Policy, computed from the built pages in dist/: one sha256 hash per distinct inline script and style.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * CloudFront's quota on the Content-Security-Policy value of a response headers policy (characters).
 * Past it, the deployment fails with TooLongCSPInResponseHeadersPolicy; the synth stops first instead.
 */
export const CLOUDFRONT_CSP_MAX_LENGTH = 1783;

/** Script types a browser runs, so CSP governs them; JSON-LD and other data blocks are never run and need no hash. */
const EXECUTABLE_TYPES = new Set(['', 'text/javascript', 'application/javascript', 'module', 'importmap']);

export interface InlineInventory {
  /** HTML files read. */
  pages: number;
  /** `'sha256-…'` sources, sorted, one per distinct inline script a browser runs. */
  scriptHashes: string[];
  /** `'sha256-…'` sources, sorted, one per distinct `<style>` element. */
  styleHashes: string[];
  /** `'sha256-…'` sources for `style="…"` attributes (need `'unsafe-hashes'`); none in today's site. */
  styleAttributeHashes: string[];
  /** Where each hash was first seen, for error messages and the report. */
  firstSeen: Record<string, string>;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** Attribute values are hashed as the browser sees them: after character references are decoded. */
function decodeAttribute(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#[0-9]+|amp|quot|apos|lt|gt|#39);/gi, (_, ref: string) => {
    const lower = ref.toLowerCase();
    if (lower.startsWith('#x')) return String.fromCodePoint(parseInt(lower.slice(2), 16));
    if (lower.startsWith('#')) return String.fromCodePoint(parseInt(lower.slice(1), 10));
    return ({ amp: '&', quot: '"', apos: "'", lt: '<', gt: '>' } as Record<string, string>)[lower] ?? `&${ref};`;
  });
}

function scriptType(attributes: string): string {
  const match = /\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(` ${attributes}`);
  return (match?.[1] ?? match?.[2] ?? match?.[3] ?? '').trim().toLowerCase();
}

/** Reads every page of the built site and collects what the CSP must allow inline. */
export function scanInline(distDir: string): InlineInventory {
  if (!existsSync(join(distDir, 'index.html')))
    throw new Error(
      `${distDir} has no built site: run "npm run build" first (the CSP is computed from the built pages, and dist/ is what gets deployed)`,
    );
  const files = htmlFiles(distDir);
  const scripts = new Set<string>();
  const styles = new Set<string>();
  const styleAttributes = new Set<string>();
  const firstSeen: Record<string, string> = {};
  const note = (set: Set<string>, hash: string, file: string) => {
    set.add(hash);
    firstSeen[hash] ??= relative(distDir, file);
  };
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    for (const [, attributes = '', body = ''] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
      if (/\ssrc\s*=/i.test(` ${attributes}`)) continue;
      if (!EXECUTABLE_TYPES.has(scriptType(attributes))) continue;
      note(scripts, sha256(body), file);
    }
    for (const [, body = ''] of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) note(styles, sha256(body), file);
    // Attributes of every tag, read name by name so text inside other attributes' values is never mistaken for one.
    const markup = html
      .replace(/(<script\b[^>]*>)[\s\S]*?(<\/script\s*>)/gi, '$1$2')
      .replace(/(<style\b[^>]*>)[\s\S]*?(<\/style\s*>)/gi, '$1$2');
    for (const [tag = ''] of markup.matchAll(/<[a-z][^<>]*>/gi)) {
      for (const [, name = '', double, single] of tag.matchAll(/\s([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|[^\s"'=<>`]+))?/g)) {
        const attribute = name.toLowerCase();
        if (attribute === 'style') note(styleAttributes, sha256(decodeAttribute(double ?? single ?? '')), file);
        else if (/^on[a-z]+$/.test(attribute))
          throw new Error(
            `${relative(distDir, file)}: inline event handler ${attribute}="…" would need 'unsafe-hashes' in script-src; attach the listener in a script instead`,
          );
      }
    }
  }
  return {
    pages: files.length,
    scriptHashes: [...scripts].sort(),
    styleHashes: [...styles].sort(),
    styleAttributeHashes: [...styleAttributes].sort(),
    firstSeen,
  };
}

export interface CspOptions {
  /** Extra origins the pages may fetch from (the staff console signs in against Cognito's endpoint). */
  connectSources?: string[];
  /** Extra origins images may come from (a map style's sprites on another host). */
  imageSources?: string[];
}

/**
 * The policy every HTML page is served with. Nothing is loaded from another origin: scripts, styles, fonts,
 * map data and the search index are all the site's own, so 'self' plus the inline hashes is enough.
 * 'wasm-unsafe-eval' lets Pagefind compile its WebAssembly search index; it does not allow eval() of text.
 */
export function contentSecurityPolicy(inventory: InlineInventory, options: CspOptions = {}): string {
  const styleSources = ["'self'", ...inventory.styleHashes];
  if (inventory.styleAttributeHashes.length > 0) styleSources.push("'unsafe-hashes'", ...inventory.styleAttributeHashes);
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'wasm-unsafe-eval'", ...inventory.scriptHashes]],
    ['style-src', styleSources],
    ['img-src', ["'self'", 'data:', 'blob:', ...(options.imageSources ?? [])]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'", ...(options.connectSources ?? [])]],
    ['worker-src', ["'self'", 'blob:']],
    ['manifest-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['upgrade-insecure-requests', []],
  ];
  return joinPolicy(
    directives,
    `The site's Content-Security-Policy`,
    `${inventory.scriptHashes.length} inline scripts and ${inventory.styleHashes.length} inline styles differ between pages. ` +
      'Move page-specific inline scripts into bundled files (Astro processes <script> without is:inline) so fewer hashes are needed.',
  );
}

/** A policy's header value from its directives, refused when CloudFront could not carry it (`advice` says what to do). */
function joinPolicy(directives: [string, string[]][], what: string, advice = ''): string {
  const policy = directives.map(([name, sources]) => [name, ...sources].join(' ')).join('; ');
  if (policy.length > CLOUDFRONT_CSP_MAX_LENGTH)
    throw new Error(`${what} is ${policy.length} characters, over CloudFront's ${CLOUDFRONT_CSP_MAX_LENGTH}${advice ? `: ${advice}` : ''}`);
  return policy;
}

/** The policy for API answers (JSON): nothing may load or frame them. */
export const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'";

/** Where the content editor (Decap CMS) is served: its pages get their own, looser policy; no public page does. */
export const EDITOR_PATH_PATTERN = '/admin/*';
/** The Git host's API the editor reads and commits through (Decap's GitHub backend), and where the signed-in user's avatar comes from. */
export const GIT_HOST_API = 'https://api.github.com';
export const GIT_HOST_AVATARS = 'https://avatars.githubusercontent.com';

export interface EditorCspOptions {
  /** The editor's sign-in endpoint, when it is on another origin (its popup is a window of its own; listed for the hand-over). */
  authOrigins?: string[];
}

/**
 * The policy of the editor's pages only (infra/lib/constructs/site.ts serves it under EDITOR_PATH_PATTERN), from the
 * editor's own page in dist/admin/. What the editor needs beyond the public pages' policy, and why:
 * - style-src 'unsafe-inline': its React components (Emotion, react-select, CodeMirror) insert <style> elements at run time;
 * - script-src 'unsafe-eval': it checks its configuration with Ajv, which compiles each validator with new Function()
 *   (without it the editor stops at start: test/infra/csp-browser.test.ts shows both);
 * - connect-src and img-src for the Git host's API (entries, media, commits) and avatars; data: and blob: images
 *   are the previews of files being uploaded.
 * Scripts still come only from the site itself (plus the page's own inline script, by hash); nothing may frame it.
 */
export function editorContentSecurityPolicy(inventory: InlineInventory, options: EditorCspOptions = {}): string {
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'", ...inventory.scriptHashes]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:', GIT_HOST_API, GIT_HOST_AVATARS]],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'", GIT_HOST_API, ...(options.authOrigins ?? [])]],
    ['frame-src', ["'self'", 'blob:']],
    ['worker-src', ["'self'", 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'self'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', ["'none'"]],
    ['upgrade-insecure-requests', []],
  ];
  return joinPolicy(directives, `The editor's Content-Security-Policy`);
}
