import './ui/styles.css';
import './ui/shell.css';
import { mount } from './app/mount.ts';
import { readPackageConfig } from './app/package-config.ts';
import { optionsFromUrl } from './app/params.ts';

const root = document.getElementById('app');
const pkg = readPackageConfig(document);
// The package's launcher is handed mount() rather than importing it: a lazy chunk that imports the entry's
// modules makes the bundler split the entry chunk in three, which costs about 1 KB of gzip.
if (root && pkg) void import('./app/scorm/launch.ts').then(({ launchPackage }) => launchPackage(mount, root, optionsFromUrl(window.location.search), pkg));
else if (root) mount(root, optionsFromUrl(window.location.search));
