#!/bin/sh
# What the diversity profiles, which concepts a population holds and the
# shared concepts of the default pairs add to a default similarity analysis:
# two builds of shoal, one from before that work and one after, each run on
# the 48 shared LLM files (`concept FILES --quiet --bootstrap 0`, with
# `--threads 1` where the build has that option) in turn, ROUNDS rounds
# (default 6), the order swapped every other round. Prints every run
# (processor seconds, user + system, and peak memory, as GNU time measures
# them), then the median of each build and their ratio, and whether each
# build's reports are equal byte for byte across its runs (they must be). With
# REFERENCE, a report the after build must equal byte for byte.
#
# Usage: concept_cost_versus.sh BEFORE AFTER [ROUNDS [SHARED_DIR [REFERENCE]]]
set -eu
before=$1
after=$2
rounds=${3:-6}
shared=${4:-/work/shared}
reference=${5:-}
llm="$shared/paper-data/concept-task/llm-responses"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run_one() {  # WHICH ROUND
  if [ "$1" = before ]; then binary=$before; else binary=$after; fi
  threads=
  if "$binary" concept --help 2>&1 | grep -q -- '--threads'; then threads="--threads 1"; fi
  out="$work/$1-$2.json"
  # shellcheck disable=SC2086
  /usr/bin/time -f "%U %S %M" -o "$work/time" "$binary" concept "$llm"/*.csv --quiet --bootstrap 0 $threads --out "$out"
  read -r user system kilobytes < "$work/time"
  echo "$1 $2 $user $system $kilobytes $(sha256sum < "$out" | cut -c1-16)" | tee -a "$work/runs"
  if [ "$1" = after ] && [ -n "$reference" ] && ! cmp -s "$out" "$reference"; then
    echo "the after build's report differs from $reference" >&2
    exit 1
  fi
  rm -f "$out"
}
# shellcheck source=tests/benchmarks/alternate.sh
. "$(dirname "$0")/alternate.sh"
alternate_rounds "$rounds"
python3 - "$work/runs" <<'PY'
import statistics, sys
cpu, memory, reports = {}, {}, {}
for line in open(sys.argv[1]):
    which, _, user, system, kilobytes, report = line.split()
    cpu.setdefault(which, []).append(float(user) + float(system))
    memory.setdefault(which, []).append(int(kilobytes) / 1024)
    reports.setdefault(which, set()).add(report)
b, a = statistics.median(cpu["before"]), statistics.median(cpu["after"])
mb, ma = statistics.median(memory["before"]), statistics.median(memory["after"])
print(f"processor time: median before {b:.2f} s, after {a:.2f} s, after / before {a / b:.4f}")
print(f"peak memory: median before {mb:.0f} MB, after {ma:.0f} MB, after / before {ma / mb:.4f}")
for which in ("before", "after"):
    print(f"{which}: reports equal byte for byte across runs: {'yes' if len(reports[which]) == 1 else 'NO'}")
PY
