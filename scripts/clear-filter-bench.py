#!/usr/bin/env python3
"""Key to final screen for clearing the index filter (Ctrl-U after `/vol`), two or more
builds side by side in tmux at 120x40, interleaved (the order reversed every round):
the pane is captured before the key and polled until it has been still for 150 ms; the
key's time is that of the last change. Medians and quartiles per build.

    CORPUS=target/synth/10k python3 scripts/clear-filter-bench.py BUILD_A BUILD_B

Needs tmux and a corpus that passes `check` (BENCHMARKS.md, "Reproduce")."""
import subprocess, time, sys, statistics
def tmux(*a): return subprocess.run(["tmux","-L","cb",*a],capture_output=True).stdout
def cap(t): return tmux("capture-pane","-p","-e","-t",t)
def settle(t, t0, quiet=0.15, prev=None):
    prev=cap(t) if prev is None else prev; last=None
    while True:
        s=cap(t); now=time.perf_counter()
        if s!=prev: prev,last=s,now
        if now-(last or t0)>quiet or now-t0>3: return None if last is None else (last-t0)*1000
import os
data=os.environ.get("CORPUS", "target/synth/10k")
bins=sys.argv[1:]; res={b:[] for b in bins}
for i,b in enumerate(bins):
    tmux("new-session","-d","-s",f"s{i}","-x","120","-y","40",f"TERM=xterm-256color {b} --data {data}")
time.sleep(4)
for i,b in enumerate(bins):
    tmux("send-keys","-t",f"s{i}","v"); 
time.sleep(0.5)
for r in range(15):
    for i,b in enumerate(bins if r%2==0 else bins[::-1]):
        t=f"s{bins.index(b)}"
        tmux("send-keys","-t",t,"/","v","o","l"); settle(t,time.perf_counter())
        before=cap(t); t0=time.perf_counter(); tmux("send-keys","-t",t,"C-u"); d=settle(t,t0,prev=before)
        if d: res[b].append(d)
        tmux("send-keys","-t",t,"Escape"); settle(t,time.perf_counter())
for b in bins: print(b, "clear (Ctrl-U) median %.1f ms" % statistics.median(res[b]), "n=%d"%len(res[b]), "quartiles", [round(x,1) for x in statistics.quantiles(res[b],n=4)])
tmux("kill-server")
