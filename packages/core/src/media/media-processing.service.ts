import type { MediaStatus } from '@platform/contracts';
import type { EventPublisher } from '../events/event.port.ts';
import type { JobContext, JobQueue } from '../jobs/jobs.ts';
import { MediaRejectedError } from '../errors/index.ts';
import type { AssetRecord, MediaRepository } from './media.port.ts';
import type {
  DocumentProcessor,
  FinishedRendition,
  JobWorkspace,
  PhotoProcessor,
  VideoProcessor,
  WorkspaceFactory,
} from './media-processor.port.ts';
import type { MediaStore } from './media-store.port.ts';
import type { MediaFailureCode, MediaFailureParams } from './media-failure.ts';
import { DOCUMENT_FILE, derivedKey, derivedPrefix } from './storage-keys.ts';

// Writing progress on every ffmpeg tick would hammer the database; a few updates a second is plenty.
const PROGRESS_STEP = 2;

/**
 * The `media.process` job. Rebuilds an asset's derived files from its source: for video the HLS
 * renditions (published one by one, PLAYABLE from the first), master playlist, poster and sprite;
 * for photos the evidence and derivatives; for PDF documents a structure check and the copy viewers
 * get (`document.pdf`). Safe to run again after a crash: it starts from a
 * clean derived prefix and a cleared rendition list.
 */
export class MediaProcessingService {
  constructor(
    private readonly media: MediaRepository,
    private readonly store: MediaStore,
    private readonly video: VideoProcessor,
    private readonly photo: PhotoProcessor,
    private readonly workspaces: WorkspaceFactory,
    private readonly events: EventPublisher,
    private readonly document: DocumentProcessor,
    /** Where the evidence checks of a finished meeting asset are enqueued; none in tests that only process. */
    private readonly jobs?: JobQueue,
  ) {}

  /** Tells the screens watching this asset's meeting; a lost event must never fail the job. */
  private async emit(asset: AssetRecord, status: MediaStatus, progress: number): Promise<void> {
    if (!asset.enterpriseId || !asset.zoneId) return;
    // A file uploaded before its report joins the meeting while it is processed: look again until
    // it has, or the wall (which follows meetings) never hears that it became playable.
    if (!asset.meetingId) asset.meetingId = (await this.media.findAsset(asset.id).catch(() => null))?.meetingId ?? null;
    await this.events
      .publish({
        type: 'media.status',
        assetId: asset.id,
        meetingId: asset.meetingId,
        enterpriseId: asset.enterpriseId,
        zoneId: asset.zoneId,
        status,
        progress,
      })
      .catch(() => {});
  }

  async process(assetId: string, ctx: JobContext, options: { maxDurationSeconds?: number } = {}): Promise<void> {
    const started = performance.now();
    // Debug lines with the time since the job began: where the seconds to PLAYABLE go.
    const stage = (name: string) => ctx.log.debug({ stage: name, ms: Math.round(performance.now() - started) }, 'media stage');
    const asset = await this.media.findAsset(assetId);
    // Deleted, or already finished by an earlier attempt: nothing to do.
    const attempt = asset && (await this.media.beginProcessing(assetId));
    if (!asset || !attempt) return;
    // A retry of an asset that is already playing rewrites its files in place: players keep going
    // and its status stays PLAYABLE. Only a fresh start clears what an earlier attempt left.
    if (attempt === 'fresh') await Promise.all([this.emit(asset, 'PROCESSING', 0), this.store.deletePrefix(derivedPrefix(assetId))]);
    stage('begun');
    const workspace = await this.workspaces(assetId);
    try {
      const file = await workspace.download(asset.sourceKey, 'source');
      // Hashed before processing so a reused video is recognised by its bytes, and reports can cite them.
      await this.media.setSha256(assetId, await workspace.sha256(file));
      stage('downloaded');
      if (asset.kind === 'PHOTO') await this.processPhoto(asset, file, workspace);
      else if (asset.kind === 'DOCUMENT') await this.processDocument(asset, file, workspace);
      else await this.processVideo(asset, file, workspace, ctx, { playable: attempt === 'resumed', stage, ...options });
      await this.media.markReady(assetId);
      await this.emit(asset, 'READY', 100);
      await this.enqueueEvidenceCheck(asset, ctx);
    } catch (error) {
      // The file's fault: the same bytes fail the same way, so the job ends here without retries.
      if (error instanceof MediaRejectedError) {
        ctx.log.warn({ err: error, assetId, code: error.code }, 'media rejected');
        await this.fail(asset, error.code, error.params, error.message);
        return;
      }
      if (ctx.lastAttempt) {
        await this.fail(
          asset,
          'MEDIA_PROCESSING_FAILED',
          {},
          `Processing failed after ${ctx.attempt + 1} attempts: ${(error as Error).message}`,
        );
      }
      throw error;
    } finally {
      await workspace.dispose();
    }
  }

