// @ts-check
/**
 * What a build's outputs depend on, as hashes: files (by content, with a
 * size-and-mtime shortcut as git's index has), the tool itself (the
 * pipeline's code and the package files) and the environment.
 * Plain JavaScript on node: builtins only, so the CLI answers a no-op
 * build without loading TypeScript (see ./plan.js).
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {object} FileStamp
 * @property {number} size
 * @property {number} mtimeMs
 * @property {string} [hash] sha256 of the content; absent for big files we trust by size and mtime (fonts).
 */

/** @param {string | Uint8Array} data */
export const sha256 = (data) => createHash('sha256').update(data).digest('hex');

/**
 * The stamp of a file as it is now, or undefined when it is gone.
 * @param {string} path
 * @returns {FileStamp | undefined}
 */
export function stampFile(path, withHash = true) {
  try {
    const { size, mtimeMs } = statSync(path);
    return withHash ? { size, mtimeMs, hash: sha256(readFileSync(path)) } : { size, mtimeMs };
  } catch {
    return undefined;
  }
}

/**
 * Stamps of the files that exist among `paths`.
 * @param {string[]} paths
 * @returns {Record<string, FileStamp>}
 */
export function stampFiles(paths, withHash = true) {
  return Object.fromEntries(paths.flatMap((path) => {
    const stamp = stampFile(path, withHash);
    return stamp ? [[path, stamp]] : [];
  }));
}

/**
 * True when the file still has the content the stamp recorded. Reads it only when size or mtime moved.
 * @param {string} path
 * @param {FileStamp} recorded
 */
export function stillMatches(path, recorded) {
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

/** @param {string} dir */
function filesUnder(dir) {
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
/** @param {string} projectDir */
export function toolFingerprint(projectDir) {
  return codeFingerprint(projectDir, PIPELINE_DIRS);
}

/**
 * package.json, the lock file and every file of the named folders of scripts/.
 * @param {string} projectDir
 * @param {string[]} dirs
 */
export function codeFingerprint(projectDir, dirs) {
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

/**
 * Names, sizes and times of the files in a font folder: a font added to fonts/ can change which face is chosen.
 * @param {string} dir
 */
export function folderSignature(dir) {
  try {
    return sha256(filesUnder(dir).map((file) => {
      const { size, mtimeMs } = statSync(file);
      return `${file}\t${size}\t${mtimeMs}`;
    }).join('\n'));
  } catch {
    return sha256('');
  }
}

/**
 * The signatures of the font folders a build searches, by folder.
 * @param {string[]} dirs
 * @returns {Record<string, string>}
 */
export const folderSignatures = (dirs) => Object.fromEntries(dirs.map((dir) => [dir, folderSignature(dir)]));
