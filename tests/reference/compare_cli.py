#!/usr/bin/python3
"""Runs reference.py and xor-train side by side on runs neither has seen before: random hidden
sizes (1..8), learning rates, epoch counts and print intervals, half NumPy-seeded with random
seeds and half from freshly drawn weight files. Every loss line and prediction must agree to
1e-12 relative.

Usage: compare_cli.py <command…>   e.g. compare_cli.py build/native/xor-train
                                         compare_cli.py node build/web/xor-train.js
Set BPL_COMPARE_SEED to repeat a particular set of runs (the summary line prints it).
"""
import json
import os
import random
import re
import subprocess
import sys
import tempfile

try:
    import numpy as np
except ImportError:   # the python3 on PATH may lack numpy: hand over to Debian's interpreter
    if sys.executable != "/usr/bin/python3" and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3"] + sys.argv)
    raise

REFERENCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference.py")
RUNS = 12
TOLERANCE = 1e-12
LOSS_LINE = re.compile(r"^Epoch (\d+), Loss: (\S+)$")
PREDICTION_LINE = re.compile(r"^([01] [01]) -> (\S+)$")


def parse(stdout):
    """[(key, value text)] for every loss and prediction line, in order."""
    items = []
    for line in stdout.splitlines():
        m = LOSS_LINE.match(line) or PREDICTION_LINE.match(line)
        if m:
            items.append((("epoch " if m.re is LOSS_LINE else "prediction ") + m.group(1), m.group(2)))
    return items


def random_run(rng, index, tmp):
    hidden = rng.randint(1, 8)
    lr = 10 ** rng.uniform(-1.5, 0.3)   # about 0.03 to 2
    print_every = rng.choice([1, 10, 37, 100, 500])
    epochs = rng.randint(50, 400) if print_every == 1 else rng.randint(200, 4000)
    args = ["--lr", repr(lr), "--epochs", str(epochs), "--print-every", str(print_every)]
    if index % 2 == 0:
        return args + ["--hidden", str(hidden), "--seed", str(rng.randint(0, 2**32 - 1))]
    weights = np.random.default_rng(rng.randint(0, 2**63))
    scale = rng.choice([0.5, 1.0, 2.0])
    layers = [{"W": (weights.standard_normal((2, hidden)) * scale).tolist(),
               "b": weights.uniform(-1, 1, hidden).tolist()},
              {"W": (weights.standard_normal((hidden, 1)) * scale).tolist(), "b": [weights.uniform(-1, 1)]}]
    path = os.path.join(tmp, f"init{index}.json")
    with open(path, "w") as f:
        json.dump({"layers": layers}, f)
    return args + ["--init", path]


def run(command, args):
    result = subprocess.run(command + args, capture_output=True, text=True, timeout=600)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command + args)} exited {result.returncode}: {result.stderr.strip()}")
    return parse(result.stdout)


def compare(expected, got):
    """(problems, largest relative difference, lines textually identical)."""
    problems, largest, identical = [], 0.0, 0
    if [k for k, _ in expected] != [k for k, _ in got]:
        problems.append(f"different lines: expected {len(expected)} ({expected[:2]}…), got {len(got)} ({got[:2]}…)")
        return problems, largest, identical
    for (key, a_text), (_, b_text) in zip(expected, got):
        a, b = float(a_text), float(b_text)
        rel = abs(a - b) / max(abs(a), abs(b), 1e-300) if a != b else 0.0
        largest = max(largest, rel)
        identical += a_text == b_text
        if not rel <= TOLERANCE:
            problems.append(f"{key}: reference {a_text}, xor-train {b_text} (relative {rel:.2e})")
    return problems, largest, identical


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    command = sys.argv[1:]
    seed = int(os.environ.get("BPL_COMPARE_SEED", random.SystemRandom().randint(0, 2**31)))
    rng = random.Random(seed)
    failures, lines, identical, largest = 0, 0, 0, 0.0
    with tempfile.TemporaryDirectory(prefix="compare-cli-") as tmp:
        for index in range(RUNS):
            args = random_run(rng, index, tmp)
            try:
                expected = run([sys.executable, REFERENCE], args)
                got = run(command, args)
            except (RuntimeError, subprocess.TimeoutExpired) as e:
                print(f"FAIL run {index}: {e}")
                failures += 1
                continue
            problems, run_largest, run_identical = compare(expected, got)
            lines += len(expected)
            identical += run_identical
            largest = max(largest, run_largest)
            if problems:
                failures += 1
                shown = " ".join(a if not a.startswith("/") else os.path.basename(a) for a in args)
                print(f"FAIL run {index} ({shown}): " + "; ".join(problems[:3]))
    verdict = "all within" if failures == 0 else f"{failures} of {RUNS} runs NOT within"
    print(f"compare_cli: {RUNS} runs ({RUNS // 2} seeded, {RUNS - RUNS // 2} from new weight files), {lines} loss and "
          f"prediction lines: {verdict} {TOLERANCE:g} (largest relative difference {largest:.1e}); "
          f"{identical}/{lines} textually identical; BPL_COMPARE_SEED={seed}")
    return 0 if failures == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
