#!/usr/bin/python3
"""numpy-bench: the NumPy reference loop timed the way engine-bench times the engine.

Two loops. XOR (--init): the reference program's. Point clouds (--config, engine-bench's
config of its circle case): mini-batches over the same points, from the same initial weights,
written in the same style (see train_cloud); xor-train --dump-data and --save supply both.

XOR: loads initial weights from one of our weights JSON files (xor-train --epochs 0 --save FILE writes
the same draws engine-bench starts from), trains full batch on XOR with the reference program's
update (mse, sigmoid output, hidden activation sigmoid or tanh, any number of hidden layers) and
reports ns per epoch: the first 10,000 epochs from the initial weights (median of --first-runs
runs) and steady state (median and best of --runs timed runs of --epochs epochs after a warm-up).
Also prints the loss after the first 10,000 epochs so the caller can check that both sides ran
the same computation.

It times the reference program as written: X and y are its integer arrays, and the loss is
computed only on the epochs it prints (every --print-every, default 1,000) and on the last
epoch (for that cross-check). The engine computes its loss every epoch, for the page. Run with Debian's /usr/bin/python3 (the one with python3-numpy).
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])   # integer arrays, as in the reference program
y = np.array([[0], [1], [1], [0]])

# Value/derivative pairs: the derivative takes the activation a = f(z), as in the reference.
ACTIVATIONS = {
    "sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda a: a * (1 - a)),
    "tanh": (np.tanh, lambda a: 1 - a * a),
}


def load_weights(path):
    with open(path) as f:
        layers = json.load(f)["layers"]
    return [(np.array(l["W"], dtype=float), np.array([l["b"]], dtype=float)) for l in layers]


def train(weights, activation, lr, epochs, print_every=1000):
    """The reference loop generalised to L layers: forward, deltas from the output back, then
    every update; the loss on printed epochs only. Returns the mse of the last epoch (before its
    update), like `Epoch N, Loss`."""
    f, df = ACTIVATIONS[activation]
    sig, dsig = ACTIVATIONS["sigmoid"]
    Ws = [W for W, _ in weights]
    bs = [b for _, b in weights]
    last = len(Ws) - 1
    loss = float("nan")
    for epoch in range(epochs):
        acts = [X]
        for l in range(last):
            acts.append(f(acts[-1] @ Ws[l] + bs[l]))
        output = sig(acts[-1] @ Ws[last] + bs[last])
        deltas = [None] * (last + 1)
        deltas[last] = (output - y) * dsig(output)
        for l in range(last - 1, -1, -1):
            deltas[l] = (deltas[l + 1] @ Ws[l + 1].T) * df(acts[l + 1])
        for l in range(last + 1):
            Ws[l] -= acts[l].T @ deltas[l] * lr
            bs[l] -= np.sum(deltas[l], axis=0, keepdims=True) * lr
        if epoch % print_every == 0 or epoch == epochs - 1:
            loss = np.mean((y - output) ** 2)
    return float(loss)


def train_cloud(weights, data, cfg, epochs, rng, print_every=1000):
    """One epoch = the training points in a fresh random order (the engine's order is its own),
    cut into batches of cfg["batch"] rows, each a forward, its deltas from the output back and
    every update, as the engine does: the output delta of bce is a - y (sigmoid output), of mse
    (a - y) * a(1 - a), summed over the batch's rows (the engine's convention). The loss (mean
    of the batch losses) only on printed epochs and the last. Returns that last loss."""
    f, df = ACTIVATIONS[cfg["act"]]
    sig = ACTIVATIONS["sigmoid"][0]
    X, Y = data["x_train"], data["y_train"]
    n, size, lr, bce = len(X), cfg["batch"], cfg["lr"], cfg["loss"] == "bce"
    Ws = [W for W, _ in weights]
    bs = [b for _, b in weights]
    last = len(Ws) - 1
    loss = float("nan")
    for epoch in range(epochs):
        record = epoch % print_every == 0 or epoch == epochs - 1
        order = rng.permutation(n)
        Xe, Ye = X[order], Y[order]
        total = 0.0
        for start in range(0, n, size):
            xb, yb = Xe[start:start + size], Ye[start:start + size]
            acts = [xb]
            for l in range(last):
                acts.append(f(acts[-1] @ Ws[l] + bs[l]))
            output = sig(acts[-1] @ Ws[last] + bs[last])
            deltas = [None] * (last + 1)
            deltas[last] = output - yb if bce else (output - yb) * output * (1 - output)
            for l in range(last - 1, -1, -1):
                deltas[l] = (deltas[l + 1] @ Ws[l + 1].T) * df(acts[l + 1])
            for l in range(last + 1):
                Ws[l] -= acts[l].T @ deltas[l] * lr
                bs[l] -= np.sum(deltas[l], axis=0, keepdims=True) * lr
            if record:
                total += batch_loss(output, yb, bce)
        if record:
            loss = total / -(-n // size)
    return float(loss)


def batch_loss(output, y, bce):
    if not bce:
        return float(np.mean((y - output) ** 2))
    tiny = np.finfo(float).tiny   # the engine's floor under ln
    return float(-np.mean(y * np.log(np.maximum(output, tiny)) + (1 - y) * np.log(np.maximum(1 - output, tiny))))


def evaluate(weights, data, cfg):
    """The figures of xor-train's final line: "Train loss: X, Train accuracy: R/N, Test loss: …"."""
    f, sig = ACTIVATIONS[cfg["act"]][0], ACTIVATIONS["sigmoid"][0]

    def forward(x):
        for W, b in weights[:-1]:
            x = f(x @ W + b)
        return sig(x @ weights[-1][0] + weights[-1][1])

    parts = []
    for name in ("train", "test"):
        x, y = data["x_" + name], data["y_" + name]
        out = forward(x)
        right = int(np.sum((out > 0.5) == (y > 0.5)))
        parts.append(f"{name.title()} loss: {batch_loss(out, y, cfg['loss'] == 'bce')!r}, "
                     f"{name.title()} accuracy: {right}/{len(y)}")
    return ", ".join(parts)


