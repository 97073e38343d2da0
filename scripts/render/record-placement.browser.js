// Runs inside the page (see record-placement.ts); plain JS, like
// squeeze-punctuation.browser.js, so nothing from the TypeScript toolchain
// leaks into the page. Evaluates to the two steps around the measuring print.
({
  // Before the measuring print: a zero-height box where the body ends (just
  // before the 版记), and links to it and to the 版记, so that Chromium writes
  // where both begin into the PDF as named destinations. Returns their names,
  // the height of the 版记's lines in mm and the page it needs ("even" or
  // "any"); null when there is no 版记.
  mark() {
    const record = document.querySelector('.gw-record');
    if (!record || !record.firstElementChild) return null;
    if (!record.id) {
      record.id = 'gw-record';
      record.dataset.gwMeasureId = '';
    }
    const end = document.createElement('div');
    end.id = 'gw-body-end';
    end.className = 'gw-record-measure';
    // flow-root: the last block's bottom margin stays above the box, as it will above the 版记.
    end.style.cssText = 'display: flow-root; height: 0';
    for (const target of [end.id, record.id]) {
      const link = document.createElement('a');
      link.href = `#${target}`;
      link.setAttribute('aria-hidden', 'true');
      link.style.cssText = 'display: block; height: 0; overflow: hidden';
      end.append(link);
    }
    record.before(end);
    const top = record.firstElementChild.getBoundingClientRect().top;
    const bottom = record.lastElementChild.getBoundingClientRect().bottom;
    return { endId: end.id, recordId: record.id, recordMm: ((bottom - top) * 25.4) / 96, page: record.dataset.gwRecordPage || 'even' };
  },

  // After it: the marks go, and a 版记 that shares the body's last page
  // flows on that page in a box reaching down to the block's bottom edge.
  place(placement) {
    for (const mark of document.querySelectorAll('.gw-record-measure')) mark.remove();
    const record = document.querySelector('.gw-record');
    if ('gwMeasureId' in record.dataset) {
      record.removeAttribute('id');
      delete record.dataset.gwMeasureId;
    }
    if (!placement.shared) return;
    record.classList.add('gw-record-shared');
    record.style.setProperty('--gw-record-height', `${placement.heightMm}mm`);
  },
})
