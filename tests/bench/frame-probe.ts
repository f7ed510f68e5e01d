// The browser benchmarks' first-frame probe, shared by wall.bench.ts and report.bench.ts.

/**
 * Installed in every page: `__firstFrame(selector)` resolves with the presentation time (ms after
 * navigation start) of the first frame of the first <video> matching `selector`, including frames
 * shown before it was asked. Media events do not bubble but are seen in the capture phase at the
 * document. Plain JavaScript in a string: tsx would wrap a function's inner functions in a
 * `__name` helper that does not exist in the page.
 */
export const FRAME_PROBE = `(() => {
  const shown = [];
  const waiting = [];
  const settle = () => {
    for (const wait of [...waiting]) {
      const hit = shown.find((s) => s.video.matches(wait.selector));
      if (hit) waiting.splice(waiting.indexOf(wait), 1), wait.resolve(hit.at);
    }
  };
  document.addEventListener('loadstart', (e) => {
    const video = e.target;
    if (!(video instanceof HTMLVideoElement) || shown.some((s) => s.video === video)) return;
    video.requestVideoFrameCallback((now, meta) => {
      shown.push({ video, at: meta.presentationTime ?? now });
      settle();
    });
  }, true);
  window.__firstFrame = (selector) => new Promise((resolve) => (waiting.push({ selector, resolve }), settle()));
})();`;
