// Stand-in course pages on another origin (127.0.0.1, COURSE_PORT) that embed the game served on
// localhost (GAME_URL), as course sites would. Every page records the messages it hears in
// window.received (their data) and window.heard ({ data, origin, fromGame }).
//
//   /course.html   a page that sizes nothing (an iframe of w x h, 1200 x 820 by default)
//   /lti.html      resizes the frame on { subject: 'lti.frameResize', height }, as LTI platforms do
//   /h5p.html      answers H5P's resizer handshake (hello, prepareResize, resizePrepared, resize); like H5P's
//                  resizer it makes the frame as wide as its column (here w, the course text's width)
//   /snippet.html  the README's host snippet for plain HTML pages, as a course author would paste it
//   /lms/launch.html?pkg=<name>  a learning platform: scorm-again's SCORM 1.2 API (the LMS side) as window.API,
//                  and the package tmp/e2e-scorm/<name>.zip, served from /lms/<name>/, launched in a frame the way
//                  its imsmanifest.xml says; window.launch(saved cmi), window.exit(), window.cmi(), window.commits
//
// Query: level=<id> (default wheres-my-package; empty for none), game=<more game parameters>,
// sandbox=<tokens>, w=, h=, above=<px of course text above the frame>, sibling=1 (a hostile frame beside
// the game that posts it commands when told: window.forge(message)).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname } from 'node:path';
import { unzipSync } from 'fflate';

const port = Number(process.env.COURSE_PORT ?? 4174);
const game = process.env.GAME_URL ?? 'http://localhost:4173/';
const origin = `http://127.0.0.1:${port}`;

const record = `
  window.received = []; window.heard = [];
  addEventListener('message', (e) => {
    const frame = document.querySelector('iframe[title="Push or Poll"]');
    window.received.push(e.data);
    window.heard.push({ data: e.data, origin: e.origin, fromGame: !!frame && e.source === frame.contentWindow });
  });`;

// An LTI platform: the frame that sent lti.frameResize gets that height (a number, or a string of one).
const lti = `
  addEventListener('message', (e) => {
    let data = e.data;
    if (typeof data === 'string') { try { data = JSON.parse(data); } catch { return; } }
    if (!data || data.subject !== 'lti.frameResize') return;
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
    const height = Number(data.height);
    if (frame && height > 0) frame.style.height = height + 'px';
  });`;

// H5P's resizer, host side: answer hello, shrink on prepareResize then ask for the size, and grow to it.
const h5p = `
  window.h5pLog = [];
  addEventListener('message', (e) => {
    const data = e.data;
    if (!data || data.context !== 'h5p') return;
    const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
    if (!frame) return;
    window.h5pLog.push(data.action);
    const answer = (action, extra = {}) => e.source.postMessage({ context: 'h5p', action, ...extra }, e.origin);
    if (data.action === 'hello') { frame.style.width = '100%'; answer('hello'); }
    if (data.action === 'prepareResize' && (frame.clientHeight !== data.scrollHeight || data.scrollHeight !== data.clientHeight)) {
      frame.style.height = data.clientHeight + 'px';
      answer('resizePrepared');
    }
    if (data.action === 'resize') frame.style.height = data.scrollHeight + 'px';
  });`;

const hostile = `<!doctype html><html lang="en"><head><title>Hostile frame</title></head><body><p>An advert</p><script>
  window.forge = (message) => parent.frames[0].postMessage(message, '*');
</script></body></html>`;

/** The README's host snippet, pointed at this game and this course page's origin. */
function snippet() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const code = /<!-- host-snippet -->\s*```html\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!code) throw new Error('README.md has no ```html block after <!-- host-snippet -->');
  return code.replaceAll('https://your-host.example/push-or-poll/', game).replaceAll(encodeURIComponent('https://course.example'), encodeURIComponent(origin));
}

function page(kind, url) {
  const q = url.searchParams;
  const level = q.get('level') ?? 'wheres-my-package';
  const params = ['embed=1', level && `level=${encodeURIComponent(level)}`, q.get('game')].filter(Boolean).join('&');
  const sandbox = q.get('sandbox');
  const above = Number(q.get('above') ?? 0);
  const frame =
    kind === 'snippet'
      ? snippet()
      : `<iframe title="Push or Poll" width="${q.get('w') ?? 1200}" height="${q.get('h') ?? 820}" style="display: block; border: 1px solid #999"
    ${sandbox === null ? '' : `sandbox="${sandbox}"`} src="${game}?${params}"></iframe>`;
  return `<!doctype html><html lang="en"><head><title>Course page</title></head><body style="margin: 0; font-family: sans-serif">
  <h1 style="margin: 8px">Course page</h1>
  <p style="height: ${above}px; margin: 0 8px">${above ? 'Reading before the game.' : ''}</p>
  <div style="max-width: ${Number(q.get('w') ?? 1200) + 2}px">${frame}</div>
  ${q.get('sibling') === '1' ? '<iframe title="Advert" src="/hostile.html" width="300" height="80"></iframe>' : ''}
  <p style="height: 2000px; margin: 8px">Reading after the game.</p>
  <script>${record}${kind === 'lti' ? lti : ''}${kind === 'h5p' ? h5p : ''}</script>
</body></html>`;
}

