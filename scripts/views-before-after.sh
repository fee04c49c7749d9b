#!/usr/bin/env bash
# The per-view bench (benches/frame.rs, group view-*) of two builds, interleaved: a full
# frame and a key (j then k) in every view of the browser at 10k dossiers, 120x40.
#
#   scripts/views-before-after.sh BEFORE_TREE [ROUNDS]
#
# BEFORE_TREE is a checkout of the earlier build (e.g. `git worktree add /tmp/before REV`)
# with this tree's benches/frame.rs copied in (older trees lack the view-* group). Both
# benches are built first, then run in turn ROUNDS times (3 by default), so the machine's
# load falls on both alike. Read the medians of the rounds, per build.
set -euo pipefail
before=${1:?usage: scripts/views-before-after.sh BEFORE_TREE [ROUNDS]}
rounds=${2:-3}
after=$(cd "$(dirname "$0")/.." && pwd)
export DOSSIER_BENCH_SIZES=10k
bench() { ls -t "$1"/target/release/deps/frame-* | grep -v '\.d$' | head -1; }
(cd "$before" && cargo bench --bench frame --no-run)
(cd "$after" && cargo bench --bench frame --no-run)
for round in $(seq "$rounds"); do
  for side in before after; do
    tree=$before; [ "$side" = after ] && tree=$after
    echo "== round $round $side"
    (cd "$tree" && "$(bench "$tree")" --bench 'view-' 2>&1 | grep -E "^view|time:")
  done
done
