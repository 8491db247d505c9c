#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: the C++
# unit tests, the CLI and example checks, and the wasm module in Node
# against the native build.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh

(cd build/native && ctest --output-on-failure)

SHOAL_NATIVE=build/native/shoal SHOAL_WASM=build/wasm/shoal.mjs SHOAL_SHARED="${SHOAL_SHARED:-../shared}" \
  node --test tests/wasm/
echo "all tests passed"
