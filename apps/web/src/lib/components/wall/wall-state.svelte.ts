import type {
  Camera,
  Enterprise,
  Industry,
  LiveStream,
  Meeting,
  MeetingSummary,
  PlatformEvent,
  WallStats,
  Zone,
} from '@platform/contracts';
import { api } from '$lib/api/client.ts';
import { eventStream, subscribeEvents } from '$lib/events/event-stream.svelte.ts';
import { shanghaiDay } from '$lib/format/shanghai-time.ts';
import { matchesFilters, NO_FILTERS, type WallFilters } from './wall-format.ts';
import { filterQuery, listToday, readSettings, saveSettings, type WallPreload } from './wall-preload.ts';
import * as wall from './wall-queue.ts';
import { liveKey, liveMatches } from './wall-live.ts';

const STATS_EVERY_MS = 30_000;
const TICK_MS = 1_000;
/** Events come in bursts (a meeting and its uploads); one stats request per burst is enough. */
const STATS_DEBOUNCE_MS = 400;
/** Signed media links last hours, but a tile re-shown much later should not start with stale ones. */
const DETAIL_FRESH_MS = 5 * 60_000;
const LOAD_RETRY_MS = 10_000;

/**
 * Everything the command-centre wall shows: the rotation queue (rules in wall-queue.ts), the
 * meetings on it, today's counts, the filters and the live event stream. One instance per wall
 * page; `start()` wires it to the server and returns the function that unwires it.
 */
export class WallController {
  queue = $state.raw<wall.WallQueue>(wall.createQueue(4, 30_000));
  /** Summaries by id; media status and progress are patched in place from events. */
  meetings = $state<Record<string, MeetingSummary>>({});
  filters = $state<WallFilters>({ ...NO_FILTERS });
  dwellSeconds = $state(30);
  stats = $state.raw<WallStats | null>(null);
  zones = $state.raw<Zone[]>([]);
  industries = $state.raw<Industry[]>([]);
  loadFailed = $state(false);
  loaded = $state(false);
  /** The meeting open full screen, if any (a live's queue key `live:<id>` for a live). */
  openId = $state<string | null>(null);
  /** Lives on air by queue key (`live:<id>`); `interrupted` is patched from events. */
  lives = $state<Record<string, LiveStream>>({});
  /** Cameras the operator may see, loaded when the camera list opens; statuses follow events. */
  cameras = $state<Camera[]>([]);
  camerasFailed = $state(false);
  /** The camera open full screen, if any. */
  cameraOpen = $state.raw<Camera | null>(null);

  readonly connected = $derived(eventStream.connected);

  /**
   * @param zoneLocked for a zone officer: the server already limits every call to his zone, so
   *   the wall offers no zone filter and drops one saved on this screen by another user.
   */
  constructor(readonly zoneLocked = false) {}
  readonly waitingCount = $derived(wall.waiting(this.queue).length);

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache of requests; nothing renders it.
  #details = new Map<string, { at: number; meeting: Promise<Meeting> }>();
  #statsTimer: ReturnType<typeof setTimeout> | null = null;
  #loadSeq = 0;
  #statsSeq = 0;
  #retryTimer: ReturnType<typeof setTimeout> | null = null;
  #liveSeq = 0;
  #liveRetry: ReturnType<typeof setTimeout> | null = null;
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a private cache of requests; nothing renders it.
  #enterprises = new Map<string, Promise<Enterprise | null>>();

