// The release build served as a static host would, for the benchmarks that load it in a browser
// (`make lighthouse`, `make long-tasks`): each file brotli'd once (a host with precompressed
// files), hashed files cached for a year, index.html revalidated, deep links answered with the
// app, a missing .wasm/.js/.css/.bin a 404, and /api passed to a stand-in, its JSON gzip'd.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { freePort } from './port.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
/** DIST=dir measures another build (a variant to compare), dist/ by default. */
export const DIST = process.env.DIST ? path.resolve(process.env.DIST) : path.join(ROOT, 'dist');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** A stand-in of the service on a free port, with its data in a folder of its own, once it
 * answers. `stop()` ends it and removes the folder. */
export async function startStandin(prefix) {
  const port = await freePort();
  const data = fs.mkdtempSync(`/tmp/${prefix}`);
  const child = spawn(path.join(ROOT, 'target/standin/mvsep-standin'), ['--port', String(port), '--data', data, '--slow', '0.05'], { stdio: 'ignore' });
  const api = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) { try { await fetch(`${api}/api/app/queue`); break; } catch { await sleep(100); } }
  return { api, data, stop() { child.kill(); fs.rmSync(data, { recursive: true, force: true }); } };
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.json': 'application/json', '.bin': 'application/octet-stream', '.txt': 'text/plain' };

/** The host's request handler (for node:http or node:http2) for `dist`, /api going to `api`.
 * Every file is compressed before it returns: Lighthouse reads a slow first answer as the
 * server's time. */
export function siteHandler(dist, api) {
  const brotli = new Map();
  const serveFile = (res, file) => {
    if (!brotli.has(file)) brotli.set(file, zlib.brotliCompressSync(fs.readFileSync(file), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
    const ext = path.extname(file);
    res.writeHead(200, {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'content-encoding': 'br',
      'cache-control': ext === '.html' ? 'no-cache' : 'public, max-age=31536000, immutable',
    });
    res.end(brotli.get(file));
  };
  for (const f of fs.readdirSync(dist, { recursive: true })) {
    const file = path.join(dist, f);
    if (fs.statSync(file).isFile()) serveFile({ writeHead() {}, end() {} }, file);
  }
  return async (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/api/')) {
      const body = ['GET', 'HEAD'].includes(req.method) ? undefined : await new Promise((r) => { const parts = []; req.on('data', (d) => parts.push(d)); req.on('end', () => r(Buffer.concat(parts))); });
      const answer = await fetch(`${api}${req.url}`, { method: req.method, headers: { 'content-type': req.headers['content-type'] ?? '' }, body });
      const bytes = Buffer.from(await answer.arrayBuffer());
      res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json', 'content-encoding': 'gzip' });
      res.end(zlib.gzipSync(bytes));
      return;
    }
    const file = path.join(dist, decodeURIComponent(url.pathname));
    if (file.startsWith(dist) && fs.existsSync(file) && fs.statSync(file).isFile()) return serveFile(res, file);
    if (/\.(wasm|js|css|bin)$/.test(url.pathname)) { res.writeHead(404); res.end(); return; }
    serveFile(res, path.join(dist, 'index.html'));
  };
}
