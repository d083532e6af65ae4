import { allLevels, describeErrors } from '../../content/catalog.ts';
import { loadCatalog } from './node-levels.ts';

/** npm run levels:check: validate every level file; exit 1 and name each problem if any. */
const catalog = loadCatalog(process.argv[2]);
const problems = describeErrors(catalog.errors);
for (const line of problems) process.stderr.write(`${line}\n`);
const count = allLevels(catalog).length;
process.stdout.write(`${count} level${count === 1 ? '' : 's'} valid, ${catalog.errors.length} file${catalog.errors.length === 1 ? '' : 's'} with problems\n`);
process.exit(problems.length ? 1 : 0);
