#!/usr/bin/env bash
# Bytes a one-line scroll of the reader sends, against `less` on the same article, and the
# bytes of the index preview's own frame once the selection rests (issue 16, goal 2;
# BENCHMARKS.md "Issue 16: reader scroll and preview bytes").
#
#   scripts/bytes-vs-less.sh [BINARY]
#
# Each program runs in a tmux pane of COLS x ROWS with TERM=$TERM_IN; `tmux pipe-pane`
# copies every byte the program writes to a file. A key is sent, the file is watched until
# it has not grown for QUIET_MS, and the growth is that key's bytes. The reader: the
# article SOURCE (the `S` view's row, 0 = first) opened in dossier, `less` on the same
# file; at each of PLACES (pages from the top, reached with space in both), LINES presses
# of `j` then as many of `k`, each counted on its own. For each line the script also takes
# the text that came into view (from `capture-pane`; dossier's two-column gutter left
# out), so "overhead" is the bytes beyond the line's own text: the part a program can cut.
# The preview: from the index, PREVIEW_MOVES presses of `j`, then as many `k`; bytes that
# arrive later than SPLIT_MS after the key are the rested preview's frame, the rest the
# list's immediate move; beside them, the text of the preview's rows that changed (what any
# frame must send, give or take characters a changed row keeps in place). Programs are
# interleaved round by round (dossier, less, baseline, then the reverse order) so all see
# the same machine load; the bytes do not depend on
# it, the rounds check that they repeat.
#
# With SWEEP=1 (the default) each program also reads the whole article a line at a time,
# down from the top to the end and back up, keys that move no text (the end) not counted:
# the same text through both, so the totals compare directly.
#
# Env: BASELINE=path/to/another/dossier (measured as a third program), ROUNDS (2),
# LINES (10), PLACES ("0 1 2"), SOURCE (3: El Comercio's article in the bundled corpus),
# PREVIEW_MOVES (10), COLS (120), ROWS (40), TERM_IN (xterm-256color), QUIET_MS (80),
# SPLIT_MS (100), DATA (a corpus folder; default the bundled corpus).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${1:-target/release/dossier}
for tool in tmux less python3; do
  command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
[ -x "$BIN" ] || { echo "no binary $BIN (cargo build --release)" >&2; exit 2; }
export BIN BASELINE=${BASELINE:-} ROUNDS=${ROUNDS:-2} LINES_N=${LINES:-10} \
  PLACES=${PLACES:-0 1 2} SOURCE=${SOURCE:-3} PREVIEW_MOVES=${PREVIEW_MOVES:-10} \
  COLS=${COLS:-120} ROWS=${ROWS:-40} TERM_IN=${TERM_IN:-xterm-256color} \
  QUIET_MS=${QUIET_MS:-80} SPLIT_MS=${SPLIT_MS:-100} DATA=${DATA:-}
WORK=$(mktemp -d)
SOCK="bytes-vs-less-$$"
export WORK SOCK
cleanup() { tmux -L "$SOCK" kill-server 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
echo "# $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg); ${COLS}x${ROWS} TERM=$TERM_IN; $(less --version | head -1)"
python3 - <<'PY'
import os, statistics, subprocess, time

E = os.environ
SOCK, WORK, BIN, BASELINE = E["SOCK"], E["WORK"], E["BIN"], E["BASELINE"]
ROUNDS, LINES, SOURCE = int(E["ROUNDS"]), int(E["LINES_N"]), int(E["SOURCE"])
PLACES = [int(p) for p in E["PLACES"].split()]
MOVES = int(E["PREVIEW_MOVES"])
COLS, ROWS, TERM_IN = int(E["COLS"]), int(E["ROWS"]), E["TERM_IN"]
QUIET, SPLIT = int(E["QUIET_MS"]) / 1000, int(E["SPLIT_MS"]) / 1000
DATA = E["DATA"]
SWEEP = E.get("SWEEP", "1") == "1"
TIMEOUT = 3.0
DEBUG = int(E.get("DEBUG") or 0)


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCK, *args], check=True,
                          capture_output=True, text=True).stdout


def pane():
    return tmux("capture-pane", "-p", "-t", "m").split("\n")


class Program:
    """One program in the tmux pane, its output copied to a file."""

    def __init__(self, name, argv):
        self.name, self.argv = name, argv
        self.log = os.path.join(WORK, name.replace("/", "_") + ".out")

    def start(self):
        tmux("kill-server") if server_up() else None
        open(self.log, "wb").close()
        env = f"env -u NO_COLOR -u COLORTERM TERM={TERM_IN} LESSHISTFILE=- LESS= "
        cmd = env + " ".join(f"'{a}'" for a in self.argv)
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "m", "-x", str(COLS),
             "-y", str(ROWS), cmd)
        tmux("set-option", "-t", "m", "status", "off")
        tmux("pipe-pane", "-o", "-t", "m", f"cat >> '{self.log}'")
        time.sleep(0.05)
        settle()
        wait_quiet(self.log, 0.3)

    def stop(self):
        tmux("kill-server")


