#!/usr/bin/env bash
# Installs what is missing, builds, generates the example populations, runs
# the CLI on them and serves the page (with the wasm module) on
# http://localhost:${PORT:-8080}/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh

examples=build/public/examples
build/native/shoal color "$examples"/color/*.csv --out build/example-color-report.json
build/native/shoal concept "$examples"/concept/*.csv --out build/example-concept-report.json
echo "example reports: build/example-color-report.json, build/example-concept-report.json"
exec node scripts/serve.mjs build/site "${PORT:-8080}"
