// Runs inside the page before printing (see hang-punctuation.ts); plain JS so
// nothing from the TypeScript toolchain leaks into the page.
//
// Chromium keeps closing punctuation off the start of a line by carrying the
// character before it over too, which leaves a line one character short and
// stretched. Word's 允许标点溢出边界 instead lets the mark hang past the right
// edge. Chromium has no hanging-punctuation, so each mark that caused a short
// line is wrapped in a zero-advance span (.gw-hang) and the block is laid out
// again, line by line.
(() => {
  const CLOSING = /[，。、；：？！”’）》」』】〕…%]/u;
  const root = document.documentElement;
  // Justified blocks only; measured left-aligned, so a short line shows as short.
  const blocks = [...document.querySelectorAll('.gw-document p, .gw-document h3, .gw-document h4, .gw-document h5, .gw-document h6')].filter(
    (block) => getComputedStyle(block).textAlign === 'justify',
  );
  root.classList.add('gw-measuring');

  function characters(block) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const chars = [];
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.closest('.gw-hang')) continue;
      for (let i = 0; i < node.data.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (rect && rect.width > 0) chars.push({ node, offset: i, char: node.data[i], rect });
      }
    }
    return chars;
  }

  function lines(chars) {
    const result = [];
    for (const c of chars) {
      const last = result[result.length - 1];
      if (last && Math.abs(c.rect.top - last[0].rect.top) < c.rect.height / 2) last.push(c);
      else result.push([c]);
    }
    return result;
  }

  // The mark becomes a zero-width inline block that paints past the line end,
  // bound with the character before it in a no-wrap span so the two never part.
  // Returns false when the two are in different text nodes (a span boundary):
  // such a mark is left as it is.
  function hang(before, mark) {
    if (before.node !== mark.node) return false;
    const markText = mark.node.splitText(mark.offset);
    markText.splitText(1);
    const beforeText = before.node.splitText(before.offset);
    const pair = document.createElement('span');
    pair.className = 'gw-nobreak';
    const hanging = document.createElement('span');
    hanging.className = 'gw-hang';
    beforeText.replaceWith(pair);
    hanging.append(markText);
    pair.append(beforeText, hanging);
    return true;
  }

  let hung = 0;
  for (const block of blocks) {
    const style = getComputedStyle(block);
    // One grid cell: the glyph advance plus the tracking.
    const cell = parseFloat(style.fontSize) + (parseFloat(style.letterSpacing) || 0);
    const right = block.getBoundingClientRect().right - parseFloat(style.paddingRight);
    const skipped = new Set();
    for (let pass = 0; pass < 1000; pass++) {
      const rows = lines(characters(block));
      const short = rows.findIndex((row, i) => {
        const next = rows[i + 1];
        return (
          next && next.length > 1 && !skipped.has(next[1].node.data + next[1].offset) &&
          CLOSING.test(next[1].char) && !CLOSING.test(next[0].char) && row[row.length - 1].rect.right < right - cell / 2
        );
      });
      if (short < 0) break;
      const [before, mark] = rows[short + 1];
      if (hang(before, mark)) hung++;
      else skipped.add(mark.node.data + mark.offset);
    }
  }
  root.classList.remove('gw-measuring');
  return hung;
})()
