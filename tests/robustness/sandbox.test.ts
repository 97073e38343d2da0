/**
 * The renderer is a sandbox for content: a page that tries to reach
 * http://127.0.0.1:PORT or run a script does neither. A loopback server is
 * the tripwire: it must see no request and no connection.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeBrowser, launchBrowser, NO_NETWORK_ARGS } from '../../scripts/render/browser.ts';
import { printPdf } from '../../scripts/render/pdf.ts';
import { Renderer } from '../../scripts/render/renderer.ts';
import { chromiumLeftBehind, isolatedBrowserEnv, scratchDir, tripwire, type Tripwire } from './helpers.ts';

const isolated = isolatedBrowserEnv();
let server: Tripwire;
let dir: string;

beforeAll(async () => {
  Object.assign(process.env, isolated.env);
  server = await tripwire();
  dir = scratchDir('sandbox');
});

afterAll(async () => {
  await server.close();
  expect(await chromiumLeftBehind(isolated.dir)).toEqual([]);
});

const pdfText = (pdf: Uint8Array) => {
  const path = join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(path, pdf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
};

/** Every way a page can ask for a URL or run code, each aimed at the tripwire. */
function hostilePage(url: string): string {
  return `<!doctype html><html lang="zh-CN"><head>
<meta http-equiv="refresh" content="0;url=${url}/refresh">
<link rel="stylesheet" href="${url}/style.css">
<link rel="preconnect" href="${url}">
<link rel="dns-prefetch" href="${url}">
<link rel="prefetch" href="${url}/prefetch">
<link rel="icon" href="${url}/favicon.ico">
<style>
@import url("${url}/import.css");
@font-face { font-family: Remote; src: url("${url}/font.ttf"); }
body { background: url("${url}/background.png"); }
p { font-family: Remote, serif; }
</style>
<script>document.title = 'SCRIPT RAN'; fetch('${url}/script');</script>
<script src="${url}/external.js"></script>
</head><body><div class="gw-document">
<p id="text">敌意页面的正文。</p>
<script>document.getElementById('text').textContent = 'SCRIPT RAN'; new Image().src = '${url}/script-image';</script>
<img src="${url}/image.png" onerror="fetch('${url}/onerror')">
<img srcset="${url}/srcset.png 2x">
<iframe src="${url}/frame"></iframe>
<iframe src="file:///etc/passwd"></iframe>
<object data="${url}/object"></object>
<video poster="${url}/poster.png" src="${url}/video.mp4"></video>
<svg width="10" height="10"><image href="${url}/svg.png" width="10" height="10"/></svg>
<a href="javascript:fetch('${url}/javascript-link')">链接</a>
<body onload="fetch('${url}/onload')">
</div></body></html>`;
}

describe('printing a hostile page', () => {
  let page: string;
  beforeAll(() => {
    page = join(dir, 'hostile.html');
    writeFileSync(page, hostilePage(server.url));
  });

  // Request interception alone stops every request, but not the TCP connections of
  // <link rel=preconnect> (4 of them reached the server when this was written): hence NO_NETWORK_ARGS.
  it('printPdf: no request or connection reaches the server, no script runs, every URL is reported as blocked', async () => {
    const before = server.connections;
    const browser: Browser = await launchBrowser({ args: NO_NETWORK_ARGS });
    try {
      const { pdf, blocked } = await printPdf(await browser.newPage(), page, []);
      const text = pdfText(pdf);
      expect(text).toContain('敌意页面的正文。');
      expect(text).not.toContain('SCRIPT RAN');
      expect(server.requests).toEqual([]);
      for (const path of ['style.css', 'image.png', 'frame', 'import.css', 'background.png']) expect(blocked).toContain(`${server.url}/${path}`);
      expect(blocked).toContain('file:///etc/passwd');
      expect(blocked.filter((url) => !url.startsWith(server.url) && !url.startsWith('file:'))).toEqual([]);
    } finally {
      await closeBrowser(browser);
    }
    expect(server.connections).toBe(before);
  });

  it('the Renderer (what the build uses): the same', async () => {
    const before = server.connections;
    const renderer = new Renderer();
    try {
      const { pdf } = await renderer.print(page, []);
      expect(pdfText(pdf)).not.toContain('SCRIPT RAN');
    } finally {
      await renderer.close();
    }
    expect(server.requests).toEqual([]);
    expect(server.connections).toBe(before);
  });
});
