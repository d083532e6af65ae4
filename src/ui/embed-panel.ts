import { levelText, say } from '../content/present.ts';
import type { Level } from '../content/schema.ts';
import { copyField, h } from './dom.ts';
import { language, words } from '../content/text/index.ts';

/**
 * "Embed this level": the iframe snippet for the level on screen, with the seed and language chosen
 * here, to copy into a course page. A seed or origin that is not valid gets a message beside its field
 * and leaves the snippet as it was.
 */

export interface EmbedPanelInput {
  level: Level;
  seed: number;
  /** The game's address, without parameters. */
  address: string;
  /** How the game reads a parentOrigin (the same rule as the URL parameter). */
  readOrigin(text: string): { origin?: string; warning?: string };
}

export interface EmbedChoice {
  seed: number;
  lang: string;
  parentOrigin?: string;
  /** Add the few lines that size the frame to the game. */
  autoHeight: boolean;
}

const attr = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The HTML a course author pastes: the frame's title in the language chosen, its comments in the one the author reads. */
export function embedSnippet(input: Pick<EmbedPanelInput, 'level' | 'address'>, choice: EmbedChoice): string {
  const params = new URLSearchParams({ embed: '1', level: input.level.id, seed: String(choice.seed), lang: choice.lang });
  if (choice.parentOrigin) params.set('parentOrigin', choice.parentOrigin);
  const id = `push-or-poll-${input.level.id}`;
  const frame = [
    `<iframe id="${id}" title="${attr(`Push or Poll: ${levelText(input.level, choice.lang).title}`)}" width="800" height="600" style="max-width: 100%; border: 0"`,
    `  src="${attr(`${input.address}?${params}`)}"></iframe>`,
  ];
  if (!choice.autoHeight) return frame.join('\n');
  const { sizeComment, sandboxComment } = words().embedPanel;
  return [
    ...frame,
    '<script>',
    `  // ${sizeComment}`,
    `  addEventListener('message', (event) => {`,
    `    const frame = document.getElementById('${id}');`,
    `    // ${sandboxComment}`,
    `    if (event.source !== frame.contentWindow || (event.origin !== new URL(frame.src).origin && event.origin !== 'null')) return;`,
    `    if (event.data?.source === 'push-or-poll' && event.data.type === 'resize') frame.style.height = event.data.height + 'px';`,
    '  });',
    '</script>',
  ].join('\n');
}

const languageName = (code: string) => {
  try {
    return new Intl.DisplayNames([language()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** Open the panel as a modal dialog; it removes itself when closed. */
export function openEmbedPanel(input: EmbedPanelInput): HTMLDialogElement {
  const choice: EmbedChoice = { seed: input.seed, lang: language(), autoHeight: false };
  const said = words().embedPanel;
  const code = h('textarea', { id: 'embed-code', readonly: true, rows: 4, spellcheck: false, 'aria-describedby': 'embed-code-help' });
  const status = h('p', { class: 'embed-status', role: 'status' });
  const seedProblem = h('p', { class: 'field-problem', id: 'embed-seed-problem', hidden: true });
  const originProblem = h('p', { class: 'field-problem', id: 'embed-origin-problem', hidden: true });
  const update = () => {
    code.value = embedSnippet(input, choice);
    code.rows = code.value.split('\n').length + 2;
    status.textContent = '';
  };
  const seedField = h('input', {
    id: 'embed-seed',
    type: 'number',
    min: 0,
    step: 1,
    value: String(input.seed),
    'aria-describedby': 'embed-seed-problem',
    oninput: () => {
      const value = Number(seedField.value);
      const ok = seedField.value.trim() !== '' && Number.isSafeInteger(value) && value >= 0;
      seedField.setAttribute('aria-invalid', String(!ok));
      seedProblem.hidden = ok;
      seedProblem.textContent = ok ? '' : say(said.seedProblem, { seed: choice.seed });
      if (ok) {
        choice.seed = value;
        update();
      }
    },
  });
  const languages = Object.keys(input.level.text);
  const langField = h(
    'select',
    { id: 'embed-lang', onchange: () => ((choice.lang = langField.value), update()) },
    ...languages.map((code) => h('option', { value: code, selected: code === choice.lang }, languageName(code))),
  );
  const originField = h('input', {
    id: 'embed-origin',
    type: 'url',
    placeholder: 'https://lms.example.edu',
    autocomplete: 'off',
    spellcheck: false,
    'aria-describedby': 'embed-origin-help embed-origin-problem',
    oninput: () => {
      const text = originField.value.trim();
      const read = input.readOrigin(text);
      const ok = text === '' || read.origin !== undefined;
      originField.setAttribute('aria-invalid', String(!ok));
      originProblem.hidden = ok;
      const kept = choice.parentOrigin ? say(said.originKept, { origin: choice.parentOrigin }) : said.originNone;
      originProblem.textContent = ok ? '' : say(said.originProblem, { text, kept });
      if (ok) {
        choice.parentOrigin = read.origin;
        update();
      }
    },
  });
  const autoHeight = h('input', { id: 'embed-auto-height', type: 'checkbox', onchange: () => ((choice.autoHeight = autoHeight.checked), update()) });
  const copy = async () => {
    code.focus();
    await copyField(code, status, { copied: said.copied, refused: said.copyRefused });
  };
  const dialog = h(
    'dialog',
    { class: 'embed-panel', 'aria-labelledby': 'embed-title' },
    h('h2', { id: 'embed-title' }, said.title),
    h('p', { class: 'help' }, say(said.help, { title: levelText(input.level).title })),
    h(
      'div',
      { class: 'embed-fields' },
      h('label', { for: 'embed-seed' }, said.seed),
      h('div', {}, seedField, h('p', { class: 'help' }, said.seedHelp), seedProblem),
      h('label', { for: 'embed-lang' }, said.language),
      h('div', {}, langField, languages.length === 1 && h('p', { class: 'help' }, said.onlyLanguage)),
      h('label', { for: 'embed-origin' }, said.origin),
      h('div', {}, originField, h('p', { class: 'help', id: 'embed-origin-help' }, said.originHelp), originProblem),
      h('span'),
      h('label', { class: 'check' }, autoHeight, ` ${said.autoHeight}`),
    ),
    h('label', { for: 'embed-code', class: 'code-label' }, said.code),
    code,
    h('p', { class: 'help', id: 'embed-code-help' }, said.codeHelp),
    h('div', { class: 'actions' }, h('button', { class: 'primary', onclick: copy }, said.copy), h('button', { onclick: () => dialog.close() }, said.close)),
    status,
  );
  dialog.addEventListener('close', () => dialog.remove());
  update();
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}
