/** The level files as the bundler sees them: raw text, so that a malformed file is reported, not fatal. */
const modules = import.meta.glob('/levels/**/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export const levelFiles: Record<string, string> = Object.fromEntries(
  Object.entries(modules).map(([path, text]) => [path.replace(/^\/levels\//, ''), text]),
);
