#!/usr/bin/env bash
# Writes the fuzz target's seed corpus into DIR: the hand-written CSVs in
# seeds/ and the test data, each behind the two bytes that choose the entry
# point and its options (see shoal_fuzz.cpp). With SHARED, the paper's data
# folder, the first lines of some of its files are added too (only into DIR:
# that data is not part of the repository).
set -euo pipefail
out=${1:?usage: make_corpus.sh DIR [SHARED]}
shared=${2:-}
here="$(cd "$(dirname "$0")" && pwd)"
mkdir -p "$out"

# seed FILE NAME ENTRY BITS...: one corpus file per options byte.
seed() {
  local file=$1 name=$2 entry=$3
  shift 3
  for bits in "$@"; do
    { printf "\\x$entry\\x$bits"; cat "$file"; } >"$out/$name-$entry-$bits"
  done
}

# Entry points: 00 parse_csv, 01 inspect, 02 colour, 03 concept, 05 settings,
# 06 replies, 07 personas, 08 numeric answers, 09 word norms, 0a released chains.
for f in "$here"/seeds/* "$here"/../data/*.csv; do
  name=$(basename "$f")
  seed "$f" "$name" 00 00
  seed "$f" "$name" 01 00 03 06
  case "$name" in
    color-*|llm-colors-*) seed "$f" "$name" 02 00 1c ;;
    concept-*) seed "$f" "$name" 03 00 0c 14 ;;
  esac
done

# Replies against the fixed requests (bit 1: the concept batch), and with the
# request file given too (bit 0: requests, form feed, results).
seed "$here/seeds/replies-color.jsonl" replies-color 06 00
seed "$here/seeds/replies-concept.jsonl" replies-concept 06 02
{ printf '\x06\x01{"custom_id":"color/none/default/0/1/sky","method":"POST","url":"/v1/chat/completions","body":{"model":"m","messages":[{"role":"user","content":"sky"}],"max_tokens":200}}\n\f'
  printf '{"custom_id":"color/none/default/0/1/sky","content":"#0000ff"}\n'; } >"$out/replies-with-requests"
seed "$here/seeds/personas.csv" personas 07 00 01 02 03 06 0e
seed "$here/seeds/values.csv" values 08 00 01 02 03
seed "$here/seeds/word-norms.csv" word-norms 09 00
{ printf '\x09\x01'; cat "$here/seeds/color-human.csv"; printf '\f'; cat "$here/seeds/word-norms.csv"; } >"$out/word-norms-with-colours"
seed "$here/seeds/released-chains.csv" released-chains 0a 00 04 08

# Populations spanning files: a form feed starts the next file.
{ printf '\x02\x00'; cat "$here/seeds/color-human.csv"; printf '\f'; cat "$here/seeds/color-plain.csv"; } \
  >"$out/two-colour-files"
{ printf '\x03\x00'; cat "$here/seeds/concept-analysis.csv"; printf '\f'; cat "$here/seeds/concept-analysis.csv"; } \
  >"$out/two-concept-files"

# Compressed, and large: the loaders' memory and time show only on inputs of
# megabytes (run with -max_len of a few MB to use them).
{ printf '\x02\x00'; gzip -c "$here/seeds/color-human.csv"; } >"$out/color-human-gzip"
{ printf '\x03\x00'; gzip -c "$here/seeds/concept-analysis.json"; } >"$out/concept-json-gzip"
{ printf '\x02\x00'; head -n 1 "$here/seeds/color-human.csv"
  for _ in $(seq 3000); do tail -n +2 "$here/seeds/color-human.csv"; done; } >"$out/color-human-large"
{ printf '\x03\x00'; head -n 1 "$here/seeds/concept-analysis.csv"
  for i in $(seq 20000); do echo "finch,p$i,q$i r$i,0"; done; } >"$out/concept-sparse-large"
{ printf '\x02\x00'; for i in $(seq 20000); do echo "{\"k$i\":$i,\"word\":[[{\"a\":1e2}]]}"; done; } >"$out/jsonl-keys-large"
# Settings (entry 05): name=value lines.
printf '\x05\x00iterations=20\nburn-in=5\nsubsets=5,10\nalpha=0.5\nchains=2\n' >"$out/settings-concept"
printf '\x05\x01seed=7\njsd-samples=100\npairs=paper\ndelta-e=ciede2000\nbootstrap=0\n' >"$out/settings-color"

# The first lines of real files: the fuzzer's inputs stay small.
if [ -n "$shared" ] && [ -d "$shared/paper-data" ]; then
  head_seed() {
    local file=$1 entry=$2 bits=$3
    [ -f "$file" ] || return 0
    { printf "\\x$entry\\x$bits"; head -n 40 "$file"; } >"$out/shared-$(basename "$file")-$entry-$bits"
  }
  head_seed "$shared/paper-data/color-task/colorref.csv" 02 00
  head_seed "$shared/paper-data/color-task/colorref.csv" 01 00
  for f in "$shared"/paper-data/concept-task/llm-responses/*prompt=none-temp=default.csv; do
    head_seed "$f" 03 00
  done
  for f in "$shared"/paper-data/color-task/*.csv "$shared"/paper-data/concept-task/*.csv; do
    head_seed "$f" 01 00
  done
  head_seed "$shared/paper-data/concept-task/human/crp-chains.csv" 0a 00
  head_seed "$shared/paper-data/concept-task/persona-prompts.csv" 07 02
fi
