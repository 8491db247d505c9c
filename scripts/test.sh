#!/usr/bin/env bash
# Installs what is missing, builds everything and runs every test: the C++
# unit tests, the CLI and example checks, the wasm module in Node against the
# native build, and the page end to end in headless Chromium (screenshots go
# to test-artifacts/); then the C++ tests again under AddressSanitizer and
# UndefinedBehaviorSanitizer (build/sanitize, compiled beside the other tests).
#
# Extended mode (--extended, or SHOAL_EXTENDED=1) also builds the libFuzzer
# target (build/fuzz, clang) and runs it for SHOAL_FUZZ_SECONDS (default 300)
# over its seeds and the corpus it keeps in build/fuzz/corpus; any crash,
# sanitizer report, unexpected exception or timeout fails the run and leaves
# the input in build/fuzz/artifacts/.
set -euo pipefail
cd "$(dirname "$0")/.."
extended=${SHOAL_EXTENDED:-0}
for arg in "$@"; do
  case "$arg" in
    --extended) extended=1 ;;
    *) echo "usage: scripts/test.sh [--extended]" >&2; exit 2 ;;
  esac
done
# Each step's time is printed, so that a run's log shows where it went.
step() {
  local started=$SECONDS
  "$@"
  echo "test.sh: '$*' took $((SECONDS - started)) s"
}
step scripts/setup.sh
# Includes point one way through the layers (instant; before the long build).
node scripts/check-layers.mjs
step scripts/build.sh

# The sanitizer build needs nothing the tests below make, and they leave
# much of the CPU idle (the page's tests mostly wait on Chromium): it compiles
# beside them at the lowest priority, in a process group of its own so that
# it stops with this script.
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSHOAL_SANITIZE=ON >/dev/null
# Only what the tests run: the benchmarks are timed, not tested.
setsid nice -n 19 cmake --build build/sanitize -j"$(nproc)" --target shoal_tests shoal make_examples \
  concept_paper_agreement compare_paper_alignment >build/sanitize-build.log 2>&1 &
sanitize_build=$!
trap 'kill -- "-$sanitize_build" 2>/dev/null || true' EXIT

step ctest --test-dir build/native --output-on-failure -j"$(nproc)"

export SHOAL_NATIVE=build/native/shoal SHOAL_WASM=build/wasm/shoal.mjs SHOAL_SITE=build/site
export SHOAL_SHARED="${SHOAL_SHARED:-../shared}"
step node --test tests/docs/ tests/web/
step node --test tests/wasm/
# Hostile inputs, natively and in the module, with their memory measured.
step node --test tests/adversarial/
step node --test --test-concurrency=1 tests/e2e/

# Any memory error or undefined behaviour stops the program and fails its test.
if ! wait "$sanitize_build"; then
  tail -n 60 build/sanitize-build.log
  echo "the sanitizer build failed: its log is build/sanitize-build.log" >&2
  exit 1
fi
tail -n 1 build/sanitize-build.log
step ctest --test-dir build/sanitize --output-on-failure -j"$(nproc)"

if [ "$extended" = 1 ]; then
  cmake -S . -B build/fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=clang++ -DSHOAL_FUZZ=ON \
    -DBUILD_TESTING=OFF >/dev/null
  cmake --build build/fuzz -j"$(nproc)" --target shoal_fuzz
  rm -rf build/fuzz/seeds
  tests/fuzz/make_corpus.sh build/fuzz/seeds "$SHOAL_SHARED"
  mkdir -p build/fuzz/corpus build/fuzz/artifacts
  if ! build/fuzz/tests/fuzz/shoal_fuzz build/fuzz/corpus build/fuzz/seeds \
      -max_total_time="${SHOAL_FUZZ_SECONDS:-300}" -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix=build/fuzz/artifacts/ -print_final_stats=1 >build/fuzz/fuzz.log 2>&1; then
    tail -n 60 build/fuzz/fuzz.log
    echo "fuzzing failed: the input is in build/fuzz/artifacts/, the log in build/fuzz/fuzz.log" >&2
    exit 1
  fi
  grep -E '^(Done|stat::)' build/fuzz/fuzz.log
fi
echo "all tests passed"
