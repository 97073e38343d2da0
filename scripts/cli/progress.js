// @ts-check
/**
 * Progress of a batch: on a terminal, one bar redrawn in place with the
 * count, the documents in flight and the last one done, and messages printed
 * above it; elsewhere (CI logs, pipes) one plain line per document.
 */
import { relative } from 'node:path';

const WIDTH = 24;

export class Progress {
  /** @type {number} */
  #total;
  /** @type {boolean} */
  #tty;
  /** @type {NodeJS.WriteStream} */
  #stream;
  #done = 0;
  #running = 0;
  #last = '';

  /**
   * @param {number} total
   * @param {NodeJS.WriteStream} stream
   */
  constructor(total, stream = process.stderr) {
    this.#total = total;
    this.#stream = stream;
    this.#tty = Boolean(stream.isTTY) && !process.env.CI;
  }

  started() {
    this.#running += 1;
    this.#draw();
  }

  /**
   * One document finished: `line` is its plain report, printed above the bar on a terminal.
   * @param {string} name
   * @param {string} line
   * @param {boolean} built
   */
  finished(name, line, built) {
    this.#done += 1;
    if (built) this.#running -= 1;
    this.#last = name;
    this.print(line);
  }

  /**
   * Prints text (a document's warnings) without tearing the bar.
   * @param {string} text
   */
  print(text) {
    if (this.#tty) this.#stream.write('\r\x1b[K');
    this.#stream.write(`${text}\n`);
    this.#draw();
  }

  /** Removes the bar, before the summary. */
  end() {
    if (this.#tty) this.#stream.write('\r\x1b[K');
  }

  #draw() {
    if (!this.#tty) return;
    const filled = Math.round((this.#done / Math.max(1, this.#total)) * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    const status = `${bar} ${this.#done}/${this.#total}${this.#running ? `, ${this.#running} building` : ''}`;
    this.#stream.write(`\r\x1b[K${status}  ${this.#last}`.slice(0, (this.#stream.columns || 100) + 4));
  }
}

/** @param {number} ms */
export const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
/** @param {string} path */
export const shown = (path) => relative(process.cwd(), path) || path;
