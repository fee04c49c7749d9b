#!/usr/bin/env bash
# Key to final screen, dossier against fzf on the same input, side by side in tmux
# (issue 16, BENCHMARKS.md "keys against fzf"). One key at a time: the pane is captured
# (with colours) before the key, the key is sent, and the pane is polled until it has
# not changed for QUIET_MS; the time of the last change is that key's time. Rounds are
# interleaved (dossier, fzf, fzf, dossier, ...) so both see the same machine load.
#
#   scripts/keys-vs-fzf.sh [CORPUS_DIR] [BINARY]
#
# Scopes: `names` — the index filter with the preview hidden (`v`), against fzf over the
# corpus's dossier names; `passages` — the passage search (`p`), against fzf over the
# same sentences (examples/sentences.rs). Needs tmux, fzf (apt-get install fzf), python3
# and the corpus (default target/synth/10k: `cargo run --release --example synth --
# target/synth/10k --dossiers 10000 --articles 2000`). Each program's first frame is
# waited for before timing (the browser takes seconds to load 100,000 dossiers), and
# the sentences are extracted only when the passages are timed.
#
# QUIET_MS must exceed the longest gap between a key's first change (the echo of what
# was typed) and its answer, or a slow answer is not waited for and the key is timed
# at its echo: at 100,000 dossiers use QUIET_MS=1000.
#
# Env: ROUNDS (3), QUIET_MS (150), SCOPES ("names passages"), NAME_QUERIES,
# PASSAGE_QUERIES (six-letter queries, space-separated), COLS x ROWS (120 x 40),
# BASELINE=path/to/another/dossier (timed as a third program, interleaved too),
# START_TIMEOUT (180 s: how long to wait for a browser's first frame and passage index).
set -euo pipefail
cd "$(dirname "$0")/.."
DATA=${1:-target/synth/10k}
BIN=${2:-target/release/dossier}
ROUNDS=${ROUNDS:-3}
QUIET_MS=${QUIET_MS:-150}
SCOPES=${SCOPES:-names passages}
NAME_QUERIES=${NAME_QUERIES:-volcor kapust legion}
PASSAGE_QUERIES=${PASSAGE_QUERIES:-volcor shelld border}
COLS=${COLS:-120}
ROWS=${ROWS:-40}
BASELINE=${BASELINE:-}
for tool in tmux fzf python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "no binary $BIN (cargo build --release)" >&2; exit 2; }
[ -d "$DATA" ] || { echo "no corpus $DATA" >&2; exit 2; }
WORK=$(mktemp -d)
SOCK="keys-vs-fzf-$$"
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
# The same input for fzf as dossier searches.
"$BIN" --data "$DATA" list --json | python3 -c '
import json, sys
for d in json.load(sys.stdin):
    print(d["name"])' > "$WORK/names.txt"
: > "$WORK/sentences.txt"
case " $SCOPES " in
*" passages "*)
  [ -x target/release/examples/sentences ] || cargo build --quiet --release --example sentences
  target/release/examples/sentences "$DATA" > "$WORK/sentences.txt" ;;
esac
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg); $(wc -l < "$WORK/names.txt") names, $(wc -l < "$WORK/sentences.txt") sentences; $(fzf --version | cut -d' ' -f1) ; ${COLS}x${ROWS}"

export SOCK WORK DATA BIN ROUNDS QUIET_MS SCOPES NAME_QUERIES PASSAGE_QUERIES COLS ROWS BASELINE
python3 - <<'PY'
import os, statistics, subprocess, time

SOCK, WORK, DATA, BIN = (os.environ[k] for k in ("SOCK", "WORK", "DATA", "BIN"))
ROUNDS, QUIET = int(os.environ["ROUNDS"]), int(os.environ["QUIET_MS"]) / 1000
COLS, ROWS = os.environ["COLS"], os.environ["ROWS"]
BASELINE = os.environ.get("BASELINE", "")
TIMEOUT = 5.0
START_TIMEOUT = float(os.environ.get("START_TIMEOUT", "300"))


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCK, *args], capture_output=True).stdout


def capture(target):
    return tmux("capture-pane", "-e", "-p", "-t", target)


