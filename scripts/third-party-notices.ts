import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/**
 * The licences of the packages bundled into the game, collected at build time into
 * dist/THIRD-PARTY-NOTICES.txt (with the game's own LICENSE beside it as dist/LICENSE.txt), so that
 * whoever hosts the built game has every notice it must carry. A bundled package whose licence is not
 * one of `accepted`, or that names none, fails the build: someone must look at it first.
 */

export const accepted = ['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD'];

export interface BundledPackage {
  name: string;
  version: string;
  license: string;
  /** The text of its licence file, or undefined when it ships none. */
  text: string | undefined;
  homepage?: string;
}

/** The package folder a bundled module comes from, or undefined for our own modules. */
export function packageRoot(moduleId: string, root: string): string | undefined {
  const id = moduleId.replace(/^\0/, '').split('?')[0];
  // Bundler helpers are virtual modules named after the bundler that writes them into the output.
  const helper = /^(vite|rolldown)\//.exec(id)?.[1];
  if (helper) return join(root, 'node_modules', helper);
  const at = id.lastIndexOf('/node_modules/');
  if (at < 0) return undefined;
  const rest = id.slice(at + '/node_modules/'.length).split('/');
  const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  return join(id.slice(0, at), 'node_modules', name);
}

const licenceFile = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;

export function readPackage(dir: string): BundledPackage {
  const json = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string | { type?: string };
    licenses?: Array<{ type?: string }>;
    homepage?: string;
  };
  const license = typeof json.license === 'string' ? json.license : (json.license?.type ?? json.licenses?.map((l) => l.type).join(' OR ') ?? '');
  const file = readdirSync(dir).find((f) => licenceFile.test(f));
  return { name: json.name, version: json.version, license, text: file ? readFileSync(join(dir, file), 'utf8').trim() : undefined, homepage: json.homepage };
}

/** Why a package may not be bundled as it is, or undefined when it may. */
export function refusal(p: BundledPackage): string | undefined {
  if (!p.license) return `${p.name}@${p.version} names no licence`;
  const options = p.license.replace(/[()]/g, '').split(/\s+OR\s+/);
  if (!options.some((l) => accepted.includes(l))) {
    return `${p.name}@${p.version} is under ${p.license}, which is not among the licences accepted for the bundle (${accepted.join(', ')}); look at it, then add it to "accepted" in scripts/third-party-notices.ts if it may ship`;
  }
  return undefined;
}

export function noticesText(game: string, packages: BundledPackage[]): string {
  const head = [
    `${game} bundles the following open-source packages. Their licences and notices follow.`,
    '',
    ...packages.map((p) => `- ${p.name} ${p.version} (${p.license})`),
  ];
  const bodies = packages.map((p) =>
    [
      '-'.repeat(78),
      `${p.name} ${p.version}`,
      `License: ${p.license}${p.homepage ? `\nHomepage: ${p.homepage}` : ''}`,
      '',
      p.text ?? `(The package ships no licence file; its package.json names the ${p.license} licence.)`,
    ].join('\n'),
  );
  return [...head, '', ...bodies, ''].join('\n');
}

export function thirdPartyNotices(root: string): Plugin {
  return {
    name: 'third-party-notices',
    apply: 'build',
    generateBundle(_options, bundle) {
      const dirs = new Set<string>();
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        for (const id of output.moduleIds ?? Object.keys(output.modules)) {
          const dir = packageRoot(id, root);
          if (dir) dirs.add(dir);
        }
      }
      const packages = [...dirs]
        .filter((dir) => existsSync(join(dir, 'package.json')))
        .map(readPackage)
        .sort((a, b) => a.name.localeCompare(b.name));
      const refused = packages.map(refusal).filter((r): r is string => r !== undefined);
      if (refused.length) this.error(`Third-party licences:\n  ${refused.join('\n  ')}`);
      const own = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string };
      this.emitFile({ type: 'asset', fileName: 'THIRD-PARTY-NOTICES.txt', source: noticesText(own.name, packages) });
      this.emitFile({ type: 'asset', fileName: 'LICENSE.txt', source: readFileSync(join(root, 'LICENSE'), 'utf8') });
    },
  };
}

export const repositoryRoot = dirname(dirname(new URL(import.meta.url).pathname));
