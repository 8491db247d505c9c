# shellcheck shell=sh
# Sourced by the *_versus.sh scripts. alternate_rounds ROUNDS calls the
# caller's `run_one WHICH ROUND` for WHICH = before and after in each of
# ROUNDS rounds, the order swapped every other round, so that a drift in the
# machine's load falls on both alike.
alternate_rounds() {
  round=1
  while [ "$round" -le "$1" ]; do
    if [ $((round % 2)) -eq 1 ]; then order="before after"; else order="after before"; fi
    for which in $order; do run_one "$which" "$round"; done
    round=$((round + 1))
  done
}
