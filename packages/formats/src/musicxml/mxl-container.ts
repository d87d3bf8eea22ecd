/**
 * Compressed MusicXML (.mxl): a zip holding META-INF/container.xml, which names the score file.
 * Bytes in and out; decoding handles UTF-8 and UTF-16 (with its byte-order mark).
 */
import { MusicError } from '@cadenza/core';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { child, childrenNamed, parseXml } from './xml-tree.js';

/** True for zip bytes ('PK'), which is how a .mxl file starts. */
export const isZip = (bytes: Uint8Array): boolean => bytes[0] === 0x50 && bytes[1] === 0x4b;

/** XML bytes to text: UTF-16 when a byte-order mark says so, else UTF-8. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  if (!le && !be) return strFromU8(bytes).replace(/^\uFEFF/, '');
  const units: string[] = [];
  for (let i = 2; i + 1 < bytes.length; i += 2) {
    const code = le
      ? (bytes[i] as number) | ((bytes[i + 1] as number) << 8)
      : ((bytes[i] as number) << 8) | (bytes[i + 1] as number);
    units.push(String.fromCharCode(code));
  }
  return units.join('');
}

/** The score text inside an .mxl container. */
export function unpackMxl(bytes: Uint8Array): string {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (e) {
    throw new MusicError(
      `this .mxl file is not a readable zip archive (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const container = files['META-INF/container.xml'];
  let path: string | undefined;
  if (container) {
    const rootfiles = child(parseXml(decodeXmlBytes(container)), 'rootfiles');
    const entries = rootfiles ? childrenNamed(rootfiles, 'rootfile') : [];
    const score =
      entries.find((r) =>
        (r.attrs['media-type'] ?? 'application/vnd.recordare.musicxml+xml').includes('musicxml'),
      ) ?? entries[0];
    path = score?.attrs['full-path'];
  }
  path ??= Object.keys(files).find((f) => !f.startsWith('META-INF/') && /\.(musicxml|xml)$/i.test(f));
  const data = path === undefined ? undefined : files[path];
  if (!data)
    throw new MusicError('this .mxl file holds no MusicXML score (META-INF/container.xml names none)');
  return decodeXmlBytes(data);
}

const CONTAINER =
  '<?xml version="1.0" encoding="UTF-8"?>\n<container>\n  <rootfiles>\n' +
  '    <rootfile full-path="score.musicxml" media-type="application/vnd.recordare.musicxml+xml"/>\n' +
  '  </rootfiles>\n</container>\n';

/** A fixed timestamp keeps the archive's bytes reproducible. */
const MTIME = new Date(Date.UTC(2020, 0, 1));

/** Packs MusicXML text into an .mxl container (mimetype first and stored, as the format asks). */
export function writeMxlContainer(xml: string): Uint8Array {
  return zipSync(
    {
      mimetype: [strToU8('application/vnd.recordare.musicxml'), { level: 0 }],
      'META-INF/container.xml': strToU8(CONTAINER),
      'score.musicxml': strToU8(xml),
    },
    { level: 6, mtime: MTIME },
  );
}
