"""Merges engine-bench rounds (scripts/bench.sh): for each build named on the command line,
reads OUT/engine-<build>-<round>.json and writes OUT/engine-<build>.json with, per net, the
round whose steady-state median is lowest. The rounds stay in the output as `rounds`, so the
spread is on record next to the figure that counts."""
import glob
import json
import os
import sys


def merge(out_dir, build):
    files = sorted(glob.glob(os.path.join(out_dir, f"engine-{build}-*.json")))
    if not files:
        sys.exit(f"engine_rounds: no engine-{build}-N.json in {out_dir}")
    runs = [json.load(open(f)) for f in files]
    merged = dict(runs[0])
    merged["rounds"] = len(runs)
    merged["cases"] = []
    for case in runs[0]["cases"]:
        name = case["name"]
        same = [c for r in runs for c in r["cases"] if c["name"] == name]
        best = dict(min(same, key=lambda c: c["steady_ns_per_epoch"]))
        best["round_steady_ns_per_epoch"] = [c["steady_ns_per_epoch"] for c in same]
        merged["cases"].append(best)
    with open(os.path.join(out_dir, f"engine-{build}.json"), "w") as f:
        json.dump(merged, f)


if __name__ == "__main__":
    for build_name in sys.argv[2:]:
        merge(sys.argv[1], build_name)
