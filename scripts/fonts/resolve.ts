/**
 * Finds the font files that fill a slot: the user's copy of the official face
 * (in a fonts folder or installed on the system), else the free stand-ins.
 * fontconfig (fc-list, fc-scan) answers which file holds which family and at
 * which index of a collection.
 */
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FaceRef, Slot } from './slots.ts';

export interface FontFile {
  file: string;
  /** Index of the face in a .ttc collection. */
  face: number;
  families: string[];
  style: string;
}

const FORMAT = '%{file}\\t%{index}\\t%{family}\\t%{style}\\n';

function parseFcOutput(output: string): FontFile[] {
  return output
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [file, index, family = '', style = ''] = line.split('\t');
      return { file, face: Number(index) || 0, families: family.split(','), style };
    });
}

const fontconfigMissing = (command: string) => new Error(`fontconfig's ${command} is not available: install fontconfig (Debian: apt-get install fontconfig)`);

function scanFontFiles(files: string[]): FontFile[] {
  try {
    return parseFcOutput(execFileSync('fc-scan', ['--format', FORMAT, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  } catch {
    throw fontconfigMissing('fc-scan');
  }
}

const FONT_FILE = /\.(ttf|otf|ttc|otc)$/i;

function listFontFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => FONT_FILE.test(name))
    .map((name) => join(dir, name));
}

/** The system's faces, asked once per process: fc-list costs a process each time, and every document asks. */
let systemFaces: Promise<FontFile[]> | undefined;

/**
 * Asks fontconfig for the system's faces, once per process, without waiting:
 * a build asks before it parses, so fc-list has answered by the time the
 * fonts are resolved (asked then, synchronously, it held this process for
 * 0.1–0.2 s while Chromium started).
 */
export function listSystemFaces(): Promise<FontFile[]> {
  systemFaces ??= promisify(execFile)('fc-list', ['--format', FORMAT], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }).then(
    ({ stdout }) => parseFcOutput(stdout),
    () => Promise.reject(fontconfigMissing('fc-list')),
  );
  return systemFaces;
}

/** The user's faces by their files' stamps: a font dropped in or replaced is scanned. */
const userFaces = new Map<string, FontFile[]>();

/**
 * Every face fontconfig knows, plus the faces in the user's font folders
 * (searched first). A font installed on the system while a process runs
 * (watch) is seen from its next start.
 */
export async function fontCatalogue(userFontDirs: string[]): Promise<FontFile[]> {
  const userFiles = userFontDirs.flatMap(listFontFiles);
  const stamp = JSON.stringify(
    userFiles.map((file) => {
      const { size, mtimeMs } = statSync(file);
      return [file, size, mtimeMs];
    }),
  );
  let user = userFaces.get(stamp);
  if (!user) {
    user = userFiles.length ? scanFontFiles(userFiles) : [];
    userFaces.set(stamp, user);
  }
  return [...user, ...(await listSystemFaces())];
}

function matchesFamily(font: FontFile, family: string, style?: string): boolean {
  const sameFamily = font.families.some((name) => name.trim().toLowerCase() === family.toLowerCase());
  return sameFamily && (!style || font.style.split(',').some((s) => s.trim().toLowerCase() === style.toLowerCase()));
}

function findFace(catalogue: FontFile[], ref: FaceRef): FontFile | undefined {
  if ('file' in ref) {
    return existsSync(ref.file) ? { file: ref.file, face: ref.face ?? 0, families: [], style: '' } : undefined;
  }
  // A regular face before bold and italic ones of the same family.
  const candidates = catalogue.filter((font) => matchesFamily(font, ref.family, ref.style));
  return candidates.find((font) => /regular|book|normal/i.test(font.style)) ?? candidates[0];
}

export interface ResolvedSlot {
  /** Faces that exist, best first: the official face if the user has it, then the stand-ins. */
  faces: FontFile[];
  /** True when the first face is the official one. */
  official: boolean;
}

export function resolveSlot(slot: Slot, catalogue: FontFile[]): ResolvedSlot {
  const official = slot.official.map((family) => findFace(catalogue, { family })).find(Boolean);
  const standIns = slot.standIns.map((ref) => findFace(catalogue, ref)).filter((f): f is FontFile => Boolean(f));
  return { faces: official ? [official, ...standIns] : standIns, official: Boolean(official) };
}
