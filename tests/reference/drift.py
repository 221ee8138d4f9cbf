#!/usr/bin/python3
"""Measures how far last-bit differences in `exp` drift over the runs the tests make, to set
their tolerances from a measurement (not part of the test run; it prints a table).

Each runner trains the same runs: every seeded golden case (tests/reference/make_golden.py, up to
10,000 epochs) and RUNS random runs drawn like compare_cli.py's. Every printed loss and
prediction is compared with the pinned reference (numpy_env.pinned(): NumPy's scalar loops,
glibc's `exp`, the reference BLAS) and the largest relative difference is reported.

Usage: drift.py [--runs N] [--runner NAME=COMMAND…]…  e.g.
    drift.py --runner native=build/native/xor-train --runner wasm="node build/web/xor-train.js"
NumPy as installed, and both NumPy ways under GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX2,-FMA
(glibc's non-FMA `exp`), are always among the runners; a given command runs both with and
without that tunable.
"""
import argparse
import os
import random
import shlex
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import compare_cli  # noqa: E402
import make_golden  # noqa: E402
import numpy_env  # noqa: E402

NO_FMA = {"GLIBC_TUNABLES": "glibc.cpu.hwcaps=-AVX2,-FMA"}


def golden_runs():
    runs = [["--hidden", str(h), "--lr", repr(lr), "--epochs", str(e), "--print-every", str(p), "--seed", str(s)]
            for _, h, lr, e, p, s in make_golden.SEEDED_CASES]
    return runs


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60, help="random runs besides the golden cases")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runner", action="append", default=[], help="NAME=COMMAND")
    args = parser.parse_args()

    ref = [numpy_env.PYTHON, compare_cli.REFERENCE]
    runners = [("numpy pinned", ref, numpy_env.pinned()),
               ("numpy pinned, glibc no-FMA exp", ref, numpy_env.pinned({**os.environ, **NO_FMA})),
               ("numpy as installed", ref, numpy_env.as_installed()),
               ("numpy as installed, glibc no-FMA exp", ref, numpy_env.as_installed({**os.environ, **NO_FMA}))]
    for spec in args.runner:
        name, command = spec.split("=", 1)
        runners.append((name, shlex.split(command), dict(os.environ)))
        runners.append((name + ", glibc no-FMA exp", shlex.split(command), {**os.environ, **NO_FMA}))

    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="drift-") as tmp:
        runs = golden_runs() + [compare_cli.random_run(rng, i, tmp) for i in range(args.runs)]
        baselines = runners[:2]   # the pinned reference with glibc's FMA and non-FMA `exp`
        largest = {(b, name): (0.0, "") for b in range(2) for name, _, _ in runners if name != runners[b][0]}
        identical = {key: 0 for key in largest}
        lines = 0
        for args_ in runs:
            outputs = {}
            for name, command, env in runners:
                result = subprocess.run(command + args_, capture_output=True, text=True, env=env, timeout=900)
                if result.returncode != 0:
                    sys.exit(f"{name} {' '.join(args_)}: exit {result.returncode}: {result.stderr.strip()}")
                outputs[name] = compare_cli.parse(result.stdout)
            lines += len(outputs[runners[0][0]])
            for (b, name) in largest:
                _, rel, same = compare_cli.compare(outputs[baselines[b][0]], outputs[name], tolerance=float("inf"))
                identical[(b, name)] += same
                if rel > largest[(b, name)][0]:
                    largest[(b, name)] = (rel, " ".join(os.path.basename(a) for a in args_))
    print(f"drift: {len(runs)} runs ({len(runs) - args.runs} golden cases, {args.runs} random), {lines} printed "
          f"losses and predictions each")
    for b, (base, _, _) in enumerate(baselines):
        print(f"compared with '{base}':")
        for (bb, name), (rel, where) in largest.items():
            if bb == b:
                print(f"  {name:40s} largest relative difference {rel:.2e}, {identical[(b, name)]}/{lines} identical"
                      + (f"  ({where})" if where else ""))

if __name__ == "__main__":
    main()
