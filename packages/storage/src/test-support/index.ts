// Test support: a real S3 protocol peer (s3rver) for integration and browser tests. Never
// imported by application code.
export { startS3rverPeer, type S3rverPeer } from './s3rver-peer.ts';
export { createPeerBucket, openPeerBucket, type PeerAddress, type PeerBucket } from './s3rver-bucket.ts';
