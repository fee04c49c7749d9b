#!/usr/bin/env bash
# Times the real binary: `dossier check` as a whole process (bundled, 1k, 10k), browser
# start to first frame, and peak memory (RSS) — medians of N runs, release build.
# The synthetic corpora are generated into target/synth/ (never committed).
#
#   scripts/bench.sh            # N=11 runs each
#   N=3 SIZES="bundled tiny" scripts/bench.sh   # quick
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-11}
SIZES=${SIZES:-"bundled 1k 10k"}
BIN=target/release/dossier
cargo build --release --quiet
cargo build --release --quiet --example synth

corpus() { # label → --data argument (empty for bundled)
  case $1 in
    bundled) echo "" ;;
    tiny) gen tiny 100 20 ;;
    1k) gen 1k 1000 200 ;;
    10k) gen 10k 10000 2000 ;;
  esac
}
gen() {
  local dir=target/synth/$1
  [ -f "$dir/seeds/sources.toml" ] || target/release/examples/synth "$dir" --dossiers "$2" --articles "$3" >&2
  echo "--data $dir"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
ms() { # command… → wall milliseconds of one run
  local t0 t1
  t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N)
  echo $(( (t1 - t0) / 1000000 ))
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N"
for s in $SIZES; do
  data=$(corpus "$s")
  # shellcheck disable=SC2086
  t=$(for _ in $(seq "$N"); do ms $BIN $data check; done | median)
  # shellcheck disable=SC2086
  rss=$(for _ in $(seq 3); do /usr/bin/time -f %M $BIN $data check 2>&1 >/dev/null | tail -1; done | median)
  disk=$( [ -z "$data" ] && echo 0 || du -sk "${data#--data }" | cut -f1)
  echo "check $s: median ${t} ms, peak RSS ${rss} KiB (corpus on disk ${disk} KiB)"
done

# Browser start to first frame: the browser in a pty (script(1)) with `q` already
# waiting; it draws the first frame before it reads a key, so start → exit bounds
# start → first frame from above.
if command -v script >/dev/null; then
  # The harness alone (script, sh, stty) with `true` for the browser, to subtract.
  base=$(for _ in $(seq "$N"); do
    t0=$(date +%s%N)
    printf q | TERM=xterm-256color script -qec "stty cols 120 rows 40; true" /dev/null >/dev/null 2>&1 || true
    t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))
  done | median)
  echo "browser harness alone (script + sh + stty): median ${base} ms"
  for s in $SIZES; do
    data=$(corpus "$s")
    t=$(for _ in $(seq "$N"); do
      t0=$(date +%s%N)
      printf q | TERM=xterm-256color script -qec "stty cols 120 rows 40; $BIN $data" /dev/null >/dev/null 2>&1 || true
      t1=$(date +%s%N); echo $(( (t1 - t0) / 1000000 ))
    done | median)
    rss=$( { printf q | TERM=xterm-256color script -qec "stty cols 120 rows 40; /usr/bin/time -f RSS=%M $BIN $data" /dev/null 2>&1 || true; } | grep -ao 'RSS=[0-9]*' | cut -d= -f2)
    echo "browser $s: start to first frame and quit, median ${t} ms (${t} - ${base} = $((t - base)) ms without the harness); peak RSS ${rss:-?} KiB"
  done
fi
