import { createRequire } from 'node:module';

interface HeifImage {
  get_width(): number;
  get_height(): number;
  display(target: { data: Uint8ClampedArray; width: number; height: number }, done: (result: unknown) => void): void;
  free?(): void;
}
interface HeifModule {
  HeifDecoder: new () => { decode(bytes: Uint8Array): HeifImage[] };
}

let heif: HeifModule | null = null;

// libheif compiled to WebAssembly: the HEVC-coded HEIC of iPhones and many Android phones, which
// sharp's prebuilt libvips cannot decode. Loaded on first use; the module is ~1.5 MB.
function libheif(): HeifModule {
  heif ??= createRequire(import.meta.url)('libheif-js/wasm-bundle') as HeifModule;
  return heif;
}

/** A decoded picture as 8-bit RGBA, upright (libheif applies the file's rotation and mirroring). */
export interface RgbaImage {
  data: Buffer;
  width: number;
  height: number;
}

/** Decodes the primary image of a HEIC/HEIF file. Throws when libheif cannot read it. */
export async function decodeHeif(bytes: Uint8Array): Promise<RgbaImage> {
  const images = new (libheif().HeifDecoder)().decode(bytes);
  const image = images[0];
  if (!image) throw new Error('HEIF file without an image');
  try {
    const width = image.get_width();
    const height = image.get_height();
    const target = { data: new Uint8ClampedArray(width * height * 4), width, height };
    await new Promise<void>((resolve, reject) =>
      image.display(target, (result) => (result ? resolve() : reject(new Error('HEIF image could not be decoded')))),
    );
    return { data: Buffer.from(target.data.buffer, target.data.byteOffset, target.data.byteLength), width, height };
  } finally {
    for (const each of images) each.free?.();
  }
}
