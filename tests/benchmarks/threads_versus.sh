#!/bin/sh
# --threads 1 against --threads 2 in one run, on the paper's data: the
# similarity analysis of the 48 shared LLM files (default settings: one
# chain of 500 iterations per concept and subset) and the colour analysis of
# colorref.csv. ROUNDS rounds (default 3), each running both thread counts
# on each workload, the order swapped every other round so that a drift in
# the machine's load falls on both alike. Prints every run (wall-clock and
# processor seconds, user + system, as GNU time measures them), then per
# workload the median of each and the ratio, and whether the reports of all
# runs of a workload are equal byte for byte (they must be).
#
# Usage: threads_versus.sh SHOAL [ROUNDS [SHARED_DIR]]
set -eu
shoal=$1
rounds=${2:-3}
shared=${3:-/work/shared}
llm="$shared/paper-data/concept-task/llm-responses"
colour="$shared/paper-data/color-task/colorref.csv"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run() {  # WORKLOAD THREADS ROUND
  out="$work/$1-$2-$3.json"
  if [ "$1" = concept ]; then
    set -- "$@" concept "$llm"/*.csv
  else
    set -- "$@" color "$colour"
  fi
  workload=$1 threads=$2 round=$3
  shift 3
  /usr/bin/time -f "%e %U %S" -o "$work/time" "$shoal" "$@" --threads "$threads" --quiet --out "$out"
  read -r wall user system < "$work/time"
  echo "$workload $threads $round $wall $user $system $(sha256sum < "$out" | cut -c1-16)" | tee -a "$work/runs"
}
round=1
while [ "$round" -le "$rounds" ]; do
  if [ $((round % 2)) -eq 1 ]; then order="1 2"; else order="2 1"; fi
  for workload in concept color; do
    for threads in $order; do run "$workload" "$threads" "$round"; done
  done
  round=$((round + 1))
done
python3 - "$work/runs" <<'PY'
import statistics, sys
runs = {}
reports = {}
for line in open(sys.argv[1]):
    workload, threads, _, wall, user, system, report = line.split()
    runs.setdefault((workload, threads), []).append((float(wall), float(user) + float(system)))
    reports.setdefault(workload, set()).add(report)
for workload in ("concept", "color"):
    one = runs[(workload, "1")]
    two = runs[(workload, "2")]
    wall1 = statistics.median(w for w, _ in one)
    wall2 = statistics.median(w for w, _ in two)
    cpu1 = statistics.median(c for _, c in one)
    cpu2 = statistics.median(c for _, c in two)
    print(f"{workload}: median wall --threads 1 {wall1:.2f} s, --threads 2 {wall2:.2f} s, speed-up {wall1 / wall2:.2f}; "
          f"median processor time {cpu1:.2f} s and {cpu2:.2f} s (ratio {cpu2 / cpu1:.2f}); "
          f"reports equal byte for byte: {'yes' if len(reports[workload]) == 1 else 'NO'}")
PY
