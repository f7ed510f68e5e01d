import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { contentTypeOf, type JobWorkspace, type WorkspaceFactory } from '@platform/core';
import type { ObjectStore } from '@platform/storage';
import { eachLimited } from './each-limited.ts';

/** Files of a directory uploaded at once; enough to hide S3's latency, few enough for memory (segments are read whole). */
const UPLOAD_CONCURRENCY = 8;

/** Marker prefix of workspace directories, so leftovers of killed workers can be found and removed. */
export const WORKSPACE_PREFIX = 'platform-job-';

/**
 * Per-job private directories under `root` (the OS temp dir by default), bound to an object
 * store. `dispose` removes the directory; the worker also sweeps directories of dead processes at start.
 */
export function workspaceFactory(store: ObjectStore, root: string = os.tmpdir()): WorkspaceFactory {
  return async (label) => {
    const dir = await fs.mkdtemp(path.join(root, `${WORKSPACE_PREFIX}${process.pid}-${label.slice(0, 40)}-`));
    const workspace: JobWorkspace = {
      dir,
      async download(key, fileName) {
        const target = path.join(dir, fileName);
        await store.downloadTo(key, target);
        return target;
      },
      async sha256(localFile) {
        const hash = createHash('sha256');
        for await (const chunk of createReadStream(localFile)) hash.update(chunk as Buffer);
        return hash.digest('hex');
      },
      async uploadFile(localFile, key) {
        await store.putFile(key, localFile, { contentType: contentTypeOf(key) });
      },
      async uploadDirectory(localDir, keyPrefix) {
        const entries = await fs.readdir(localDir, { withFileTypes: true, recursive: true });
        const files = entries.filter((e) => e.isFile() && !e.name.startsWith('.')).map((e) => path.join(e.parentPath, e.name));
        const upload = (file: string) => workspace.uploadFile(file, keyPrefix + path.relative(localDir, file).split(path.sep).join('/'));
        // Segments first (several at once: one by one, a store's round trips add up), playlists
        // only after all of them: a player that sees a playlist finds every file it names.
        await eachLimited(
          files.filter((f) => !f.endsWith('.m3u8')),
          UPLOAD_CONCURRENCY,
          upload,
        );
        await eachLimited(
          files.filter((f) => f.endsWith('.m3u8')),
          UPLOAD_CONCURRENCY,
          upload,
        );
      },
      async dispose() {
        await fs.rm(dir, { recursive: true, force: true });
      },
    };
    return workspace;
  };
}

/** Removes workspace directories left by processes that no longer exist (a worker killed with SIGKILL). */
export async function sweepOrphanWorkspaces(root: string = os.tmpdir()): Promise<number> {
  let removed = 0;
  for (const name of await fs.readdir(root).catch(() => [] as string[])) {
    if (!name.startsWith(WORKSPACE_PREFIX)) continue;
    const pid = Number(name.slice(WORKSPACE_PREFIX.length).split('-')[0]);
    if (pid === process.pid || isAlive(pid)) continue;
    await fs.rm(path.join(root, name), { recursive: true, force: true });
    removed++;
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