// The learning platform's page: it reads the manifest, offers the API, launches the SCO and keeps what it commits.
const lms = `<!doctype html><html lang="en"><head><title>Learning platform</title><script src="/lms/scorm12.js"></script></head>
<body style="margin: 0; font-family: sans-serif"><h1 style="margin: 8px">Learning platform</h1><div id="player"></div><script>
  const pkg = new URLSearchParams(location.search).get('pkg');
  window.commits = [];
  window.cmi = () => JSON.parse(JSON.stringify(window.API.cmi));
  window.launch = async (saved) => {
    const text = await (await fetch('/lms/' + pkg + '/imsmanifest.xml')).text();
    const manifest = new DOMParser().parseFromString(text, 'application/xml');
    const organizations = manifest.querySelector('organizations');
    const organization = [...manifest.querySelectorAll('organization')].find((o) => o.getAttribute('identifier') === organizations.getAttribute('default'));
    const item = organization.querySelector('item[identifierref]');
    const resource = [...manifest.querySelectorAll('resource')].find((r) => r.getAttribute('identifier') === item.getAttribute('identifierref'));
    if (resource.getAttribute('adlcp:scormtype') !== 'sco') throw new Error('the item is not a SCO');
    window.API = new Scorm12API({ autocommit: false, logLevel: 4 });
    if (saved) {
      // A new session of the same attempt: the platform says where the learner left.
      const cmi = JSON.parse(JSON.stringify(saved));
      cmi.core.entry = cmi.core.exit === 'suspend' ? 'resume' : '';
      delete cmi.core.exit;
      delete cmi.core.session_time;
      window.API.loadFromJSON(cmi);
    }
    window.API.on('LMSCommit', () => window.commits.push(window.cmi()));
    const frame = document.createElement('iframe');
    frame.title = organization.querySelector('title').textContent;
    frame.width = 800;
    frame.height = 600;
    frame.src = '/lms/' + pkg + '/' + resource.getAttribute('href');
    document.getElementById('player').append(frame);
  };
  window.exit = () => document.querySelector('#player iframe').remove();
</script></body></html>`;

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};
const packages = new Map();
/** A file of tmp/e2e-scorm/<name>.zip, read again whenever the zip changes. */
function packageFile(name, path) {
  const zip = new URL(`../../tmp/e2e-scorm/${name}.zip`, import.meta.url);
  if (!/^[a-z0-9-]+$/.test(name) || !existsSync(zip)) return undefined;
  const mtime = statSync(zip).mtimeMs;
  if (packages.get(name)?.mtime !== mtime) packages.set(name, { mtime, files: unzipSync(readFileSync(zip)) });
  return packages.get(name).files[path];
}

function serveLms(url, res) {
  if (url.pathname === '/lms/launch.html') {
    res.writeHead(200, { 'content-type': types['.html'] });
    return res.end(lms);
  }
  if (url.pathname === '/lms/scorm12.js') {
    res.writeHead(200, { 'content-type': types['.js'] });
    return res.end(readFileSync(new URL('../../node_modules/scorm-again/dist/scorm12.min.js', import.meta.url)));
  }
  const [, name, path] = /^\/lms\/([^/]+)\/(.+)$/.exec(url.pathname) ?? [];
  const file = name && packageFile(name, decodeURIComponent(path));
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('not in the package');
  }
  res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
  res.end(file);
}

createServer((req, res) => {
  const url = new URL(req.url ?? '/', origin);
  if (url.pathname.startsWith('/lms/')) return serveLms(url, res);
  const kind = /^\/(course|lti|h5p|snippet)\.html$/.exec(url.pathname)?.[1];
  if (url.pathname === '/favicon.ico') {
    res.writeHead(204);
    return res.end();
  }
  if (url.pathname === '/hostile.html') {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    return res.end(hostile);
  }
  if (!kind && url.pathname !== '/') {
    res.writeHead(404, { 'content-type': 'text/plain' });
    return res.end('not found');
  }
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(page(kind ?? 'course', url));
}).listen(port, '127.0.0.1');
