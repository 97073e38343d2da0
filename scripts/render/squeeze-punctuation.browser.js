// Runs inside the page before printing (see squeeze-punctuation.ts); plain JS
// so nothing from the TypeScript toolchain leaks into the page.
//
// Chromium keeps closing punctuation off the start of a line by carrying the
// character before it over too, which leaves the line one character short of
// the 28 of the GB/T 9704 grid, stretched by justification. Instead, as CJK
// typesetters do (标点挤压, W3C clreq §3.1.6), closing marks on that line are
// set half-width (their glyph sits in the left half of the em box) until the
// carried character and its mark fit back on the line. Every glyph stays
// inside the 156 mm block. Each block is laid out again after each change.
(() => {
  const CLOSING = /[，。、；：？！”’）》」』】〕]/u;
  // Justified blocks only; measured left-aligned, so a short line shows as short.
  const blocks = [...document.querySelectorAll('.gw-document p, .gw-document h3, .gw-document h4, .gw-document h5, .gw-document h6')].filter(
    (block) => getComputedStyle(block).textAlign === 'justify',
  );
  document.documentElement.classList.add('gw-measuring');

  function characters(block) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    const chars = [];
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
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

  const squeezed = (c) => c.node.parentElement.classList.contains('gw-squeeze');

  function squeeze(c) {
    const mark = c.node.splitText(c.offset);
    mark.splitText(1);
    const span = document.createElement('span');
    span.className = 'gw-squeeze';
    mark.replaceWith(span);
    span.append(mark);
    return span;
  }

  function unsqueeze(span) {
    const parent = span.parentNode;
    span.replaceWith(...span.childNodes);
    parent.normalize();
  }

  /** The line before a carried "character + closing mark" pair, short of the block's right edge. */
  function isShort(rows, i, right, cell) {
    const next = rows[i + 1];
    return Boolean(
      next && next.length > 1 && CLOSING.test(next[1].char) && !CLOSING.test(next[0].char) && rows[i][rows[i].length - 1].rect.right < right - cell / 2,
    );
  }

  /**
   * Squeezes the carried mark (it will end the line), then the line's own
   * closing marks from its end, until the pair fits; undoes it all if it never does.
   */
  function mend(block, line, right, cell) {
    const made = [];
    for (;;) {
      const rows = lines(characters(block));
      if (!isShort(rows, line, right, cell)) return true;
      const next = rows[line + 1];
      // The carried character's closing marks: "程”，" carries "”" and "，".
      const carriedMarks = [];
      for (const c of next.slice(1)) {
        if (!CLOSING.test(c.char)) break;
        carriedMarks.push(c);
      }
      const candidates = [...carriedMarks, ...rows[line].filter((c) => CLOSING.test(c.char)).reverse()];
      const target = candidates.find((c) => !squeezed(c));
      if (!target) {
        made.reverse().forEach(unsqueeze);
        return false;
      }
      made.push(squeeze(target));
    }
  }

  let mended = 0;
  for (const block of blocks) {
    const style = getComputedStyle(block);
    // One grid cell: the glyph advance plus the tracking.
    const cell = parseFloat(style.fontSize) + (parseFloat(style.letterSpacing) || 0);
    const right = block.getBoundingClientRect().right - parseFloat(style.paddingRight);
    // Lines above a mended one do not move, so one pass from the top suffices.
    for (let line = 0; ; line++) {
      const rows = lines(characters(block));
      if (line >= rows.length - 1) break;
      if (isShort(rows, line, right, cell) && mend(block, line, right, cell)) mended++;
    }
  }
  document.documentElement.classList.remove('gw-measuring');
  return mended;
})()
