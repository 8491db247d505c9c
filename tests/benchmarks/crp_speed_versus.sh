#!/bin/sh
# Two builds of crp_speed (benchmarks/crp_speed.cpp), e.g. one against an
# older core and one against the current, timed in turn in one run: ROUNDS
# rounds (default 5), each running BEFORE then AFTER (the order swapped every
# other round, so that a drift in the machine's load falls on both alike).
# Prints every run, then per line of crp_speed's output (the sampler alone
# and the chain as an analysis runs it, each kernel) the median seconds of
# processor time of each build and their ratio, and whether the two builds'
# chains are equal bit for bit (their checksums agree).
#
# Usage: crp_speed_versus.sh BEFORE AFTER [ROUNDS [ITERATIONS [SHARED_DIR]]]
set -eu
before=$1
after=$2
rounds=${3:-5}
iterations=${4:-60}
shared=${5:-/work/shared}
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# shellcheck source=tests/benchmarks/alternate.sh
. "$(dirname "$0")/alternate.sh"
run_one() {  # WHICH ROUND
  if [ "$1" = before ]; then binary=$before; else binary=$after; fi
  "$binary" "$shared" "$iterations" | sed "s/^/$1 $2 /" | tee -a "$out"
}
alternate_rounds "$rounds"
python3 - "$out" <<'PY'
import statistics, sys
runs = {}
sums = {}
for line in open(sys.argv[1]):
    which, _, kernel, seconds, checksum, cells = line.split()
    runs.setdefault((kernel, which), []).append(float(seconds))
    sums.setdefault(kernel, {}).setdefault(which, set()).add(checksum)
for kernel in sums:
    b = statistics.median(runs[(kernel, "before")])
    a = statistics.median(runs[(kernel, "after")])
    same = sums[kernel]["before"] == sums[kernel]["after"] and len(sums[kernel]["before"]) == 1
    spread = lambda which: f"{min(runs[(kernel, which)]):.3f}–{max(runs[(kernel, which)]):.3f}"
    print(f"{kernel}: median before {b:.3f} s, after {a:.3f} s, after / before {a / b:.4f} "
          f"(runs before {spread('before')}, after {spread('after')}); "
          f"chains equal bit for bit: {'yes' if same else 'NO'}")
PY
