import { FilesystemObjectStore, type FilesystemStoreConfig } from './filesystem-store.ts';
import type { ObjectStore } from './object-store.ts';
import { S3ObjectStore, type S3StoreConfig } from './s3-store.ts';

/** Which driver to use and its settings, as an app's `config.ts` validates them at boot. */
export type ObjectStoreConfig = ({ driver: 'filesystem' } & FilesystemStoreConfig) | ({ driver: 's3' } & S3StoreConfig);

/**
 * The object store an app's config asks for: `filesystem` for development and single-server
 * installs, `s3` for S3 and S3-compatible services. Touches neither disk nor network; call
 * `check()` at boot to fail early.
 */
export function createObjectStore(config: ObjectStoreConfig): ObjectStore {
  switch (config.driver) {
    case 'filesystem':
      return new FilesystemObjectStore(config);
    case 's3':
      return new S3ObjectStore(config);
  }
}
