#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: the C++
# unit tests, the CLI and example checks, the wasm module in Node against the
# native build, and the page end to end in headless Chromium (screenshots go
# to test-artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh

(cd build/native && ctest --output-on-failure)

export SHOAL_NATIVE=build/native/shoal SHOAL_WASM=build/wasm/shoal.mjs SHOAL_SITE=build/site
export SHOAL_SHARED="${SHOAL_SHARED:-../shared}"
node --test tests/wasm/
node --test --test-concurrency=1 tests/e2e/
echo "all tests passed"
