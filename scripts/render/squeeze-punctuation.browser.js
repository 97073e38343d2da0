// Runs inside the page before printing (see squeeze-punctuation.ts); plain JS
// so nothing from the TypeScript toolchain leaks into the page.
//
// Chromium keeps closing punctuation off the start of a line by carrying the
// character before it over too, which leaves the line one character short of
// the 28 of the GB/T 9704 grid, stretched by justification. Instead, as CJK
// typesetters do (标点挤压, W3C clreq §3.1.6), closing marks on that line are
// set half-width (their glyph sits in the left half of the em box) until the
// carried character and its marks fit back on the line; if they never do,
// the line is left as it was. Every glyph stays inside the 156 mm block.
//
// Only the characters before closing marks are measured while looking for a
// short line; a line found is read a few lines at a time. The work grows with
// the length of the text, not with its square.
(() => {
  const CLOSING = /[，。、；：？！”’）》」』】〕]/u;
  // Justified blocks only; measured left-aligned, so a short line shows as short.
  const blocks = [...document.querySelectorAll('.gw-document p, .gw-document h3, .gw-document h4, .gw-document h5, .gw-document h6')].filter(
    (block) => getComputedStyle(block).textAlign === 'justify',
  );
  if (!blocks.length) return 0;
  document.documentElement.classList.add('gw-measuring');
  const range = document.createRange();

  // Each character is measured once while the layout stands: text node → rect per offset. A squeeze changes the layout and clears it.
  let measured = new Map();
  function rectOf(node, offset) {
    let rects = measured.get(node);
    if (!rects) measured.set(node, (rects = []));
    if (!(offset in rects)) {
      range.setStart(node, offset);
      range.setEnd(node, offset + 1);
      rects[offset] = range.getClientRects()[0];
    }
    return rects[offset];
  }

  /**
   * The lines of `block` from the character at `start` on, as arrays of
   * {node, offset, char, rect}: `count` whole lines, and the first character
   * of the line after them when there is one.
   */
  function linesFrom(block, start, count) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = start.node;
    const rows = [];
    for (let node = start.node, first = start.offset; node; node = walker.nextNode(), first = 0) {
      for (let i = first; i < node.data.length; i++) {
        const rect = rectOf(node, i);
        if (!rect || rect.width === 0) continue;
        const c = { node, offset: i, char: node.data[i], rect };
        const last = rows[rows.length - 1];
        if (last && Math.abs(rect.top - last[0].rect.top) < rect.height / 2) last.push(c);
        else if (rows.length === count) return { rows, next: c };
        else rows.push([c]);
      }
    }
    return { rows, next: undefined };
  }

  const squeezed = (c) => c.node.parentElement.classList.contains('gw-squeeze');

  function squeeze(c) {
    measured = new Map();
    const mark = c.node.splitText(c.offset);
    mark.splitText(1);
    const span = document.createElement('span');
    span.className = 'gw-squeeze';
    mark.replaceWith(span);
    span.append(mark);
    return span;
  }

  // Not normalised afterwards: a character's (node, offset) held elsewhere stays valid.
  const unsqueeze = (span) => {
    measured = new Map();
    span.replaceWith(...span.childNodes);
  };

  /** A line followed by a carried "character + closing mark", and short of the block's right edge. */
  function isShort(line, next, right, cell) {
    return Boolean(
      next && next.length > 1 && CLOSING.test(next[1].char) && !CLOSING.test(next[0].char) && line[line.length - 1].rect.right < right - cell / 2,
    );
  }

  /**
   * Squeezes the carried marks (they will end the line), then the line's own
   * closing marks from its end, until the pair fits; undoes it all if it never does.
   */
  function mend(block, start, right, cell) {
    const made = [];
    for (;;) {
      const [line, next] = linesFrom(block, start, 2).rows;
      if (!isShort(line, next, right, cell)) return true;
      const carried = [];
      for (const c of next.slice(1)) {
        if (!CLOSING.test(c.char)) break;
        carried.push(c);
      }
      const target = [...carried, ...line.filter((c) => CLOSING.test(c.char)).reverse()].find((c) => !squeezed(c));
      if (!target) {
        made.reverse().forEach(unsqueeze);
        return false;
      }
      made.push(squeeze(target));
    }
  }

  /** The characters of `block` from `start` on, in order, unmeasured. */
  function* charsFrom(block, start) {
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    walker.currentNode = start.node;
    for (let node = start.node, first = start.offset; node; node = walker.nextNode(), first = 0) {
      for (let i = first; i < node.data.length; i++) yield { node, offset: i, char: node.data[i] };
    }
  }

  /** The character with its rect, or undefined when it takes no room (collapsed white space). */
  function visible(c) {
    const rect = rectOf(c.node, c.offset);
    if (!rect || rect.width === 0) return undefined;
    c.rect = rect;
    return c;
  }

  const sameLine = (a, b) => Math.abs(b.rect.top - a.rect.top) < b.rect.height / 2;

  /**
   * The first character of the first short line (see isShort) from the line
   * starting at `start` on. Only a line whose successor begins with a
   * character and a closing mark can be short, so only such pairs and the
   * characters before them are measured, not every character.
   */
  function nextShortLine(block, start, right, cell) {
    const seen = [];
    for (const mark of charsFrom(block, start)) {
      seen.push(mark);
      const carried = seen[seen.length - 2];
      if (!carried || !CLOSING.test(mark.char) || CLOSING.test(carried.char) || !visible(carried) || !visible(mark)) continue;
      let before = seen.length - 3;
      while (before >= 0 && !visible(seen[before])) before--;
      // The pair does not begin a line, or begins the line of `start`, which was checked with the line above it.
      if (before < 0 || sameLine(seen[before], carried)) continue;
      const last = seen[before];
      if (!isShort([last], [carried, mark], right, cell)) continue;
      let first = before;
      for (let i = before - 1; i >= 0; i--) {
        if (!visible(seen[i])) continue;
        if (!sameLine(seen[i], last)) break;
        first = i;
      }
      return seen[first];
    }
    return undefined;
  }

  let mended = 0;
  for (const block of blocks) {
    const style = getComputedStyle(block);
    // One grid cell: the glyph advance plus the tracking.
    const cell = parseFloat(style.fontSize) + (parseFloat(style.letterSpacing) || 0);
    const right = block.getBoundingClientRect().right - parseFloat(style.paddingRight);
    const firstText = document.createTreeWalker(block, NodeFilter.SHOW_TEXT).nextNode();
    // Lines above the current one never move, so one pass from the top suffices.
    for (let start = firstText && { node: firstText, offset: 0 }; start; ) {
      const short = nextShortLine(block, start, right, cell);
      if (!short) break;
      if (mend(block, short, right, cell)) mended++;
      // Mending split text nodes, whether it held or was undone: the next line is found again.
      start = linesFrom(block, short, 1).next;
    }
  }
  document.documentElement.classList.remove('gw-measuring');
  return mended;
})()
