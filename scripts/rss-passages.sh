#!/usr/bin/env bash
# The browser's memory with a passage search open (issue 16 goal 3, BENCHMARKS.md
# "Issue 16, fourth pass: passages memory"): the browser started in tmux, its first
# frame and the end of loading waited for, `VmRSS`/`VmHWM` read from /proc (at rest),
# then `p`, the query typed a key at a time (each key's screen waited for), the answer
# on screen (the counter no longer pending), and `VmRSS`/`VmHWM` read again. With
# BASELINE set, the baseline binary is measured too, interleaved (A B, B A, ...), so
# both see the same machine load. Prints one line per run and the ratios to `du -sk`.
#
#   scripts/rss-passages.sh BIN CORPUS_DIR QUERY
#
# Env: ROUNDS (3), BASELINE (another dossier binary), COLS x ROWS (120 x 40),
# QUIET_MS (300: how long a screen must stay still to count as drawn),
# START_TIMEOUT (300 s).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:?usage: scripts/rss-passages.sh BIN CORPUS_DIR QUERY}
DATA=${2:?usage: scripts/rss-passages.sh BIN CORPUS_DIR QUERY}
QUERY=${3:?usage: scripts/rss-passages.sh BIN CORPUS_DIR QUERY}
command -v tmux >/dev/null || { echo "needs tmux" >&2; exit 2; }
[ -x "$BIN" ] || { echo "no binary $BIN" >&2; exit 2; }
[ -d "$DATA" ] || { echo "no corpus $DATA" >&2; exit 2; }
SOCK="rss-passages-$$"
trap 'tmux -L "$SOCK" kill-server 2>/dev/null || true' EXIT
DU=$(du -sk "$DATA" | cut -f1)
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg); $DATA du $DU KiB (2x = $((DU * 2))); query '$QUERY'"
export SOCK BIN DATA QUERY DU
export ROUNDS=${ROUNDS:-3} BASELINE=${BASELINE:-} COLS=${COLS:-120} ROWS=${ROWS:-40}
export QUIET_MS=${QUIET_MS:-300} START_TIMEOUT=${START_TIMEOUT:-300}
python3 - <<'PY'
import os, subprocess, time

SOCK, BIN, DATA, QUERY = (os.environ[k] for k in ("SOCK", "BIN", "DATA", "QUERY"))
DU, ROUNDS = int(os.environ["DU"]), int(os.environ["ROUNDS"])
COLS, ROWS = os.environ["COLS"], os.environ["ROWS"]
QUIET = int(os.environ["QUIET_MS"]) / 1000
START_TIMEOUT = float(os.environ["START_TIMEOUT"])


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCK, *args], capture_output=True).stdout


def capture(s):
    return tmux("capture-pane", "-e", "-p", "-t", s)


def settle(s, limit=START_TIMEOUT):
    """Polls until the pane has not changed for QUIET."""
    prev, last, t0 = capture(s), time.perf_counter(), time.perf_counter()
    while time.perf_counter() - t0 < limit:
        time.sleep(0.02)
        screen = capture(s)
        if screen != prev:
            prev, last = screen, time.perf_counter()
        elif time.perf_counter() - last > QUIET:
            return


def wait_for(s, ok):
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < START_TIMEOUT:
        if ok(capture(s)):
            return True
        time.sleep(0.1)
    return False


def mem(pid):
    """VmRSS and VmHWM in KiB."""
    out = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            k, _, v = line.partition(":")
            if k in ("VmRSS", "VmHWM"):
                out[k] = int(v.split()[0])
    return out["VmRSS"], out["VmHWM"]


def run(name, binary):
    s = f"{name}"
    tmux("new-session", "-d", "-s", s, "-x", COLS, "-y", ROWS,
         f"exec env TERM=xterm-256color {binary} --data {DATA}")
    pid = int(tmux("display-message", "-p", "-t", s, "#{pane_pid}").strip())
    ok = wait_for(s, lambda sc: b" sources" in sc and b"loading (" not in sc)
    settle(s)
    time.sleep(0.5)
    settle(s)
    rest = mem(pid)
    tmux("send-keys", "-t", s, "p")
    settle(s)
    for c in QUERY:
        tmux("send-keys", "-t", s, "-l", c)
        settle(s)
    # The answer is on screen when the counter (second line) no longer says "…".
    ok = ok and wait_for(s, lambda sc: len(sc.split(b"\n")) > 1
                         and b"\xe2\x80\xa6" not in sc.split(b"\n")[1])
    settle(s)
    time.sleep(0.5)
    after = mem(pid)
    tmux("kill-session", "-t", s)
    return ok, rest, after


# A session that outlives the measured ones keeps the tmux server up between them.
tmux("new-session", "-d", "-s", "keep", "sleep 100000")
tools = [("this", BIN)] + ([("baseline", os.environ["BASELINE"])] if os.environ["BASELINE"] else [])
results = {n: [] for n, _ in tools}
for r in range(ROUNDS):
    for name, binary in (tools if r % 2 == 0 else tools[::-1]):
        ok, rest, after = run(f"{name}-{r}", binary)
        results[name].append((rest, after))
        flag = "" if ok else "  (TIMED OUT waiting for the screen)"
        print(f"{name:8} round {r}: at rest RSS {rest[0]:>9,} HWM {rest[1]:>9,} | "
              f"search open RSS {after[0]:>9,} HWM {after[1]:>9,} KiB = "
              f"{after[1] / DU:.3f}x du (peak), added {after[0] - rest[0]:,}{flag}",
              flush=True)
for name, rs in results.items():
    hwm = sorted(a[1] for _, a in rs)
    rest = sorted(r[0] for r, _ in rs)
    print(f"{name:8} peak with the search open {hwm[0]:,}..{hwm[-1]:,} KiB = "
          f"{hwm[0] / DU:.3f}..{hwm[-1] / DU:.3f}x du; at rest {rest[0]:,}..{rest[-1]:,} KiB = "
          f"{rest[0] / DU:.3f}..{rest[-1] / DU:.3f}x")
PY
echo "# end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
