/**
 * A zip writer for the finished container (APPNOTE 6.3): entries in the given
 * order, each deflated by Node's zlib unless stored, all dated `date`, no
 * directory entries, no extra fields. jszip's own deflate is JavaScript and
 * took most of the EPUB stage on the fonts.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
  /** Kept uncompressed (OCF: `mimetype`). */
  store?: boolean;
}

const DEFLATE = 8;
const STORE = 0;
/** "Version needed to extract" 2.0 (deflate), and made by MS-DOS: no Unix permissions to carry. */
const VERSION = 20;
/** General purpose flag bit 11: the name is UTF-8. */
const UTF8_NAME = 0x0800;

/** MS-DOS time and date fields of `date`, in UTC, as the build date is meant. */
function dosDateTime(date: Date): { time: number; day: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2),
    day: ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate(),
  };
}

export function zipEntries(entries: ZipEntry[], date: Date): Buffer {
  const { time, day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    // zlib's default level: level 9 took 1.6× as long (62 against 38 ms for the 10× document's book) for 0.2 % fewer bytes.
    const data = entry.store ? entry.data : deflateRawSync(entry.data, { level: 6 });
    // Fields shared by the local and the central header, from "version needed" to "extra field length".
    const common = Buffer.alloc(26);
    common.writeUInt16LE(VERSION, 0);
    common.writeUInt16LE(/[^\x00-\x7f]/.test(entry.name) ? UTF8_NAME : 0, 2);
    common.writeUInt16LE(entry.store ? STORE : DEFLATE, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(day, 8);
    common.writeUInt32LE(crc32(entry.data), 10);
    common.writeUInt32LE(data.length, 14);
    common.writeUInt32LE(entry.data.length, 18);
    common.writeUInt16LE(name.length, 22);
    const local = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), common, name, data]);
    const central = Buffer.alloc(46 + name.length);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(VERSION, 4); // made by: MS-DOS, 2.0
    common.copy(central, 6);
    // Comment length, disk number, internal and external attributes stay 0.
    central.writeUInt32LE(offset, 42);
    name.copy(central, 46);
    locals.push(local);
    centrals.push(central);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
