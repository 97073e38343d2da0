/**
 * The live preview: a server on 127.0.0.1 only that serves the built pages
 * (and the fonts beside them) from the output folder, with a small script
 * that listens to server-sent events and reloads the page after each build
 * of its document, or shows the build's error on the page.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';

export interface BuildEvent {
  /** The document's output name; ALL_DOCUMENTS for a failure of the whole build (a folder gone). */
  name: string;
  /** The build's error as the reporter prints it; absent when it built. */
  error?: string;
}

export const ALL_DOCUMENTS = '*';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.css': 'text/css; charset=utf-8',
  '.pdf': 'application/pdf',
  '.epub': 'application/epub+zip',
};

const escapeHtml = (text: string) => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** Reloads on a build of this page's document, shows the error of a failed one. */
const clientScript = (name: string) => `<script>
(() => {
  const name = ${JSON.stringify(name)};
  new EventSource('/events').onmessage = (message) => {
    const event = JSON.parse(message.data);
    if (event.name !== name && event.name !== ${JSON.stringify(ALL_DOCUMENTS)}) return;
    if (!event.error) return location.reload();
    let banner = document.getElementById('gw-build-error');
    if (!banner) {
      banner = document.createElement('pre');
      banner.id = 'gw-build-error';
      document.body.prepend(banner);
    }
    banner.textContent = event.error;
  };
})();
</script>`;

const BANNER_STYLE = 'position:sticky;top:0;z-index:1;margin:0;padding:1em;background:#fee;color:#900;border-bottom:2px solid #c00;white-space:pre-wrap;font:14px monospace';

function errorBanner(error: string | undefined): string {
  return error ? `<pre id="gw-build-error" style="${BANNER_STYLE}">${escapeHtml(error)}</pre>` : '';
}

export class PreviewServer {
  readonly #outDir: string;
  readonly #server: Server;
  readonly #clients = new Set<ServerResponse>();
  /** The last error of each document whose last build failed. */
  readonly #errors = new Map<string, string>();
  #names: string[] = [];

  constructor(outDir: string) {
    this.#outDir = resolve(outDir);
    this.#server = createServer((request, response) => this.#handle(request, response));
  }

  /** Listens on 127.0.0.1 (port 0: any free port) and gives the preview's address. */
  async listen(port: number): Promise<string> {
    await new Promise<void>((done, fail) => {
      this.#server.once('error', fail);
      this.#server.listen(port, '127.0.0.1', done);
    });
    return `http://127.0.0.1:${(this.#server.address() as AddressInfo).port}/`;
  }

  /** The documents the index lists. */
  setDocuments(names: string[]): void {
    this.#names = names;
  }

  /** Tells every open page about a build. */
  publish(event: BuildEvent): void {
    // A whole-build failure replaces the documents' errors; any document's build means the whole build works again.
    if (event.name === ALL_DOCUMENTS) this.#errors.clear();
    else this.#errors.delete(ALL_DOCUMENTS);
    if (event.error) this.#errors.set(event.name, event.error);
    else this.#errors.delete(event.name);
    for (const client of this.#clients) client.write(`data: ${JSON.stringify(event)}\n\n`);
  }

  async close(): Promise<void> {
    for (const client of this.#clients) client.end();
    this.#server.closeAllConnections();
    await new Promise((done) => this.#server.close(done));
  }

  #handle(request: IncomingMessage, response: ServerResponse): void {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
    if (request.method !== 'GET') return this.#send(response, 405, 'text/plain', 'only GET');
    if (path === '/events') return this.#subscribe(response);
    if (path === '/') return this.#send(response, 200, TYPES['.html'], this.#index());
    if (extname(path) === '.html') return this.#page(response, path.slice(1, -'.html'.length));
    this.#file(response, path);
  }

  #subscribe(response: ServerResponse): void {
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    response.write(': connected\n\n');
    this.#clients.add(response);
    response.on('close', () => this.#clients.delete(response));
  }

  #index(): string {
    const items = this.#names.map((name) => `<li><a href="/${encodeURIComponent(name)}.html">${escapeHtml(name)}</a>${this.#errors.has(name) ? ' (failed)' : ''}</li>`);
    return `<!doctype html><meta charset="utf-8"><title>gongwen preview</title><ul>${items.join('')}</ul>`;
  }

  /** The built page with the reload script, and the error of the last build if it failed; an error page when there is no page yet. */
  #page(response: ServerResponse, name: string): void {
    const banner = errorBanner(this.#errors.get(name) ?? this.#errors.get(ALL_DOCUMENTS));
    let html: string;
    try {
      html = readFileSync(this.#inside(`${name}.html`), 'utf8');
    } catch {
      html = `<!doctype html><meta charset="utf-8"><title>${escapeHtml(name)}</title><body>${banner || '<p>Not built yet.</p>'}</body>`;
    }
    const withBanner = banner ? html.replace(/<body[^>]*>/i, (tag) => `${tag}${banner}`) : html;
    this.#send(response, 200, TYPES['.html'], withBanner.replace(/<\/body>/i, `${clientScript(name)}</body>`));
  }

  #file(response: ServerResponse, path: string): void {
    try {
      this.#send(response, 200, TYPES[extname(path)] ?? 'application/octet-stream', readFileSync(this.#inside(path)));
    } catch {
      this.#send(response, 404, 'text/plain', 'not found');
    }
  }

  /** A path under the output folder; anything that climbs out of it is refused. */
  #inside(path: string): string {
    const full = join(this.#outDir, path);
    if (relative(this.#outDir, full).startsWith('..') || !full.startsWith(this.#outDir + sep)) throw new Error('outside the output folder');
    return full;
  }

  #send(response: ServerResponse, status: number, type: string, body: string | Buffer): void {
    response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
    response.end(body);
  }
}