# xor-train's flags for config keys whose flag is not --<key> (engine/settings.cpp's cli_flag).
FLAG_OF_KEY = {"act": "--activation", "out": "--output", "opt": "--optimizer", "init": "--init-scheme"}
NO_FLAG = {"beta2", "eps"}


def cloud_setup(config_text, xor_train, tmp):
    """From engine-bench's config: the loop's settings, the data (xor-train --dump-data), the
    initial weights (--epochs 0 --save) and the engine's figures after 10,000 epochs."""
    cfg = dict(pair.split("=", 1) for pair in config_text.split("&"))
    if cfg.get("opt") != "sgd" or cfg.get("reg") != "none" or cfg.get("out") != "sigmoid" or \
            cfg.get("batch") in ("full", "sample") or cfg.get("act") not in ACTIVATIONS:
        sys.exit(f"numpy_bench: the cloud loop does sgd, no penalty, a sigmoid output and a batch size: {config_text}")
    flags = []
    for key, value in cfg.items():
        if key not in NO_FLAG:
            flags += [FLAG_OF_KEY.get(key, "--" + key.replace("_", "-")), value]
    run = lambda *extra: subprocess.run(xor_train + flags + list(extra), check=True, capture_output=True,
                                        text=True).stdout
    dump = json.loads(run("--dump-data"))
    train = dump["data"]["train_rows"]
    x, y = np.array(dump["x"], dtype=float), np.array(dump["y"], dtype=float).reshape(-1, 1)
    data = {"x_train": x[:train], "y_train": y[:train], "x_test": x[train:], "y_test": y[train:]}
    path = os.path.join(tmp, "init.json")
    run("--epochs", "0", "--save", path)
    engine = run("--epochs", "10000", "--print-every", "10000").splitlines()[-1]
    loop = {"act": cfg["act"], "loss": cfg["loss"], "lr": float(cfg["lr"]), "batch": int(cfg["batch"]),
            "seed": int(cfg["seed"])}
    return loop, data, load_weights(path), engine


def copy(weights):
    return [(W.copy(), b.copy()) for W, b in weights]


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--init", help="XOR: initial weights JSON (our format)")
    p.add_argument("--config", help="a point cloud: engine-bench's config of the case (key=value&...)")
    p.add_argument("--xor-train", default="build/native/xor-train",
                   help="with --config: the xor-train command that writes the data and weights")
    p.add_argument("--activation", choices=sorted(ACTIVATIONS), default="sigmoid", help="hidden activation")
    p.add_argument("--lr", type=float, default=0.1)
    p.add_argument("--first", type=int, default=10000, help="epochs of the 'first' measurement")
    p.add_argument("--first-runs", type=int, default=3)
    p.add_argument("--epochs", type=int, default=20000, help="epochs per steady-state run")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--warmup", type=int, default=2000)
    p.add_argument("--name", default="")
    p.add_argument("--engine-loss", type=float, help="the engine's loss at the same epoch, copied into the JSON")
    p.add_argument("--json", action="store_true")
    a = p.parse_args(argv)

    if bool(a.init) == bool(a.config):
        p.error("give --init (XOR) or --config (a point cloud)")
    extra = {}
    if a.config:
        with tempfile.TemporaryDirectory(prefix="numpy-bench-") as tmp:
            cfg, data, init, engine_final = cloud_setup(a.config, a.xor_train.split(), tmp)
        rng = np.random.default_rng(cfg["seed"])
        run = lambda weights, epochs: train_cloud(weights, data, cfg, epochs, rng)
        extra = {"config": a.config, "engine_after_first": engine_final}
    else:
        init = load_weights(a.init)
        run = lambda weights, epochs: train(weights, a.activation, a.lr, epochs)

    def ns_per_epoch(weights, epochs):
        start = time.perf_counter_ns()
        loss = run(weights, epochs)
        return (time.perf_counter_ns() - start) / epochs, loss

    first, first_loss = [], None
    for _ in range(a.first_runs):
        weights = copy(init)
        ns, first_loss = ns_per_epoch(weights, a.first)
        first.append(ns)
    if a.config:
        extra["numpy_after_first"] = f"After {a.first} epochs, {evaluate(weights, data, cfg)}"
    weights = copy(init)
    run(weights, a.warmup)
    steady = [ns_per_epoch(weights, a.epochs)[0] for _ in range(a.runs)]
    result = {
        "name": a.name, "numpy": np.__version__,
        "steady_ns_per_epoch": round(float(np.median(steady)), 1),
        "best_ns_per_epoch": round(min(steady), 1),
        "first_10k_ns_per_epoch": round(float(np.median(first)), 1),
        "first_epochs": a.first, "loss_after_first": first_loss, "runs": a.runs, "epochs_per_run": a.epochs,
    }
    result.update(extra)
    if a.engine_loss is not None:
        result["engine_loss_after_first"] = a.engine_loss
    if a.json:
        print(json.dumps(result))
    else:
        print(f"{a.name or a.init or a.config:16} steady {result['steady_ns_per_epoch']:10.1f} ns/epoch "
              f"(best {result['best_ns_per_epoch']:10.1f})   first {a.first} {result['first_10k_ns_per_epoch']:10.1f} "
              f"ns/epoch   (loss at epoch {a.first - 1}: {first_loss!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
