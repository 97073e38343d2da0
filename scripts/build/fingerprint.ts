/**
 * What a build's outputs depend on, as hashes: files (by content, with a
 * size-and-mtime shortcut as git's index has), the tool itself (the
 * pipeline's code and the package files) and the environment.
 * Only node: builtins here, so an up-to-date check imports nothing heavy.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface FileStamp {
  size: number;
  mtimeMs: number;
  /** sha256 of the content; absent for big files we trust by size and mtime (fonts). */
  hash?: string;
}

export const sha256 = (data: string | Uint8Array): string => createHash('sha256').update(data).digest('hex');

/** The stamp of a file as it is now, or undefined when it is gone. */
export function stampFile(path: string, withHash = true): FileStamp | undefined {
  try {
    const { size, mtimeMs } = statSync(path);
    return withHash ? { size, mtimeMs, hash: sha256(readFileSync(path)) } : { size, mtimeMs };
  } catch {
    return undefined;
  }
}

/** Stamps of the files that exist among `paths`. */
export function stampFiles(paths: string[], withHash = true): Record<string, FileStamp> {
  return Object.fromEntries(paths.flatMap((path) => {
    const stamp = stampFile(path, withHash);
    return stamp ? [[path, stamp]] : [];
  }));
}

/** True when the file still has the content the stamp recorded. Reads it only when size or mtime moved. */
export function stillMatches(path: string, recorded: FileStamp): boolean {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return false;
  }
  if (stat.size !== recorded.size) return false;
  if (stat.mtimeMs === recorded.mtimeMs) return true;
  return recorded.hash !== undefined && sha256(readFileSync(path)) === recorded.hash;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** The parts of scripts/ whose code shapes the outputs (not the CLI, import, check or bench). */
export const PIPELINE_DIRS = ['ast', 'build', 'epub', 'fonts', 'parse', 'render', 'standard', 'structure', 'template'];

/**
 * The tool's version: package.json, the lock file and every file of the
 * pipeline's folders. Any change to that code or to the dependencies
 * rebuilds everything: coarser than a dependency graph, but never stale.
 */
export function toolFingerprint(projectDir: string): string {
  return codeFingerprint(projectDir, PIPELINE_DIRS);
}

/** package.json, the lock file and every file of the named folders of scripts/. */
export function codeFingerprint(projectDir: string, dirs: string[]): string {
  const hash = createHash('sha256');
  const code = dirs.flatMap((dir) => filesUnder(join(projectDir, 'scripts', dir)));
  for (const file of [join(projectDir, 'package.json'), join(projectDir, 'package-lock.json'), ...code]) {
    hash.update(file.slice(projectDir.length)).update('\0');
    try {
      hash.update(readFileSync(file));
    } catch {
      // A file removed while we list: its absence is part of the fingerprint.
    }
    hash.update('\0');
  }
  return hash.digest('hex');
}

/** Names, sizes and times of the files in font folders: a font added to fonts/ can change which face is chosen. */
export function folderSignature(dirs: string[]): string {
  const entries = dirs.flatMap((dir) => {
    try {
      return filesUnder(dir).map((file) => {
        const { size, mtimeMs } = statSync(file);
        return `${file}\t${size}\t${mtimeMs}`;
      });
    } catch {
      return [];
    }
  });
  return sha256(entries.join('\n'));
}
