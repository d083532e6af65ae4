import './ui/styles.css';
import './ui/shell.css';
import { mount } from './app/mount.ts';
import { readPackageConfig } from './app/package-config.ts';
import { optionsFromUrl } from './app/params.ts';
import { browserLanguages, chooseLanguage } from './app/language.ts';
import { createPreferences } from './app/preferences.ts';
import { browserStore } from './app/storage.ts';
import { language, setLanguage } from './content/text/index.ts';

const root = document.getElementById('app');
const pkg = readPackageConfig(document);
const options = optionsFromUrl(window.location.search);
// The package's launcher is handed mount() rather than importing it: a lazy chunk that imports the entry's
// modules makes the bundler split the entry chunk in three, which costs about 1 KB of gzip.
const start = () => {
  // The page speaks the game's language (its words failing to load leaves English), for screen readers and the browser's own.
  document.documentElement.lang = language();
  if (root && pkg) void import('./app/scorm/launch.ts').then(({ launchPackage }) => launchPackage(mount, root, options, pkg));
  else if (root) mount(root, options);
};
// Another language's words load before the first screen is drawn; English's come with this chunk.
const lang = chooseLanguage(options.lang, createPreferences(browserStore()).language(), browserLanguages());
if (lang === 'en') start();
else void setLanguage(lang).then(start, start);
