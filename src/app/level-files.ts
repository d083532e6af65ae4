/**
 * The level files as the bundler sees them: raw text, so that a malformed file is reported, not fatal.
 * The JSON Schemas beside them are for authors' editors and are not shipped.
 */
const modules = import.meta.glob(['/levels/**/*.json', '!/levels/**/*.schema.json'], { query: '?raw', import: 'default', eager: true }) as Record<
  string,
  string
>;

export const levelFiles: Record<string, string> = Object.fromEntries(Object.entries(modules).map(([path, text]) => [path.replace(/^\/levels\//, ''), text]));
