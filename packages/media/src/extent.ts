/** One demuxed packet as ffprobe lists it: enough to tell how far a file really goes. */
export interface PacketInfo {
  stream: number;
  /** Presentation time in seconds; null in raw streams, which have none. */
  pts: number | null;
  duration: number;
  /** Byte offset in the file; null when the demuxer does not say. */
  pos: number | null;
  size: number;
}

/** How long a recording claims to be against how much of it is actually in the file. */
export interface MediaExtent {
  /** What the container's header declares; 0 when it declares nothing (raw streams). */
  declaredSeconds: number;
  /** Where the readable media ends, measured from the first packet. */
  decodableSeconds: number;
  /** Set when the file stops well before its declared end (an interrupted copy): media after this point is missing. */
  truncatedAtSeconds: number | null;
}

/**
 * Compares the declared duration with the packets that are really there. A phone transfer cut
 * off mid-way leaves an MP4 whose index (at the front) still promises the full length; ffprobe
 * then lists packets only up to the cut, the last one partial. Small differences between streams
 * are normal; a shortfall over half a second and 2 % is a truncation, cut before the first
 * packet that touches the end of the file. Pure.
 */
export function measureExtent(packets: PacketInfo[], declaredSeconds: number, startSeconds: number, fileSize: number): MediaExtent {
  const ends = new Map<number, number>();
  const sums = new Map<number, number>();
  for (const p of packets) {
    if (p.pts !== null) ends.set(p.stream, Math.max(ends.get(p.stream) ?? -Infinity, p.pts + p.duration));
    sums.set(p.stream, (sums.get(p.stream) ?? 0) + p.duration);
  }
  let decodable = 0;
  for (const [stream, sum] of sums) {
    const end = ends.get(stream);
    decodable = Math.max(decodable, end === undefined ? sum : end - startSeconds);
  }
  const declared = declaredSeconds > 0 ? declaredSeconds : 0;
  const tolerance = Math.max(0.5, declared * 0.02);
  if (declared === 0 || declared - decodable <= tolerance) {
    return { declaredSeconds: declared, decodableSeconds: round(declared || decodable), truncatedAtSeconds: null };
  }
  // Packets that run into the end of the file were cut; frames from the earliest of them on are damaged.
  const cutPackets = packets
    .filter((p) => p.pos !== null && p.pts !== null && p.pos + p.size >= fileSize)
    .map((p) => p.pts! - startSeconds);
  const cut = round(Math.max(0, Math.min(decodable, ...cutPackets)));
  return { declaredSeconds: declared, decodableSeconds: cut, truncatedAtSeconds: cut };
}

function round(seconds: number): number {
  return Math.round(seconds * 1000) / 1000;
}
