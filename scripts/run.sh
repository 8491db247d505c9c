#!/usr/bin/env bash
# Installs what is missing, builds, generates the example populations, runs
# the CLI on them and serves the page (with the wasm module) on
# http://localhost:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh

site=build/site
rm -rf "$site"
mkdir -p "$site/examples"
cp web/index.html web/app.js web/style.css "$site/"
cp build/wasm/shoal.mjs build/wasm/shoal.wasm "$site/"
build/native/make_examples "$site/examples"
build/native/shoal color "$site"/examples/*.csv --out "$site/examples/color-report.json" --tables "$site/examples"
echo "example report: $site/examples/color-report.json"
exec node scripts/serve.mjs "$site" "${PORT:-8080}"
