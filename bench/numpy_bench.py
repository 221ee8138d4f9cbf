#!/usr/bin/python3
"""numpy-bench: the NumPy reference loop timed the way engine-bench times the engine.

Loads initial weights from one of our weights JSON files (xor-train --epochs 0 --save FILE writes
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
import sys
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


def copy(weights):
    return [(W.copy(), b.copy()) for W, b in weights]


def ns_per_epoch(weights, activation, lr, epochs):
    start = time.perf_counter_ns()
    loss = train(weights, activation, lr, epochs)
    return (time.perf_counter_ns() - start) / epochs, loss


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--init", required=True, help="initial weights JSON (our format)")
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

    init = load_weights(a.init)
    first, first_loss = [], None
    for _ in range(a.first_runs):
        ns, first_loss = ns_per_epoch(copy(init), a.activation, a.lr, a.first)
        first.append(ns)
    weights = copy(init)
    train(weights, a.activation, a.lr, a.warmup)
    steady = [ns_per_epoch(weights, a.activation, a.lr, a.epochs)[0] for _ in range(a.runs)]
    result = {
        "name": a.name, "numpy": np.__version__,
        "steady_ns_per_epoch": round(float(np.median(steady)), 1),
        "best_ns_per_epoch": round(min(steady), 1),
        "first_10k_ns_per_epoch": round(float(np.median(first)), 1),
        "first_epochs": a.first, "loss_after_first": first_loss,
    }
    if a.engine_loss is not None:
        result["engine_loss_after_first"] = a.engine_loss
    if a.json:
        print(json.dumps(result))
    else:
        print(f"{a.name or a.init:16} steady {result['steady_ns_per_epoch']:10.1f} ns/epoch "
              f"(best {result['best_ns_per_epoch']:10.1f})   first {a.first} {result['first_10k_ns_per_epoch']:10.1f} "
              f"ns/epoch   (loss at epoch {a.first - 1}: {first_loss!r})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
