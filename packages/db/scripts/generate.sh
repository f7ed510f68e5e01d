#!/bin/sh
# `prisma generate` that works offline (called from the root `postinstall`).
#
# Why: the Prisma CLI resolves its native schema-engine binary before every command and tries to
# download it when missing, which fails without internet (ENOTFOUND binaries.prisma.sh). `generate`
# itself only needs the bundled WebAssembly, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
# file (our stub, never executed by `generate`) skips the download. A real binary set by the caller wins.
set -eu
cd "$(dirname "$0")/.."
export PRISMA_SCHEMA_ENGINE_BINARY="${PRISMA_SCHEMA_ENGINE_BINARY:-$PWD/scripts/schema-engine-stub.sh}"
export CHECKPOINT_DISABLE=1 # no update/telemetry check over the network
exec npx --no-install prisma generate "$@"