  /**
   * Evidence of a meeting is checked once it is READY. The file is processed whatever happens
   * here, so a queue failure is logged and never fails (or retries) the media job.
   */
  private async enqueueEvidenceCheck(asset: AssetRecord, ctx: JobContext): Promise<void> {
    if (!this.jobs) return;
    // Read again: a file uploaded while its report was being written joins its meeting when the
    // report is submitted, possibly while it was being processed (StagedMedia checks the others).
    const meetingId = asset.meetingId ?? (await this.media.findAsset(asset.id))?.meetingId;
    if (!meetingId) return;
    await this.jobs
      .send('evidence.check', { assetId: asset.id }, { singletonKey: asset.id })
      .catch((error: unknown) => ctx.log.warn({ err: error, assetId: asset.id }, 'evidence check not enqueued'));
  }

  private async fail(asset: AssetRecord, code: MediaFailureCode, params: MediaFailureParams, detail: string): Promise<void> {
    await this.media.markFailed(asset.id, { code, params, detail });
    await this.emit(asset, 'FAILED', 0);
  }

  private async processVideo(
    asset: AssetRecord,
    file: string,
    workspace: JobWorkspace,
    ctx: JobContext,
    { playable, stage, maxDurationSeconds }: { playable: boolean; stage: (name: string) => void; maxDurationSeconds?: number },
  ): Promise<void> {
    const inspection = await this.video.inspect(file, { maxDurationSeconds });
    stage('inspected');
    // Written while the first rendition is made; screens read the facts only once it is published.
    const facts = this.media.setVideoFacts(asset.id, inspection.facts);
    facts.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
    const published: FinishedRendition[] = [];
    let reported = 0;
    const masterKey = derivedKey(asset.id, 'master.m3u8');
    const out = {
      hlsDir: `${workspace.dir}/hls`,
      poster: `${workspace.dir}/poster.jpg`,
      sprite: `${workspace.dir}/sprite.jpg`,
      vtt: `${workspace.dir}/sprite.vtt`,
    };
    const stills = await this.video.transcode(file, inspection, out, {
      signal: ctx.signal,
      onProgress: (fraction) => {
        const percent = Math.min(99, Math.floor(fraction * 100));
        if (percent >= reported + PROGRESS_STEP) {
          reported = percent;
          void this.media.setProgress(asset.id, percent).catch(() => {});
          void this.emit(asset, playable || published.length ? 'PLAYABLE' : 'PROCESSING', percent);
        }
      },
      onRendition: async (rendition) => {
        stage(`${rendition.name} made`);
        await workspace.uploadDirectory(rendition.dir, derivedKey(asset.id, `${rendition.name}/`));
        await facts;
        published.push(rendition);
        // The master is rewritten after each rendition, so players see every finished one.
        await this.store.put(masterKey, Buffer.from(this.video.masterPlaylist(published)), {
          contentType: 'application/vnd.apple.mpegurl',
        });
        await this.media.publishRendition(
          asset.id,
          {
            name: rendition.name,
            width: rendition.width ?? 0,
            height: rendition.height ?? 0,
            bandwidth: rendition.bandwidth,
            codecs: rendition.codecs,
            playlistKey: derivedKey(asset.id, `${rendition.name}/index.m3u8`),
            remuxed: rendition.remuxed,
          },
          masterKey,
        );
        await this.emit(asset, 'PLAYABLE', reported);
        stage(`${rendition.name} published`);
      },
    });
    await facts;
    if (stills) {
      await Promise.all([
        workspace.uploadFile(out.poster, derivedKey(asset.id, 'poster.jpg')),
        workspace.uploadFile(out.sprite, derivedKey(asset.id, 'sprite.jpg')),
        workspace.uploadFile(out.vtt, derivedKey(asset.id, 'sprite.vtt')),
      ]);
      await this.media.setVideoExtras(asset.id, {
        posterKey: derivedKey(asset.id, 'poster.jpg'),
        spriteKey: derivedKey(asset.id, 'sprite.jpg'),
        spriteVttKey: derivedKey(asset.id, 'sprite.vtt'),
      });
    }
  }

  /**
   * A PDF is delivered as checked, never the source itself: only derived files are deliverable,
   * so a copy under the derived prefix is what the signed links reach.
   */
  private async processDocument(asset: AssetRecord, file: string, workspace: JobWorkspace): Promise<void> {
    await this.document.inspect(file);
    await workspace.uploadFile(file, derivedKey(asset.id, DOCUMENT_FILE));
  }

  private async processPhoto(asset: AssetRecord, file: string, workspace: JobWorkspace): Promise<void> {
    const out = { small: `${workspace.dir}/thumb-320.jpg`, large: `${workspace.dir}/thumb-1280.jpg` };
    const facts = await this.photo.process(file, out);
    const thumbSmallKey = derivedKey(asset.id, 'thumb-320.jpg');
    const thumbLargeKey = derivedKey(asset.id, 'thumb-1280.jpg');
    await workspace.uploadFile(out.small, thumbSmallKey);
    await workspace.uploadFile(out.large, thumbLargeKey);
    await this.media.setPhotoFacts(asset.id, { ...facts, thumbSmallKey, thumbLargeKey });
  }
}
