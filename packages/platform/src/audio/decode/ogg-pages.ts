/** Ogg pages: checks a file page by page (complete, CRC intact, ends with end-of-stream) before decoding. */

export interface OggStreamInfo {
  /** Granule position of the last page of the first logical stream (codec-specific sample count). */
  readonly lastGranule: bigint;
  readonly pages: number;
  /** Distinct logical streams (chained or multiplexed); granules only describe the first. */
  readonly streams: number;
  /** The first stream's end-of-stream page is present (a file cut at a page boundary lacks it). */
  readonly ended: boolean;
  /** What is damaged, in words, or undefined when every page is complete and intact. */
  readonly problem: string | undefined;
}

let crcTable: Uint32Array | undefined;

/** Ogg's CRC-32 (polynomial 0x04c11db7, MSB first, initial value 0); table built on first use. */
function oggCrc(bytes: Uint8Array, crcOffset: number): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let i = 0; i < 256; i++) {
      let r = i << 24;
      for (let bit = 0; bit < 8; bit++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
      crcTable[i] = r >>> 0;
    }
  }
  let crc = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = i >= crcOffset && i < crcOffset + 4 ? 0 : (bytes[i] ?? 0);
    crc = ((crc << 8) ^ (crcTable[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  }
  return crc;
}

/** Walks all pages of the first logical stream in an Ogg file. */
export function walkOggPages(bytes: Uint8Array): OggStreamInfo {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let pages = 0;
  let lastGranule = 0n;
  let serial: number | undefined;
  const serials = new Set<number>();
  let sawEnd = false;
  const result = (problem: string | undefined): OggStreamInfo => ({
    lastGranule,
    pages,
    streams: serials.size,
    ended: sawEnd,
    problem,
  });
  while (offset < bytes.length) {
    if (offset + 27 > bytes.length) return result(`it ends inside page ${pages + 1}`);
    if (String.fromCharCode(...bytes.subarray(offset, offset + 4)) !== 'OggS')
      return result(`page ${pages + 1} does not start where it should (byte ${offset})`);
    const segments = bytes[offset + 26] ?? 0;
    const headerLength = 27 + segments;
    if (offset + headerLength > bytes.length) return result(`it ends inside page ${pages + 1}`);
    let bodyLength = 0;
    for (let i = 0; i < segments; i++) bodyLength += bytes[offset + 27 + i] ?? 0;
    const end = offset + headerLength + bodyLength;
    if (end > bytes.length) return result(`it ends inside page ${pages + 1}`);
    const page = bytes.subarray(offset, end);
    if (oggCrc(page, 22) !== view.getUint32(offset + 22, true))
      return result(`page ${pages + 1} is damaged (checksum mismatch)`);
    const pageSerial = view.getUint32(offset + 14, true);
    serial ??= pageSerial;
    serials.add(pageSerial);
    if (pageSerial === serial) {
      const granule = view.getBigInt64(offset + 6, true);
      if (granule >= 0n) lastGranule = granule; // -1: no packet ends on this page
      if ((bytes[offset + 5] ?? 0) & 4) sawEnd = true;
    }
    pages++;
    offset = end;
  }
  return result(undefined);
}
