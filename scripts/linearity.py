"""Is parsing linear in the text?  For every generated text shape (tests/text_shapes.py), the time per KB of
``parse_text`` at a small and a large size, and their ratio (issue 14's bar: under 1.2× from 1 MB to 10 MB).

    python scripts/linearity.py                      # 1 MB -> 10 MB, every shape (long: minutes per shape)
    python scripts/linearity.py --small 100000 --large 1000000 --shapes dates,citations
    python scripts/linearity.py --profile dates --large 300000   # where the time goes, for one shape
    python scripts/linearity.py --explain letters --small 1000000 --large 3000000   # more work, or slower work?

Each measurement runs in a child process with a limit of CPU seconds (a super-linear shape can take hours at
10 MB): a shape over it is reported as ``timeout``.  Times are CPU seconds of the parsing process
(``time.process_time``), the garbage collector off while timing as tests/test_linearity.py does, each the best of
``--runs`` samples: other load on a shared host slows the wall clock but does not decide the ratio (what it still
moves, through shared caches and memory bandwidth, the best of several samples takes out).  A sample at the small
size is ``large / small`` parses in a row, as much work as one parse at the large size (see ``best_time``).
"""
from __future__ import annotations

import argparse
import cProfile
import gc
import json
import multiprocessing as mp
import pstats
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.text_shapes import SHAPES  # noqa: E402


def best_time(shape: str, size: int, runs: int, repeat: int = 1) -> float:
    """The best CPU time of ``runs`` samples, each ``repeat`` parses in a row of ``size`` characters of ``shape``,
    divided by ``repeat`` (the time of one parse); the garbage collector collected before and off while timing
    (its full passes over a large heap are not the parser's time).

    ``repeat`` makes a sample at the small size as much work as one at the large size.  The best of several
    samples is biased low when a sample is short: on a shared host the speed of a core changes from one moment
    to the next (another process on its sibling hyper-thread, the clock), and a 10 ms sample can fall entirely in
    a fast moment where a 100 ms one cannot.  Samples of equal length see the same moments, so their ratio is
    the parser's.  (``spaces``, about 10 CPU ms per MB, read 1.20× and 1.34× with one parse per sample, 0.98×
    parsed in a single process at both sizes; every pass it makes over the text is linear.)"""
    from vnadmin_nlp import parse_text

    text = SHAPES[shape](size)
    best = float("inf")
    for _ in range(runs):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            for _ in range(repeat):
                parse_text(text)
            best = min(best, (time.process_time() - start) / repeat)
        finally:
            gc.enable()
    return best


def _child(queue: "mp.Queue[float]", shape: str, size: int, runs: int, cpu_limit: float, repeat: int) -> None:
    if cpu_limit:
        used = int(resource.getrusage(resource.RUSAGE_SELF).ru_utime + 1)
        resource.setrlimit(resource.RLIMIT_CPU, (used + int(cpu_limit), used + int(cpu_limit) + 5))
    queue.put(best_time(shape, size, runs, repeat))


def timed(shape: str, size: int, runs: int, timeout: float, repeat: int = 1) -> float | None:
    """Best-of-``runs`` CPU seconds of one parse (samples of ``repeat`` parses) in a child process; None when it
    used more than ``timeout`` CPU seconds (the wall clock is given ten times as long: a loaded host is slow, not
    super-linear)."""
    ctx = mp.get_context("fork")
    queue: "mp.Queue[float]" = ctx.Queue()
    proc = ctx.Process(target=_child, args=(queue, shape, size, runs, timeout * repeat, repeat))
    timeout *= repeat
    proc.start()
    proc.join(timeout * 10)
    if proc.is_alive():
        proc.kill()
        proc.join()
        return None
    return queue.get() if not queue.empty() else None


def _profile(text: str) -> dict[str, tuple[float, int]]:
    """Own CPU time and number of calls of every function in one parse (the collector off)."""
    from vnadmin_nlp import parse_text

    gc.collect()
    gc.disable()
    prof = cProfile.Profile(time.process_time)
    try:
        prof.runcall(parse_text, text)
    finally:
        gc.enable()
    stats = pstats.Stats(prof).stats  # type: ignore[attr-defined]
    return {f"{f.rsplit('vnadmin_nlp/', 1)[-1]}:{line}:{name}": (tt, nc)
            for (f, line, name), (_, nc, tt, _, _) in stats.items()}