def settle(target, since=None):
    """Polls until the pane has not changed for QUIET; returns (seconds from `since`
    to the last change, or None when nothing changed)."""
    t0 = since if since is not None else time.perf_counter()
    prev = capture(target)
    last = None
    while True:
        screen = capture(target)
        now = time.perf_counter()
        if screen != prev:
            prev, last = screen, now
        if now - (last or t0) > QUIET or now - t0 > TIMEOUT:
            return None if last is None else last - t0


def key(target, k, literal=True):
    before = capture(target)
    t0 = time.perf_counter()
    tmux("send-keys", "-t", target, *(["-l", k] if literal else [k]))
    # The first poll compares with the screen before the key.
    prev, last = before, None
    while True:
        screen = capture(target)
        now = time.perf_counter()
        if screen != prev:
            prev, last = screen, now
        if (last is not None and now - last > QUIET) or now - t0 > TIMEOUT:
            return None if last is None else (last - t0) * 1000


def start(name, cmd, ready=None, loading=None):
    """Starts `cmd` and waits until its screen shows `ready` and not `loading` (a large
    corpus takes seconds: the browser first draws the names while it checks, its status
    line saying "loading ("), then until the pane is still."""
    tmux("new-session", "-d", "-s", name, "-x", COLS, "-y", ROWS,
         f"TERM=xterm-256color {cmd}")
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < START_TIMEOUT:
        screen = capture(name)
        if screen.strip() and (ready is None or ready in screen) and \
                (loading is None or loading not in screen):
            break
        time.sleep(0.2)
    settle(name)
    time.sleep(0.5)
    settle(name)


programs = {}
for scope in os.environ["SCOPES"].split():
    queries = os.environ["NAME_QUERIES" if scope == "names" else "PASSAGE_QUERIES"].split()
    fzf_input = f"{WORK}/{'names' if scope == 'names' else 'sentences'}.txt"
    tools = {"dossier": BIN}
    if BASELINE:
        tools["baseline"] = BASELINE
    sessions = {}
    for name, binary in tools.items():
        s = f"{name}-{scope}"
        start(s, f"{binary} --data {DATA}", ready=b" sources", loading=b"loading (")
        if scope == "names":
            key(s, "v")  # hide the preview
        else:
            # The passage index is built on the first passage search: build it before
            # timing (wait until the counter no longer says the answer is pending).
            key(s, "p")
            key(s, "x")
            t0 = time.perf_counter()
            while time.perf_counter() - t0 < START_TIMEOUT:
                lines = capture(s).split(b"\n")
                if len(lines) > 1 and b"\xe2\x80\xa6" not in lines[1]:
                    break
                time.sleep(0.2)
            key(s, "C-g", literal=False)
        sessions[name] = s
    s = f"fzf-{scope}"
    with open(fzf_input, "rb") as f:
        lines = sum(1 for _ in f)
    start(s, f"fzf < {fzf_input}", ready=f"{lines}/{lines}".encode())
    sessions["fzf"] = s
    times = {name: [] for name in sessions}
    order = list(sessions)
    for r in range(ROUNDS):
        for name in (order if r % 2 == 0 else order[::-1]):
            s = sessions[name]
            for q in queries:
                if name == "fzf":
                    key(s, "C-u", literal=False)
                else:
                    key(s, "/" if scope == "names" else "p")
                for c in q:
                    ms = key(s, c)
                    if ms is not None:
                        times[name].append(ms)
                if name != "fzf":
                    key(s, "C-g", literal=False)  # clear the filter, stop typing
    print(f"## {scope}: queries {' '.join(queries)}, {ROUNDS} rounds, quiet {QUIET*1000:.0f} ms")
    med = {n: statistics.median(t) for n, t in times.items() if t}
    for n, t in times.items():
        if t:
            qs = statistics.quantiles(t, n=4) if len(t) > 1 else [t[0]] * 3
            print(f"{n:9} median {med[n]:6.1f} ms  quartiles {qs[0]:6.1f} {qs[2]:6.1f}  keys {len(t)}")
        else:
            print(f"{n:9} no change seen")
    if "fzf" in med:
        for n in med:
            if n != "fzf":
                print(f"{n} / fzf = {med[n] / med['fzf']:.2f}")
    for s in sessions.values():
        tmux("kill-session", "-t", s)
PY
echo "# end $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
