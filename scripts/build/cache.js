// @ts-check
/**
 * The build cache under OUT/.cache (safe to delete at any time: the next
 * build makes everything again):
 *
 * - builds/NAME-ID.json, one record per document: the key of the run (tool,
 *   environment), every input file it read with its stamp, the font folders
 *   it searched, its outputs with their stamps, and its messages. A document
 *   whose record still matches is up to date: nothing is parsed, no browser
 *   starts.
 * - stages/STAGE/KEY, the products of the expensive stages keyed by a hash of
 *   exactly what they consumed (the printed PDF by the page HTML and the font
 *   files): a rebuild that changes the code but not the page prints nothing.
 *
 * Plain JavaScript, as ./fingerprint.js, for the CLI's no-op path.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { folderSignature, sha256, stampFiles, stillMatches } from './fingerprint.js';
import { writeAtomically } from './outputs.js';

/**
 * @typedef {import('./fingerprint.js').FileStamp} FileStamp
 * @typedef {import('vfile').VFile} VFile
 *
 * @typedef {object} StoredMessage
 * @property {string} reason
 * @property {number} [line]
 * @property {number} [column]
 * @property {string} [ruleId]
 * @property {string} [source]
 * @property {boolean | null} [fatal]
 *
 * @typedef {object} BuildRecord
 * @property {string} key
 * @property {Record<string, FileStamp>} inputs
 * @property {Record<string, string>} folders font folder → its signature (./fingerprint.js) when the build began
 * @property {Record<string, FileStamp>} outputs
 * @property {Record<string, string>} stages stage → key of the stage products this document used; entries no record names are pruned.
 * @property {StoredMessage[]} messages
 *
 * @typedef {{ because: 'new' | 'tool' | 'force' } | { because: 'fonts' | 'input' | 'output', path: string }} Staleness
 * Why a document is built again: no record in this output folder; the tool, its packages or the environment changed
 * (the record's key); asked to; a font folder, an input or an output changed since the record.
 *
 * @typedef {object} BuildEntry what a good build of one document leaves for its record
 * @property {string} key
 * @property {Record<string, FileStamp>} inputs
 * @property {Record<string, string>} folders
 * @property {string[]} outputs
 * @property {Record<string, string>} stages
 * @property {VFile} file
 */

export class BuildCache {
  /** @param {string} outDir */
  constructor(outDir) {
    /** @readonly */
    this.dir = join(outDir, '.cache');
  }

  /**
   * @param {string} name
   * @param {string} source
   */
  #recordPath(name, source) {
    return join(this.dir, 'builds', `${name}-${sha256(source).slice(0, 12)}.json`);
  }

  /**
   * The record of the last good build of `source` when it is still valid for
   * `key`, else why the document has to be built again: the first file found
   * changed, or what else did.
   * @param {string} name
   * @param {string} source
   * @param {string} key
   * @returns {{ record: BuildRecord } | { stale: Staleness }}
   */
  check(name, source, key) {
    /** @type {BuildRecord} */
    let record;
    try {
      record = JSON.parse(readFileSync(this.#recordPath(name, source), 'utf8'));
    } catch {
      return { stale: { because: 'new' } };
    }
    if (record.key !== key) return { stale: { because: 'tool' } };
    const folder = Object.entries(record.folders).find(([dir, signature]) => folderSignature(dir) !== signature)?.[0];
    if (folder) return { stale: { because: 'fonts', path: folder } };
    /** @param {Record<string, FileStamp>} stamps */
    const firstChanged = (stamps) => Object.keys(stamps).find((path) => !stillMatches(path, stamps[path]));
    const input = firstChanged(record.inputs);
    if (input) return { stale: { because: 'input', path: input } };
    const output = firstChanged(record.outputs);
    if (output) return { stale: { because: 'output', path: output } };
    return { record };
  }

  /**
   * Records a good build. Its inputs were stamped before they were read (see
   * ./document.ts), so an edit made during the build makes the next run
   * rebuild rather than trust outputs made from the older text.
   * @param {string} name
   * @param {string} source
   * @param {BuildEntry} entry
   */
  save(name, source, entry) {
    /** @type {BuildRecord} */
    const record = {
      key: entry.key,
      inputs: entry.inputs,
      folders: entry.folders,
      outputs: stampFiles(entry.outputs),
      stages: entry.stages,
      messages: entry.file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal })),
    };
    mkdirSync(join(this.dir, 'builds'), { recursive: true });
    writeAtomically(this.#recordPath(name, source), JSON.stringify(record));
  }

  /**
   * Puts the messages of the build a record describes back on the file, so an up-to-date document still shows its warnings.
   * @param {BuildRecord} record
   * @param {VFile} file
   */
  static replay(record, file) {
    for (const stored of record.messages) {
      const place = stored.line ? { line: stored.line, column: stored.column ?? 1 } : undefined;
      file.message(stored.reason, { place, ruleId: stored.ruleId, source: stored.source }).fatal = stored.fatal ?? undefined;
    }
  }

  /**
   * @param {string} stage
   * @param {string} key
   */
  stagePath(stage, key) {
    return join(this.dir, 'stages', stage, key);
  }

  /**
   * @param {string} stage
   * @param {string} key
   * @returns {Buffer | undefined}
   */
  readStage(stage, key) {
    try {
      return readFileSync(this.stagePath(stage, key));
    } catch {
      return undefined;
    }
  }

  /**
   * @param {string} stage
   * @param {string} key
   * @param {Uint8Array} data
   */
  writeStage(stage, key, data) {
    mkdirSync(join(this.dir, 'stages', stage), { recursive: true });
    writeAtomically(this.stagePath(stage, key), data);
  }

  /** Removes stage products no document's record names any more (older versions of edited documents). */
  prune() {
    const records = this.#records();
    const used = new Set(records.flatMap((record) => Object.entries(record.stages).map(([stage, key]) => `${stage}/${key}`)));
    for (const stage of safeList(join(this.dir, 'stages'))) {
      for (const key of safeList(join(this.dir, 'stages', stage))) {
        if (!key.startsWith('.') && !used.has(`${stage}/${key}`)) rmSync(join(this.dir, 'stages', stage, key), { force: true });
      }
    }
  }

  /** @returns {BuildRecord[]} */
  #records() {
    return safeList(join(this.dir, 'builds')).flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(this.dir, 'builds', name), 'utf8'))];
      } catch {
        return [];
      }
    });
  }
}

/** @param {string} dir */
function safeList(dir) {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
