// The parts of piexifjs (no bundled types) the sample generators use.
declare module 'piexifjs' {
  const piexif: {
    ImageIFD: Record<'Make' | 'Model' | 'Orientation', number>;
    ExifIFD: Record<'DateTimeOriginal', number>;
    GPSIFD: Record<'GPSLatitudeRef' | 'GPSLatitude' | 'GPSLongitudeRef' | 'GPSLongitude', number>;
    TAGS: Record<string, Record<number, { name: string; type: string }>>;
    dump(exif: Record<string, Record<number, unknown>>): string;
    insert(exif: string, jpegBinary: string): string;
  };
  export default piexif;
}