def server_up():
    return subprocess.run(["tmux", "-L", SOCK, "has-session"],
                          capture_output=True).returncode == 0


def settle():
    """Waits until the pane shows the same thing twice, 50 ms apart."""
    last, deadline = None, time.time() + TIMEOUT
    while time.time() < deadline:
        now = pane()
        if now == last:
            return
        last = now
        time.sleep(0.05)


def size(path):
    return os.path.getsize(path)


def wait_quiet(path, quiet, last=None):
    """Waits until `path` has not grown for `quiet` s (from size `last`, by default its
    size now); returns [(t, size)] of changes, the first as soon as it is seen."""
    last = size(path) if last is None else last
    changes, since = [], time.time()
    if size(path) != last:
        changes.append((since, size(path)))
        last = size(path)
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        time.sleep(0.002)
        n = size(path)
        if n != last:
            changes.append((time.time(), n))
            last, since = n, time.time()
        elif time.time() - since >= quiet:
            break
    return changes


def key(prog, k, quiet=QUIET):
    """Sends key `k`; returns its bytes and their arrival times."""
    before = size(prog.log)
    t0 = time.time()
    tmux("send-keys", "-t", "m", k)
    changes = wait_quiet(prog.log, quiet, before)
    if DEBUG > 1:
        print(prog.name, repr(k), before, [(round(t - t0, 3), n) for t, n in changes])
    return before, t0, changes


def text_bytes(row, gutter):
    s = row.rstrip()
    if gutter:
        s = s[2:]
    return len(s.encode())


def reader_round(prog, is_dossier):
    """Per line: (direction, bytes, text bytes)."""
    prog.start()
    if is_dossier:
        for k in ["S"] + ["j"] * SOURCE + ["Enter"]:
            key(prog, k)
        settle()
        title = pane()[0]
        assert "Russian paramilitary" in title or SOURCE != 3, f"not the article: {title!r}"
        down_row, up_row = ROWS - 3, 1
    else:
        down_row, up_row = ROWS - 2, 0
    out = []
    for i, place in enumerate(PLACES):
        steps = place - (PLACES[i - 1] if i else 0)
        for _ in range(steps):
            key(prog, "Space")
        settle()
        for direction, k, row in (("down", "j", down_row), ("up", "k", up_row)):
            for _ in range(LINES):
                before, _, changes = key(prog, k)
                sent = (changes[-1][1] if changes else before) - before
                settle()
                out.append((direction, sent, text_bytes(pane()[row], is_dossier)))
    sweep = []
    if SWEEP:
        # The whole article a line at a time: from the top to the end, then back. Both
        # programs then send every line of the same text; a key that moves no text (the
        # end reached) ends the direction and is not counted.
        key(prog, "g")
        settle()
        text_rows = slice(1, ROWS - 2) if is_dossier else slice(0, ROWS - 1)
        for direction, k, row in (("down", "j", down_row), ("up", "k", up_row)):
            while True:
                shown = pane()[text_rows]
                before, _, changes = key(prog, k)
                sent = (changes[-1][1] if changes else before) - before
                settle()
                now = pane()
                if now[text_rows] == shown:
                    break
                sweep.append((direction, sent, text_bytes(now[row], is_dossier)))
    prog.stop()
    return out, sweep


def preview_text():
    """The preview pane's rows (right of the list's `│`), as shown."""
    rows = []
    for r in pane()[2:ROWS - 1]:
        i = r.find("│")
        rows.append(r[i + 1:].rstrip() if i >= 0 else "")
    return rows


def preview_round(prog):
    """Per move: (immediate bytes, rested preview bytes, text bytes of the preview's
    rows that changed: what a frame sending only what changed must still send, give or
    take the characters a changed row keeps in place), and the characters of the cells
    that changed to something other than a blank (the least any frame could send)."""
    prog.start()
    out = []
    shown = preview_text()
    for k in ["j"] * MOVES + ["k"] * MOVES:
        before, t0, changes = key(prog, k, quiet=0.3)
        at_once = [n for (t, n) in changes if t - t0 < SPLIT]
        now = at_once[-1] if at_once else before
        end = changes[-1][1] if changes else before
        after = preview_text()
        changed = sum(len(a.encode()) for a, b in zip(after, shown) if a != b)
        cells = sum(len(x.encode()) for a, b in zip(after, shown)
                    for x, y in zip(a.ljust(len(b)), b.ljust(len(a))) if x != y and x != " ")
        shown = after
        out.append((now - before, end - now, changed, cells))
    prog.stop()
    return out


