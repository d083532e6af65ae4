import { describe, expect, it } from 'vitest';
import { setLanguage } from '../../src/content/text/index.ts';
import { embedSnippet } from '../../src/ui/embed-panel.ts';
import { level } from './helpers.ts';

describe('the "Embed this level" snippet', () => {
  const chat = level('team-chat');
  const address = 'https://games.example/push-or-poll/';

  it('is one iframe with the level, seed and language, its attributes escaped', () => {
    const odd = { ...chat, text: { ...chat.text, en: { ...chat.text.en, title: 'Say "hi" <now> & then' } } };
    const html = embedSnippet({ level: odd, address }, { seed: 9, lang: 'en', autoHeight: false });
    expect(html).toBe(
      [
        '<iframe id="push-or-poll-team-chat" title="Push or Poll: Say &quot;hi&quot; &lt;now> &amp; then" width="800" height="600" style="max-width: 100%; border: 0"',
        '  src="https://games.example/push-or-poll/?embed=1&amp;level=team-chat&amp;seed=9&amp;lang=en"></iframe>',
      ].join('\n'),
    );
  });

  it('titles the frame in the language chosen for it, and comments its lines in the language the author reads', async () => {
    expect(embedSnippet({ level: chat, address }, { seed: 1, lang: 'es', autoHeight: false })).toContain(`title="Push or Poll: ${chat.text.es!.title}"`);
    await setLanguage('es');
    try {
      const html = embedSnippet({ level: chat, address }, { seed: 1, lang: 'en', autoHeight: true });
      expect(html).toContain(`title="Push or Poll: ${chat.text.en.title}"`);
      expect(html).toContain('// Ajusta el marco al tamaño del juego');
      expect(html).not.toContain('// Size the frame');
    } finally {
      await setLanguage('en');
    }
  });

  it('pins the course site when given, and adds the lines that size the frame to the game when asked', () => {
    const html = embedSnippet({ level: chat, address }, { seed: 1, lang: 'en', parentOrigin: 'https://lms.example.edu', autoHeight: true });
    expect(html).toContain('&amp;parentOrigin=https%3A%2F%2Flms.example.edu"');
    expect(html).toMatch(/<script>[\s\S]*getElementById\('push-or-poll-team-chat'\)[\s\S]*type === 'resize'[\s\S]*<\/script>$/);
  });
});
