// Runs in the reader page, after jszip and epub.js: open the book, display
// every spine item in turn and report what the reader shows.
/* global ePub */
function flattenToc(entries) {
  return entries.flatMap((entry) => [entry.label.trim(), ...flattenToc(entry.subitems || [])]);
}

window.visitEverySpineItem = async function visitEverySpineItem(base64) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const book = ePub(bytes.buffer);
  await book.ready;
  const rendition = book.renderTo('viewer', { width: 600, height: 800, flow: 'scrolled-doc' });
  const items = [];
  for (const section of book.spine.spineItems) {
    await rendition.display(section.href);
    const contents = rendition.getContents()[0];
    items.push({
      href: section.href,
      linear: section.linear,
      text: contents.document.body.textContent,
      lang: contents.document.documentElement.getAttribute('lang'),
    });
  }
  const metadata = book.packaging.metadata;
  return {
    title: metadata.title,
    language: metadata.language,
    items,
    toc: flattenToc(book.navigation.toc),
    pageList: ((book.pageList && book.pageList.pages) || []).map(String),
  };
};
