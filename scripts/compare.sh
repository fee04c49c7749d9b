#!/usr/bin/env bash
# Compares two builds of the real binary, interleaved in one run (this machine is shared
# and noisy: only a same-run comparison means anything): `check` bundled (N=21) and at
# 10k (N=9, with CPU and peak RSS), the browser's peak RSS (bundled, 10k) and its start
# to first frame (bundled). Build 0 is BASELINE, build 1 is target/release/dossier.
#
#   cp target/release/dossier /tmp/base-dossier   # before a change
#   scripts/compare.sh /tmp/base-dossier          # after it (needs target/synth/10k)
set -uo pipefail
cd "$(dirname "$0")/.."
B0=${1:?usage: scripts/compare.sh BASELINE_BINARY}; B1=target/release/dossier
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
med() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
run() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1-t0)/1000 )); }
for b in $B0 $B1; do $b check >/dev/null 2>&1; $b --data target/synth/10k check >/dev/null 2>&1; done
rm -f /tmp/m-bundled-* /tmp/m-10k-* /tmp/m-10kcpu-*
for i in $(seq 21); do for b in 0 1; do eval bin=\$B$b; run $bin check >> /tmp/m-bundled-$b; done; done
for i in $(seq 9); do for b in 0 1; do eval bin=\$B$b; run $bin --data target/synth/10k check >> /tmp/m-10k-$b;
  /usr/bin/time -f "%U %S %M" $bin --data target/synth/10k check 2>&1 >/dev/null | tail -1 >> /tmp/m-10kcpu-$b; done; done
for b in 0 1; do
  echo "build $b: check bundled median $(med < /tmp/m-bundled-$b) us; check 10k median $(med < /tmp/m-10k-$b) us; 10k user $(cut -d' ' -f1 /tmp/m-10kcpu-$b | med) s sys $(cut -d' ' -f2 /tmp/m-10kcpu-$b | med) s RSS $(cut -d' ' -f3 /tmp/m-10kcpu-$b | med) KB"
done
# browser RSS and first frame (pty via script)
for s in bundled 10k; do
  data=""; [ $s = 10k ] && data="--data target/synth/10k"
  for b in 0 1; do eval bin=\$B$b
    rss=$(for i in 1 2 3; do { printf q | TERM=xterm-256color script -qec "stty cols 120 rows 40; /usr/bin/time -f RSS=%M $bin $data" /dev/null 2>&1 || true; } | grep -ao 'RSS=[0-9]*' | cut -d= -f2; done | med)
    echo "browser $s build $b: peak RSS $rss KB"
  done
done
base=$(for i in $(seq 11); do t0=$(date +%s%N); printf q | TERM=xterm-256color script -qec "stty cols 120 rows 40; true" /dev/null >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1-t0)/1000000 )); done | med)
for b in 0 1; do eval bin=\$B$b
  t=$(for i in $(seq 11); do t0=$(date +%s%N); printf q | TERM=xterm-256color script -qec "stty cols 120 rows 40; $bin" /dev/null >/dev/null 2>&1; t1=$(date +%s%N); echo $(( (t1-t0)/1000000 )); done | med)
  echo "browser bundled build $b: start-first-frame-quit $t ms, harness $base ms, net $((t-base)) ms"
done
echo "# end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
