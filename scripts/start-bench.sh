#!/usr/bin/env bash
# The browser's start, as a user sees it, for two builds interleaved (A B A B …) in tmux
# at 120×40: start → first frame (the pane shows the index), start → every name (the
# title no longer counts the names read "so far": on a first start of a large corpus the
# first frame may list only the files read so far), start → fully loaded (the title
# counts the sources and the status line no longer says "loading ("), and peak RSS
# (/usr/bin/time -f %M, after `q`). Medians per build and corpus, and the ratio.
#
#   scripts/start-bench.sh BASELINE CANDIDATE CORPUS...   # CORPUS: a folder, or bundled
#   N=5 scripts/start-bench.sh /tmp/base-dossier target/release/dossier bundled target/synth/10k
#
# The pane is polled (capture-pane) as fast as tmux answers, a few milliseconds a poll:
# the figures are whole-process wall times with that resolution.
set -euo pipefail
N=${N:-5}
A=$1
B=$2
shift 2
run=0
now() { date +%s%N; }
# A tmux server of its own for every start (a killed server's socket is not reused).
tm() { tmux -L "start-bench-$$-$run" "$@"; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# One start of $1 on corpus $2: prints "first_ms loaded_ms rss_kib all_names_ms", or fails.
one() {
  local bin=$1 data=$2 args="" rss first="" all="" loaded="" t0 s t
  [ "$data" = bundled ] || args="--data $data"
  run=$((run + 1))
  rss=$(mktemp)
  tm -f /dev/null new-session -d -s s -x 120 -y 40 \
    "read go; TERM=xterm-256color /usr/bin/time -o $rss -f %M $bin $args; sleep 60" || return 1
  t0=$(now)
  tm send-keys -t s Enter || return 1
  while :; do
    s=$(tm capture-pane -p -t s 2>/dev/null) || { rm -f "$rss"; return 1; }
    t=$(now)
    if [ -z "$first" ] && grep -q "dossier — " <<<"$s"; then first=$t; fi
    if [ -z "$all" ] && grep -q "dossier — " <<<"$s" && ! head -1 <<<"$s" | grep -q " so far "; then all=$t; fi
    if [ -n "$first" ] && head -1 <<<"$s" | grep -Eq "[0-9] sources?( |$)" && ! grep -q "loading (" <<<"$s"; then
      loaded=$t
      break
    fi
    if (( (t - t0) / 1000000 > 120000 )); then
      echo "timed out: $bin $data" >&2
      tm kill-server 2>/dev/null || true
      rm -f "$rss"
      return 1
    fi
  done
  tm send-keys -t s q
  for _ in $(seq 200); do [ -s "$rss" ] && break; sleep 0.05; done
  tm kill-server 2>/dev/null || true
  echo "$(( (first - t0) / 1000000 )) $(( (${loaded:-$t0} - t0) / 1000000 )) $(tail -1 "$rss") $(( (${all:-$t0} - t0) / 1000000 ))"
  rm -f "$rss"
}

echo "# $(date -u +%FT%TZ) $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), N=$N, A=$A B=$B"
for data in "$@"; do
  ra=$(mktemp); rb=$(mktemp)
  for i in $(seq "$N"); do
    # A start whose tmux server failed is started again (at most three times).
    for _ in 1 2 3; do a=$(one "$A" "$data") && break; done
    echo "$data A $i: $a" >&2; echo "$a" >>"$ra"
    for _ in 1 2 3; do b=$(one "$B" "$data") && break; done
    echo "$data B $i: $b" >&2; echo "$b" >>"$rb"
  done
  for col in 1 4 2 3; do
    ma=$(cut -d' ' -f$col "$ra" | median); mb=$(cut -d' ' -f$col "$rb" | median)
    name=$(case $col in 1) echo "first frame ms";; 4) echo "every name ms";; 2) echo "fully loaded ms";; 3) echo "peak RSS KiB";; esac)
    ratio=$(awk -v a="$ma" -v b="$mb" 'BEGIN {if (a > 0) printf "%.2f", b / a; else print "-"}')
    echo "$data, $name: A $ma, B $mb, B/A $ratio"
  done
  rm -f "$ra" "$rb"
done
