// The editor's script and its lazily loaded parts as the npm package ships them, to serve under /admin/ (never from a CDN).
import { readdirSync, readFileSync } from 'node:fs';
import { projectPath } from './project-path.ts';

const DIST = projectPath('node_modules/decap-cms/dist');

/** The package's files of one extension ("js": decap-cms.js and its chunks; "wasm"), without the extension. */
export function cmsAssetNames(extension: 'js' | 'wasm'): string[] {
  const pattern = extension === 'js' ? /^(?:[\w-]+\.)?decap-cms\.js$/ : /^[\w-]+\.wasm$/;
  return readdirSync(DIST)
    .filter((name) => pattern.test(name))
    .map((name) => name.slice(0, -(extension.length + 1)));
}

/** One of those files; names other than the package's are refused, so no request reads outside its folder. */
export function readCmsAsset(name: string, extension: 'js' | 'wasm'): Buffer | undefined {
  return cmsAssetNames(extension).includes(name) ? readFileSync(`${DIST}/${name}.${extension}`) : undefined;
}
