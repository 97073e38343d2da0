/**
 * The build cache under OUT/.cache (safe to delete at any time: the next
 * build makes everything again):
 *
 * - builds/NAME-ID.json, one record per document: the key of the run (tool,
 *   environment, font folders), every input file it read with its stamp, its
 *   outputs with theirs, and its messages. A document whose record still
 *   matches is up to date: nothing is parsed, no browser starts.
 * - stages/STAGE/KEY, the products of the expensive stages keyed by a hash of
 *   exactly what they consumed (the printed PDF by the page HTML and the font
 *   files): a rebuild that changes the code but not the page prints nothing.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { VFile } from 'vfile';
import { sha256, stampFiles, stillMatches, type FileStamp } from './fingerprint.ts';
import { writeAtomically } from './outputs.ts';

interface StoredMessage {
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
  fatal?: boolean | null;
}

export interface BuildRecord {
  key: string;
  inputs: Record<string, FileStamp>;
  outputs: Record<string, FileStamp>;
  /** stage → key of the stage products this document used; entries no record names are pruned. */
  stages: Record<string, string>;
  messages: StoredMessage[];
}

export class BuildCache {
  readonly dir: string;

  constructor(outDir: string) {
    this.dir = join(outDir, '.cache');
  }

  #recordPath(name: string, source: string): string {
    return join(this.dir, 'builds', `${name}-${sha256(source).slice(0, 12)}.json`);
  }

  /** The record of the last good build of `source`, when it is still valid for `key`. */
  upToDate(name: string, source: string, key: string): BuildRecord | undefined {
    let record: BuildRecord;
    try {
      record = JSON.parse(readFileSync(this.#recordPath(name, source), 'utf8'));
    } catch {
      return undefined;
    }
    if (record.key !== key) return undefined;
    const unchanged = (stamps: Record<string, FileStamp>) => Object.entries(stamps).every(([path, stamp]) => stillMatches(path, stamp));
    return unchanged(record.inputs) && unchanged(record.outputs) ? record : undefined;
  }

  /**
   * Records a good build. Its inputs were stamped before they were read (see
   * ./document.ts), so an edit made during the build makes the next run
   * rebuild rather than trust outputs made from the older text.
   */
  save(name: string, source: string, entry: { key: string; inputs: Record<string, FileStamp>; outputs: string[]; stages: Record<string, string>; file: VFile }): void {
    const record: BuildRecord = {
      key: entry.key,
      inputs: entry.inputs,
      outputs: stampFiles(entry.outputs),
      stages: entry.stages,
      messages: entry.file.messages.map((m) => ({ reason: m.reason, line: m.line, column: m.column, ruleId: m.ruleId, source: m.source, fatal: m.fatal })),
    };
    mkdirSync(join(this.dir, 'builds'), { recursive: true });
    writeAtomically(this.#recordPath(name, source), JSON.stringify(record));
  }

  /** Puts the messages of the build a record describes back on the file, so an up-to-date document still shows its warnings. */
  static replay(record: BuildRecord, file: VFile): void {
    for (const stored of record.messages) {
      const place = stored.line ? { line: stored.line, column: stored.column ?? 1 } : undefined;
      file.message(stored.reason, { place, ruleId: stored.ruleId, source: stored.source }).fatal = stored.fatal ?? undefined;
    }
  }

  stagePath(stage: string, key: string): string {
    return join(this.dir, 'stages', stage, key);
  }

  readStage(stage: string, key: string): Buffer | undefined {
    try {
      return readFileSync(this.stagePath(stage, key));
    } catch {
      return undefined;
    }
  }

  writeStage(stage: string, key: string, data: Uint8Array): void {
    mkdirSync(join(this.dir, 'stages', stage), { recursive: true });
    writeAtomically(this.stagePath(stage, key), data);
  }

  /** Removes stage products no document's record names any more (older versions of edited documents). */
  prune(): void {
    const records = this.#records();
    const used = new Set(records.flatMap((record) => Object.entries(record.stages).map(([stage, key]) => `${stage}/${key}`)));
    for (const stage of safeList(join(this.dir, 'stages'))) {
      for (const key of safeList(join(this.dir, 'stages', stage))) {
        if (!key.startsWith('.') && !used.has(`${stage}/${key}`)) rmSync(join(this.dir, 'stages', stage, key), { force: true });
      }
    }
  }

  #records(): BuildRecord[] {
    return safeList(join(this.dir, 'builds')).flatMap((name) => {
      try {
        return [JSON.parse(readFileSync(join(this.dir, 'builds', name), 'utf8')) as BuildRecord];
      } catch {
        return [];
      }
    });
  }
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