def explain(shape: str, small: int, large: int) -> None:
    """Is a shape's growth more work (more calls per KB: an algorithm to fix) or the same work done slower (the
    calls per KB stay, each costs more: a larger working set on a machine's caches)?  The functions whose own
    time grew most past linear, with their calls."""
    from vnadmin_nlp import parse_text

    parse_text(SHAPES[shape](2000))
    a, b = _profile(SHAPES[shape](small)), _profile(SHAPES[shape](large))
    k = large / small
    calls_a, calls_b = sum(v[1] for v in a.values()), sum(v[1] for v in b.values())
    time_a, time_b = sum(v[0] for v in a.values()), sum(v[0] for v in b.values())
    print(f"{shape}: calls per KB x{calls_b / calls_a / k:.3f}, CPU per KB x{time_b / time_a / k:.3f} "
          f"({small} -> {large} characters, profiled)")
    rows = sorted(((b[f][0] - k * a.get(f, (0.0, 0))[0], f) for f in b), reverse=True)[:15]
    for excess, f in rows:
        (ta, na), (tb, nb) = a.get(f, (0.0, 0)), b[f]
        print(f"  {excess:7.2f} s over linear   time x{tb / ta if ta else float('inf'):6.1f}   calls x{nb / na if na else float('inf'):6.1f}   {f}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--small", type=int, default=1_000_000, help="characters of the small input (1 MB)")
    ap.add_argument("--large", type=int, default=10_000_000, help="characters of the large input (10 MB)")
    ap.add_argument("--runs", type=int, default=2, help="best of this many samples at the small size")
    ap.add_argument("--large-runs", type=int, default=2, help="best of this many samples at the large size")
    ap.add_argument("--one-parse-samples", action="store_true",
                    help="one parse per sample at the small size too (the earlier method: short samples read fast)")
    ap.add_argument("--timeout", type=float, default=600, help="CPU seconds allowed for one measurement")
    ap.add_argument("--shapes", default="", help="comma-separated shape names (default: all)")
    ap.add_argument("--bar", type=float, default=1.2, help="ratio over which a shape is reported super-linear")
    ap.add_argument("--json", help="write the results here")
    ap.add_argument("--profile", metavar="SHAPE", help="profile parse_text on one shape at --large and stop")
    ap.add_argument("--explain", metavar="SHAPE", help="calls and CPU per KB at --small and --large, profiled")
    args = ap.parse_args(argv)

    if args.explain:
        explain(args.explain, args.small, args.large)
        return 0

    if args.profile:
        from vnadmin_nlp import parse_text

        text = SHAPES[args.profile](args.large)
        prof = cProfile.Profile()
        prof.runcall(parse_text, text)
        pstats.Stats(prof).sort_stats("cumulative").print_stats(30)
        return 0

    names = [s for s in args.shapes.split(",") if s] or list(SHAPES)
    repeat = 1 if args.one_parse_samples else max(1, round(args.large / args.small))
    results = []
    failed = 0
    print(f"{'shape':18} {'CPU s/MB small':>14} {'CPU s/MB large':>14} {'ratio':>6}")
    for name in names:
        small = timed(name, args.small, args.runs, args.timeout, repeat)
        large = timed(name, args.large, args.large_runs, args.timeout) if small is not None else None
        per_small = small / args.small * 1e6 if small is not None else None
        per_large = large / args.large * 1e6 if large is not None else None
        ratio = per_large / per_small if per_small and per_large else None
        verdict = "timeout" if ratio is None else ("SUPER-LINEAR" if ratio >= args.bar else "ok")
        failed += verdict != "ok"
        results.append({"shape": name, "small": args.small, "large": args.large, "seconds_small": small,
                        "seconds_large": large, "ratio": ratio, "verdict": verdict, "parses_per_small_sample": repeat,
                        "runs": [args.runs, args.large_runs]})
        fmt = lambda v: f"{v:14.3f}" if v is not None else f"{'—':>14}"  # noqa: E731
        print(f"{name:18} {fmt(per_small)} {fmt(per_large)} {ratio if ratio is not None else float('nan'):6.2f} "
              f"{verdict}", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
