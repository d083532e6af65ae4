/**
 * npm run package:scorm -- [--chapter <id> | --level <id>...] [--title "<title>"] [--out <file.zip>] [--dist <folder>]
 *
 * A SCORM 1.2 package of the built game (dist/, which `npm run package:scorm` builds first): one SCO,
 * imsmanifest.xml at the root, the game's files beside it, and the chosen levels and title written into
 * its index.html. Without --chapter or --level it holds every level.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { zipSync } from 'fflate';
import { loadCatalog } from '../src/app/cli/node-levels.ts';
import { PACKAGE_CONFIG_ID, type PackageConfig } from '../src/app/package-config.ts';
import { allLevels, type Catalog } from '../src/content/catalog.ts';
import { levelText } from '../src/content/present.ts';

const usage = 'Usage: npm run package:scorm -- [--chapter <id> | --level <id>...] [--title "<title>"] [--out <file.zip>] [--dist <folder>]';

export class PackageError extends Error {}

/** Which levels, under which title and id, the options ask for. */
export function choose(catalog: Catalog, options: { chapter?: string; level?: string[]; title?: string }): PackageConfig {
  const every = allLevels(catalog);
  if (options.chapter && options.level?.length) throw new PackageError('Choose either --chapter or --level, not both.');
  let levels: string[];
  let title: string;
  let id: string;
  if (options.chapter) {
    const chapter = catalog.chapters.find((c) => c.id === options.chapter);
    if (!chapter) throw new PackageError(`There is no chapter "${options.chapter}". The chapters are: ${catalog.chapters.map((c) => c.id).join(', ')}.`);
    levels = chapter.levels.map((l) => l.id);
    title = `Push or Poll: ${chapter.title.en ?? chapter.id}`;
    id = `push-or-poll-${chapter.id}`;
  } else if (options.level?.length) {
    const unknown = options.level.filter((l) => !every.some((x) => x.id === l));
    if (unknown.length) throw new PackageError(`There is no level ${unknown.map((l) => `"${l}"`).join(', ')}. \`npm run simulate -- --list\` lists them.`);
    levels = every.filter((l) => options.level!.includes(l.id)).map((l) => l.id);
    title = levels.length === 1 ? `Push or Poll: ${levelText(every.find((l) => l.id === levels[0])!).title}` : 'Push or Poll';
    id = `push-or-poll-${levels.join('-')}`.slice(0, 100);
  } else {
    levels = every.map((l) => l.id);
    title = 'Push or Poll';
    id = 'push-or-poll';
  }
  if (options.title !== undefined) {
    if (!options.title.trim()) throw new PackageError('--title needs some words.');
    title = options.title.trim();
  }
  return { id, title, levels };
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function manifest(config: PackageConfig, files: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${xml(config.id)}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="organization">
    <organization identifier="organization">
      <title>${xml(config.title)}</title>
      <item identifier="game" identifierref="game-files" isvisible="true">
        <title>${xml(config.title)}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="game-files" type="webcontent" adlcp:scormtype="sco" href="index.html">
${files.map((f) => `      <file href="${xml(f)}"/>`).join('\n')}
    </resource>
  </resources>
</manifest>
`;
}

/** The game's index.html with the package's choices in it (read by src/app/package-config.ts). */
export function packagedIndex(html: string, config: PackageConfig): string {
  if (!html.includes('</head>')) throw new PackageError('The built index.html has no </head>: is dist/ a build of this game?');
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return html
    .replace('</head>', `  <script type="application/json" id="${PACKAGE_CONFIG_ID}">${json}</script>\n  </head>`)
    .replace(/<title>[^<]*<\/title>/, `<title>${xml(config.title)}</title>`);
}

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesIn(path) : [path];
  });
}

export function buildPackage(dist: string, config: PackageConfig): Uint8Array {
  if (!existsSync(join(dist, 'index.html'))) throw new PackageError(`No build in ${dist}/: run \`npm run build\` first (npm run package:scorm does).`);
  const entries: Record<string, Uint8Array> = {};
  for (const path of filesIn(dist)) entries[relative(dist, path).split(sep).join('/')] = readFileSync(path);
  entries['index.html'] = new TextEncoder().encode(packagedIndex(readFileSync(join(dist, 'index.html'), 'utf8'), config));
  const names = Object.keys(entries).sort();
  entries['imsmanifest.xml'] = new TextEncoder().encode(manifest(config, names));
  return zipSync(entries, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') });
}

function main(): number {
  let args;
  try {
    args = parseArgs({
      options: {
        chapter: { type: 'string' },
        level: { type: 'string', multiple: true },
        title: { type: 'string' },
        out: { type: 'string' },
        dist: { type: 'string' },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  try {
    const catalog = loadCatalog();
    const config = choose(catalog, args);
    const dist = resolve(args.dist ?? 'dist');
    const out = resolve(args.out ?? join('dist-scorm', `${config.id}.zip`));
    const zip = buildPackage(dist, config);
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, zip);
    console.log(
      `${relative(process.cwd(), out)}: SCORM 1.2, "${config.title}", ${config.levels.length} level(s): ${config.levels.join(', ')} (${(zip.length / 1024).toFixed(0)} KB)`,
    );
    return 0;
  } catch (e) {
    if (e instanceof PackageError) {
      console.error(`${e.message}\n${usage}`);
      return 2;
    }
    throw e;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) process.exitCode = main();
