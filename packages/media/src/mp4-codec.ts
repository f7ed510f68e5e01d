// Boxes that only contain other boxes on the way to the video sample entry, with the bytes of
// their own fields to skip before the children start (stsd: version, flags and entry count).
const CONTAINERS: Record<string, number> = { moov: 0, trak: 0, mdia: 0, minf: 0, stbl: 0, stsd: 8 };

// A visual sample entry's own fields (reserved, data reference index, sizes, compressor name…) before its child boxes.
const VISUAL_SAMPLE_ENTRY_FIELDS = 78;

interface Box {
  type: string;
  start: number;
  end: number;
}

/**
 * The RFC 6381 codec string of the H.264 track of an MP4 init segment, e.g. "avc1.64001F", read
 * from the profile, constraint flags and level in its avcC: exactly what the stream declares, with
 * no ffprobe run (which cannot tell profile or level from an init segment alone, and costs a process
 * start per rendition). Null when there is no H.264 track. Pure.
 */
export function avcCodecOfInit(mp4: Uint8Array): string | null {
  const bytes = Buffer.from(mp4.buffer, mp4.byteOffset, mp4.byteLength);
  const entry = findBox(bytes, ['avc1', 'avc3'], 0, bytes.length);
  if (!entry) return null;
  const config = findBox(bytes, ['avcC'], entry.start + VISUAL_SAMPLE_ENTRY_FIELDS, entry.end);
  // configurationVersion 1, then AVCProfileIndication, profile_compatibility, AVCLevelIndication.
  if (!config || config.end - config.start < 4 || bytes[config.start] !== 1) return null;
  const hex = (i: number) => bytes[config.start + i]!.toString(16).padStart(2, '0').toUpperCase();
  return `${entry.type}.${hex(1)}${hex(2)}${hex(3)}`;
}

/** Depth-first search for the first box of one of `types` between `start` and `end`, descending only into {@link CONTAINERS}. */
function findBox(bytes: Buffer, types: string[], start: number, end: number): Box | null {
  for (let at = start; at + 8 <= end;) {
    let size = bytes.readUInt32BE(at);
    const type = bytes.toString('latin1', at + 4, at + 8);
    let header = 8;
    if (size === 1) {
      if (at + 16 > end) return null;
      size = Number(bytes.readBigUInt64BE(at + 8));
      header = 16;
    } else if (size === 0) {
      size = end - at;
    }
    if (size < header || at + size > end) return null;
    if (types.includes(type)) return { type, start: at + header, end: at + size };
    const skip = CONTAINERS[type];
    if (skip !== undefined) {
      const found = findBox(bytes, types, at + header + skip, at + size);
      if (found) return found;
    }
    at += size;
  }
  return null;
}