  /**
   * Loads everything and follows events until the returned function is called. `preload` holds
   * the first requests if the route's load function already started them (see wall-preload.ts).
   */
  start(preload?: WallPreload): () => void {
    const saved = preload?.settings ?? readSettings();
    // A saved zone outside his own would leave a zone officer's wall empty; the preload asked with it.
    if (this.zoneLocked && saved.filters.zoneId) preload = undefined;
    this.filters = this.zoneLocked ? { ...saved.filters, zoneId: '' } : saved.filters;
    this.dwellSeconds = saved.dwellSeconds;
    this.queue = wall.createQueue(saved.layout, saved.dwellSeconds * 1000);
    void this.reload(preload);
    // Events sent before the stream opens are lost, so it opens with the first load, not after.
    const unsubscribe = subscribeEvents((event) => this.#onEvent(event));
    // The filter choices are not needed for the first frame: ask once the first tiles are asked for.
    const lists = setTimeout(() => {
      void api.zones.list().then(
        (z) => (this.zones = z),
        () => undefined,
      );
      void api.industries.list().then(
        (i) => (this.industries = i),
        () => undefined,
      );
    }, 500);
    let day = shanghaiDay();
    const tick = setInterval(() => {
      this.queue = wall.rotate(this.queue, Date.now());
      // At midnight (Asia/Shanghai) the wall moves on to the new day's meetings and counts.
      if (shanghaiDay() !== day) {
        day = shanghaiDay();
        void this.reload();
      }
    }, TICK_MS);
    const statsTimer = setInterval(() => void this.refreshStats(), STATS_EVERY_MS);
    // Events sent while the stream was down are lost, so a reconnect reloads the queue.
    const stopWatch = $effect.root(() => {
      let wasConnected = false;
      let dropped = false;
      $effect(() => {
        const connected = eventStream.connected;
        if (!connected && wasConnected) dropped = true;
        if (connected && dropped) {
          dropped = false;
          void this.reload();
        }
        wasConnected = connected;
      });
    });
    return () => {
      clearTimeout(lists);
      unsubscribe();
      stopWatch();
      clearInterval(tick);
      clearInterval(statsTimer);
      if (this.#statsTimer) clearTimeout(this.#statsTimer);
      if (this.#retryTimer) clearTimeout(this.#retryTimer);
      if (this.#liveRetry) clearTimeout(this.#liveRetry);
      this.#loadSeq += 1; // Answers still on their way are ignored.
      this.#liveSeq += 1;
    };
  }

  /** Reloads today's meetings for the current filters (or takes preloaded ones), and the counts. */
  async reload(preload?: WallPreload): Promise<void> {
    const seq = ++this.#loadSeq;
    if (this.#retryTimer) clearTimeout(this.#retryTimer);
    void this.refreshStats();
    void this.reloadLives();
    try {
      const page = await (preload?.page ?? listToday(this.filters));
      if (preload) {
        // Before the tiles exist, so they find their details already on the way.
        for (const [id, meeting] of await preload.details) this.#details.set(id, { at: preload.at, meeting });
      }
      if (seq !== this.#loadSeq) return; // A newer filter choice won.
      const pinned = Object.fromEntries(
        this.queue.slots.flatMap((s) =>
          s.pinned && s.meetingId && this.meetings[s.meetingId] ? [[s.meetingId, this.meetings[s.meetingId]!]] : [],
        ),
      );
      this.meetings = { ...pinned, ...Object.fromEntries(page.items.map((m) => [m.id, m])) };
      this.queue = wall.loadMeetings(
        this.queue,
        page.items.map((m) => m.id),
        Date.now(),
      );
      this.loadFailed = false;
    } catch {
      if (seq !== this.#loadSeq) return;
      this.loadFailed = true;
      // Unattended screen: try again by itself rather than wait for an operator or an event.
      this.#retryTimer = setTimeout(() => seq === this.#loadSeq && void this.reload(), LOAD_RETRY_MS);
    } finally {
      if (seq === this.#loadSeq) this.loaded = true;
    }
  }

  /** The lives on air for the current filters; they take tiles ahead of recorded meetings. */
  async reloadLives(): Promise<void> {
    const seq = ++this.#liveSeq;
    if (this.#liveRetry) clearTimeout(this.#liveRetry);
    try {
      const page = await api.lives.list({ status: 'LIVE', pageSize: 200 });
      const kept = await this.#matching(page.items);
      if (seq !== this.#liveSeq) return;
      this.lives = Object.fromEntries(kept.map((l) => [liveKey(l.id), l]));
      this.queue = wall.loadLives(
        this.queue,
        kept.map((l) => liveKey(l.id)),
        Date.now(),
      );
    } catch {
      if (seq !== this.#liveSeq) return;
      // Live is optional (LIVE_ENABLED=0 still lists nothing): keep the recorded wall, try again later.
      this.#liveRetry = setTimeout(() => seq === this.#liveSeq && void this.reloadLives(), LOAD_RETRY_MS);
    }
  }

  /** The lives of `lives` that pass the filters (industry and risk need the enterprise). */
  async #matching(lives: readonly LiveStream[]): Promise<LiveStream[]> {
    const filters = this.filters;
    const needEnterprise = !!filters.industryId || !!filters.riskLevel;
    const checked = await Promise.all(
      lives.map(async (l) => liveMatches(l, needEnterprise ? await this.enterprise(l.enterprise.id) : null, filters)),
    );
    return lives.filter((_, i) => checked[i]);
  }

  /** An enterprise's industry and risk level, asked once per wall (null when it cannot be read). */
  enterprise(id: string): Promise<Enterprise | null> {
    let known = this.#enterprises.get(id);
    if (!known) {
      known = api.enterprises.get(id).catch(() => null);
      this.#enterprises.set(id, known);
    }
    return known;
  }

  /** Loads the cameras the operator may see (the camera list). */
  async loadCameras(): Promise<void> {
    try {
      const page = await api.cameras.list({ pageSize: 200 });
      this.cameras = page.items;
      this.camerasFailed = false;
    } catch {
      this.camerasFailed = true;
    }
  }

  async refreshStats(): Promise<void> {
    const seq = ++this.#statsSeq;
    try {
      const stats = await api.wall.stats(filterQuery(this.filters));
      if (seq === this.#statsSeq) this.stats = stats; // An older filter's answer must not win.
    } catch {
      // Keep the last counts on screen; the next event or the 30 s timer tries again.
    }
  }

  /** The full meeting with signed media links, shared by a tile and the full-screen view. */
  detail(id: string, fresh = false): Promise<Meeting> {
    const cached = this.#details.get(id);
    if (cached && !fresh && Date.now() - cached.at < DETAIL_FRESH_MS) return cached.meeting;
    const meeting = api.meetings.get(id);
    this.#details.set(id, { at: Date.now(), meeting });
    meeting.catch(() => this.#details.delete(id));
    return meeting;
  }

  setFilters(filters: WallFilters): void {
    this.filters = filters;
    this.#save();
    void this.reload();
  }

  setLayout(layout: wall.WallLayout): void {
    this.queue = wall.setLayout(this.queue, layout, Date.now());
    this.#save();
  }

  setDwell(seconds: number): void {
    this.dwellSeconds = seconds;
    this.queue = wall.setDwell(this.queue, seconds * 1000);
    this.#save();
  }

  togglePin(index: number): void {
    this.queue = wall.togglePin(this.queue, index);
  }

  skip(index: number): void {
    this.queue = wall.skip(this.queue, index, Date.now());
  }

  #save(): void {
    saveSettings({ layout: this.queue.slots.length as wall.WallLayout, dwellSeconds: this.dwellSeconds, filters: this.filters });
  }

  #statsSoon(): void {
    if (this.#statsTimer) return;
    this.#statsTimer = setTimeout(() => {
      this.#statsTimer = null;
      void this.refreshStats();
    }, STATS_DEBOUNCE_MS);
  }

  #onEvent(event: PlatformEvent): void {
    if (event.type === 'media.status') return this.#onMedia(event);
    if (event.type === 'camera.status') return this.#onCamera(event);
    if (event.type === 'live.changed') return this.#onLive(event);
    this.#statsSoon();
    if (this.filters.zoneId && event.zoneId !== this.filters.zoneId) return;
    if (event.type === 'meeting.updated' && !this.meetings[event.meetingId]) return;
    // The event names only the zone. Without industry or risk filters that is enough to decide,
    // so the tile appears at once and fills in when the meeting arrives; otherwise wait for it.
    const decided = event.type === 'meeting.reported' && !this.filters.industryId && !this.filters.riskLevel;
    if (decided) this.queue = wall.arrive(this.queue, event.meetingId, Date.now());
    void this.detail(event.meetingId, true).then(
      (meeting) => {
        if (!matchesFilters(meeting, this.filters)) {
          this.queue = wall.remove(this.queue, meeting.id, Date.now());
          return;
        }
        this.meetings[meeting.id] = meeting;
        if (event.type === 'meeting.reported' && !decided) this.queue = wall.arrive(this.queue, meeting.id, Date.now());
        this.#prune();
      },
      () => decided && (this.queue = wall.remove(this.queue, event.meetingId, Date.now())),
    );
  }

  #onLive(event: Extract<PlatformEvent, { type: 'live.changed' }>): void {
    const key = liveKey(event.liveId);
    if (event.status !== 'LIVE') {
      // Ended: off the wall; its recording comes back as the meeting's video.
      this.queue = wall.remove(this.queue, key, Date.now());
      delete this.lives[key];
      return;
    }
    if (this.filters.zoneId && event.zoneId !== this.filters.zoneId) return;
    const known = this.lives[key];
    if (known) known.interrupted = event.interrupted;
    const seq = this.#liveSeq;
    void api.lives.get(event.liveId).then(
      async (live) => {
        const [ok] = await this.#matching([live]);
        if (seq !== this.#liveSeq) return; // The filters changed meanwhile; that reload decides.
        if (!ok || live.status !== 'LIVE') {
          this.queue = wall.remove(this.queue, key, Date.now());
          delete this.lives[key];
          return;
        }
        this.lives[key] = live;
        this.queue = wall.arrive(this.queue, key, Date.now(), true);
      },
      () => undefined,
    );
  }

  #onCamera(event: Extract<PlatformEvent, { type: 'camera.status' }>): void {
    const camera = this.cameras.find((c) => c.id === event.cameraId);
    if (camera) camera.status = event.status;
  }

  /** Forgets meetings the queue has dropped, so a wall left on for weeks keeps its memory flat. */
  #prune(): void {
    const now = Date.now();
    for (const [id, cached] of this.#details) if (now - cached.at > DETAIL_FRESH_MS) this.#details.delete(id);
    if (Object.keys(this.meetings).length <= wall.MAX_ENTRIES + 50) return;
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a local lookup, dropped when #prune returns.
    const kept = new Set([...this.queue.entries.map((e) => e.id), ...wall.onScreen(this.queue)]);
    this.meetings = Object.fromEntries(Object.entries(this.meetings).filter(([id]) => kept.has(id)));
  }

  #onMedia(event: Extract<PlatformEvent, { type: 'media.status' }>): void {
    const meeting = event.meetingId ? this.meetings[event.meetingId] : undefined;
    if (!meeting) return;
    const media = meeting.media.find((m) => m.id === event.assetId);
    if (media) {
      media.status = event.status;
      media.progress = event.progress;
      return;
    }
    // A file we did not know of (uploaded after the meeting was reported): fetch its kind.
    void this.detail(meeting.id, true).then(
      (full) => {
        if (this.meetings[full.id]) this.meetings[full.id] = full;
      },
      () => undefined,
    );
  }
}
