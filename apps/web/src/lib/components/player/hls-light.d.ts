// hls.js ships one declaration file, for its full build; the light build has the same API minus
// features we do not use (subtitles, alternate audio, DRM).
declare module 'hls.js/light' {
  import Hls from 'hls.js';
  export default Hls;
}