def dossier_argv(binary):
    return [binary] + (["--data", DATA] if DATA else []) + ["--no-mouse"]


dossiers = [("dossier", BIN)] + ([("baseline", BASELINE)] if BASELINE else [])
# less on the article the reader opened: the bundled El Comercio article by default.
LESS_FILE = E.get("LESS_FILE") or "seeds/003_b58dadf5cc5c3bf8.txt"
progs = [Program(n, dossier_argv(b)) for n, b in dossiers] + [Program("less", ["less", LESS_FILE])]

reader = {p.name: [] for p in progs}
sweeps = {p.name: [] for p in progs}
preview = {p.name: [] for p in progs if p.name != "less"}
for r in range(ROUNDS):
    order = progs if r % 2 == 0 else list(reversed(progs))
    for p in order:
        sampled, swept = reader_round(p, p.name != "less")
        reader[p.name].append(sampled)
        sweeps[p.name].append(swept)
        if p.name != "less":
            preview[p.name].append(preview_round(p))


def stats(xs):
    return f"mean {statistics.mean(xs):6.1f}  median {statistics.median(xs):6.1f}  (n={len(xs)}, min {min(xs)}, max {max(xs)})"


print(f"\n## reader, one line (places {PLACES} pages, {LINES} lines each way), round 1 per line; rounds repeat: " +
      ", ".join(f"{n}: {'yes' if all(r == rs[0] for r in rs) else 'NO'}" for n, rs in reader.items()))
summary = {}
for name, rounds in reader.items():
    lines = rounds[0]
    for direction in ("down", "up", "both"):
        sel = [l for l in lines if direction in ("both", l[0])]
        if not sel:
            continue
        sent = [l[1] for l in sel]
        over = [l[1] - l[2] for l in sel]
        summary[(name, direction)] = (statistics.mean(sent), statistics.median(sent),
                                      statistics.mean(over), statistics.median(over))
        print(f"{name:9} {direction:5} bytes    {stats(sent)}")
        print(f"{name:9} {direction:5} overhead {stats(over)}")
less_both = summary.get(("less", "both"))
for name, _ in dossiers if less_both else []:
    m = summary[(name, "both")]
    print(f"ratio {name}/less: bytes mean {m[0] / less_both[0]:.2f}, median {m[1] / less_both[1]:.2f}; "
          f"overhead mean {m[2]:.1f} vs {less_both[2]:.1f}")
if SWEEP:
    print("\n## the whole article a line at a time, down to the end then up to the top (round 1); rounds repeat: " +
          ", ".join(f"{n}: {'yes' if all(r == rs[0] for r in rs) else 'NO'}" for n, rs in sweeps.items()))
    for name, rounds in sweeps.items():
        lines = rounds[0]
        total, text = sum(l[1] for l in lines), sum(l[2] for l in lines)
        print(f"{name:9} {len(lines)} lines, {total} bytes ({text} of them the lines' text): "
              f"{total / len(lines):.1f} per line, overhead {(total - text) / len(lines):.1f} per line")
        for direction in ("down", "up"):
            sel = [l for l in lines if l[0] == direction]
            print(f"{name:9} {direction:5} bytes    {stats([l[1] for l in sel])}")
            print(f"{name:9} {direction:5} overhead {stats([l[1] - l[2] for l in sel])}")
    less_total = sum(l[1] for l in sweeps["less"][0])
    for name, _ in dossiers:
        print(f"ratio {name}/less, whole article both ways: {sum(l[1] for l in sweeps[name][0]) / less_total:.2f}")
if DEBUG:
    for name, rounds in sweeps.items():
        print("SWEEP", name, " ".join(str(l[1]) for l in rounds[0]))
print("\n## per line, round 1 (direction, bytes, text bytes)")
for name, rounds in reader.items():
    print(name, " ".join(f"{d[0]}{b}/{t}" for d, b, t in rounds[0]))

print(f"\n## index: {MOVES} x j then {MOVES} x k; bytes at once, then the rested preview's frame")
for name, rounds in preview.items():
    flat = [m for r in rounds for m in r]
    print(f"{name:9} at once  {stats([m[0] for m in flat])}")
    print(f"{name:9} rested   {stats([m[1] for m in flat])}")
    print(f"{name:9} its text {stats([m[2] for m in flat])}  (changed rows' text)")
    print(f"{name:9} cells    {stats([m[3] for m in flat])}  (characters of cells that changed, blanks left out)")
PY
