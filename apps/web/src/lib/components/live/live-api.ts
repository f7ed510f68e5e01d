// The live operations the wall and the live player call, typed by the contract like every call
// of $lib/api/client.ts (same request helper, same error handling).
import type { Camera, LivePlayback, LiveStream, Page } from '@platform/contracts';
import { request } from '$lib/api/http.ts';
import { resolveOperation, type OperationArgs, type OperationId, type Query, type Result } from '$lib/api/operation.ts';

function call<K extends OperationId>(id: K, args: OperationArgs<K>): Promise<Result<K>> {
  const { method, path, query, body } = resolveOperation(id, args);
  return request<Result<K>>(method, path, { query, body });
}

export const liveApi = {
  /** Lives the caller may watch, newest first (`status: 'LIVE'` for those on air). */
  list: (query: Query<'listLives'> = {}): Promise<Page<LiveStream>> => call('listLives', { query }),
  get: (id: string): Promise<LiveStream> => call('getLive', { params: { id } }),
  /** Fresh signed links to watch a live; 409 LIVE_NOT_LIVE when it is not on air. */
  play: (id: string): Promise<LivePlayback> => call('playLive', { params: { id } }),
  cameras: {
    list: (query: Query<'listCameras'> = {}): Promise<Page<Camera>> => call('listCameras', { query }),
    /** Fresh signed links to watch a camera (its pull starts on demand). */
    play: (id: string): Promise<LivePlayback> => call('playCamera', { params: { id } }),
  },
};
