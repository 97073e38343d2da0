// Runs inside the page (see cover.ts), called with the cover's HTML; plain JS
// so nothing from the TypeScript toolchain leaks into the page.
//
// The cover is drawn over whatever the tab shows, at the viewport's size, in
// a shadow root, so neither the page's style sheets nor the properties its
// root passes down (all: initial) reach it. A tab photographed before has its
// old cover replaced.
(html) => {
  document.getElementById('gw-cover')?.remove();
  const host = document.createElement('div');
  host.id = 'gw-cover';
  host.style.cssText = 'all: initial; position: fixed; left: 0; top: 0; width: 100vw; height: 100vh; z-index: 2147483647; contain: strict;';
  host.attachShadow({ mode: 'open' }).innerHTML = html;
  document.documentElement.append(host);
  return document.fonts.ready.then(() => undefined);
}
