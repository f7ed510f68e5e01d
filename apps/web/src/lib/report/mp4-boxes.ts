// Just enough ISO-BMFF (MP4/MOV) reading to carry a video's capture facts across compression:
// the time in the movie header (mvhd) and the ©xyz location Android cameras write. Browsers give
// no API for either, and the compressed file must keep them for the evidence checks.

/** Reads `length` bytes at `offset`; fewer at the end of the file. */
export type ByteReader = (offset: number, length: number) => Promise<Uint8Array>;

// MP4 times count seconds from 1904-01-01 UTC.
const MP4_EPOCH_MS = Date.UTC(1904, 0, 1);

interface Box {
  type: string;
  start: number;
  /** Where the payload begins (after the 8- or 16-byte header). */
  body: number;
  end: number;
}

const ascii = (bytes: Uint8Array) => String.fromCharCode(...bytes);

/** The boxes between `from` and `to`; stops at anything malformed rather than guessing. */
async function* boxes(read: ByteReader, from: number, to: number): AsyncGenerator<Box> {
  let at = from;
  while (at + 8 <= to) {
    const head = await read(at, 16);
    if (head.length < 8) return;
    const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
    let size = view.getUint32(0);
    let body = at + 8;
    if (size === 1) {
      if (head.length < 16) return;
      size = Number(view.getBigUint64(8));
      body = at + 16;
    } else if (size === 0) {
      size = to - at; // "to the end of the file"
    }
    if (size < body - at || at + size > to) return;
    yield { type: ascii(head.subarray(4, 8)), start: at, body, end: at + size };
    at += size;
  }
}

async function child(read: ByteReader, parent: Box, type: string): Promise<Box | null> {
  for await (const box of boxes(read, parent.body, parent.end)) if (box.type === type) return box;
  return null;
}

/** The movie header's creation time, when the camera set one (not zero). */
async function mvhdTime(read: ByteReader, moov: Box): Promise<Date | null> {
  const mvhd = await child(read, moov, 'mvhd');
  if (!mvhd) return null;
  const bytes = await read(mvhd.body, 12);
  if (bytes.length < 12) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const seconds = bytes[0] === 1 ? Number(view.getBigUint64(4)) : view.getUint32(4);
  return seconds > 0 ? new Date(MP4_EPOCH_MS + seconds * 1000) : null;
}

/**
 * The location under moov/udta as ISO 6709 ("+39.0842+117.2009/"): Android's ©xyz holds that
 * text; the 3GPP 'loci' box (other cameras, ffmpeg) holds fixed-point degrees.
 */
async function udtaLocation(read: ByteReader, moov: Box): Promise<string | null> {
  const udta = await child(read, moov, 'udta');
  if (!udta) return null;
  const xyz = await child(read, udta, '\u00a9xyz');
  if (xyz) {
    const bytes = await read(xyz.body, Math.min(xyz.end - xyz.body, 64));
    const length = (bytes[0]! << 8) | bytes[1]!;
    const text = ascii(bytes.subarray(4, 4 + length));
    return /^[+-]\d/.test(text) ? text : null;
  }
  const loci = await child(read, udta, 'loci');
  return loci ? lociLocation(await read(loci.body, Math.min(loci.end - loci.body, 512))) : null;
}

/** ISO 6709 text from a 'loci' payload: version/flags, language, name\0, role, then 16.16 longitude and latitude. */
function lociLocation(bytes: Uint8Array): string | null {
  const nameEnd = bytes.indexOf(0, 6);
  const at = nameEnd + 2; // the name's terminator, then the role byte
  if (nameEnd < 0 || at + 8 > bytes.length) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const longitude = view.getInt32(at) / 65536;
  const latitude = view.getInt32(at + 4) / 65536;
  if (Math.abs(latitude) > 90 || Math.abs(longitude) > 180 || (latitude === 0 && longitude === 0)) return null;
  const signed = (n: number, width: number) =>
    `${n < 0 ? '-' : '+'}${Math.abs(n)
      .toFixed(4)
      .padStart(width + 5, '0')}`;
  return `${signed(latitude, 2)}${signed(longitude, 3)}/`;
}

/** When and where a video was recorded, as far as its container says. */
export interface CaptureFacts {
  recordedAt: Date | null;
  location: string | null;
}

export async function readCaptureFacts(read: ByteReader, size: number): Promise<CaptureFacts> {
  for await (const box of boxes(read, 0, size)) {
    if (box.type === 'moov') return { recordedAt: await mvhdTime(read, box), location: await udtaLocation(read, box) };
  }
  return { recordedAt: null, location: null };
}

/** A ByteReader over a Blob (a picked file). */
export function blobReader(blob: Blob): ByteReader {
  return async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer());
}

/**
 * Sets the movie header's creation and modification times of an MP4 in memory: the encoder
 * stamps the time of compression there, which would pass for the time of recording. `at` null
 * writes zero, which readers take as "unknown".
 */
export async function setMovieTime(file: Uint8Array, at: Date | null): Promise<boolean> {
  const read: ByteReader = async (offset, length) => file.subarray(offset, offset + length);
  for await (const box of boxes(read, 0, file.length)) {
    if (box.type !== 'moov') continue;
    const mvhd = await child(read, box, 'mvhd');
    if (!mvhd) return false;
    const view = new DataView(file.buffer, file.byteOffset + mvhd.body, 20);
    const seconds = at ? Math.max(0, Math.floor((at.getTime() - MP4_EPOCH_MS) / 1000)) : 0;
    if (file[mvhd.body] === 1) {
      view.setBigUint64(4, BigInt(seconds));
      view.setBigUint64(12, BigInt(seconds));
    } else {
      view.setUint32(4, seconds);
      view.setUint32(8, seconds);
    }
    return true;
  }
  return false;
}
