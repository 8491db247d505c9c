#!/usr/bin/env bash
# Builds the native library, CLI and tests (build/native), the wasm module
# (build/wasm), the example files (build/public/examples) and the static site
# (build/site).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc)

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

# Debian's em++ runs an optimiser script that needs Debian's acorn module.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/wasm -j"$jobs"

rm -rf build/public/examples
build/native/make_examples build/public/examples >/dev/null
(cd web && npx tsc --noEmit && npx vite build --logLevel warn)
