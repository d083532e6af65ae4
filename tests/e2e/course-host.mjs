// A stand-in course page on another origin (127.0.0.1, COURSE_PORT) that embeds the game served on
// localhost (GAME_URL), as a course site would. ?sandbox=<tokens> adds a sandbox attribute to the iframe.
import { createServer } from 'node:http';

const port = Number(process.env.COURSE_PORT ?? 4174);
const game = process.env.GAME_URL ?? 'http://localhost:4173/';

createServer((req, res) => {
  const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
  const sandbox = url.searchParams.get('sandbox');
  const level = url.searchParams.get('level') ?? 'wheres-my-package';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="en"><head><title>Course page</title></head><body>
  <h1>Course page</h1>
  <iframe title="Push or Poll" width="1200" height="820" ${sandbox === null ? '' : `sandbox="${sandbox}"`}
    src="${game}?embed=1&level=${encodeURIComponent(level)}"></iframe>
  <script>window.received = []; addEventListener('message', (e) => window.received.push(e.data));</script>
</body></html>`);
}).listen(port, '127.0.0.1');
