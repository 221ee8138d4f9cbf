#!/usr/bin/python3
"""The reference NumPy program (our transcription): a 2-H-1 sigmoid network trained on XOR by
full-batch gradient descent. xor-train and the engine tests must reproduce it number for number.

Run with Debian's /usr/bin/python3 (the one with python3-numpy). Prints the reference's own
lines, `Epoch N, Loss: X` (Python's f-string formatting of the float), then the predictions of
the final weights as `Predictions:` and `0 1 -> <repr>` lines, like `xor-train --format text`.
"""
import argparse
import json
import sys

import numpy as np

X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])
y = np.array([[0], [1], [1], [0]])


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(a):
    return a * (1 - a)


def initial_weights(hidden, seed):
    """The reference's draws: np.random.seed(seed), then W1 = randn(2, H), W2 = randn(H, 1)."""
    if seed is not None:
        np.random.seed(seed)
    W1 = np.random.randn(2, hidden)
    b1 = np.zeros((1, hidden))
    W2 = np.random.randn(hidden, 1)
    b2 = np.zeros((1, 1))
    return W1, b1, W2, b2


def train(W1, b1, W2, b2, lr=0.1, epochs=10000, print_every=1000, out=None):
    """The reference loop. Returns ([(epoch, loss)], predictions, (W1, b1, W2, b2)); prints
    each recorded loss line to `out` as it goes when given."""
    W1, b1, W2, b2 = (np.array(w, dtype=float) for w in (W1, b1, W2, b2))
    losses = []
    for epoch in range(epochs):
        hidden_output = sigmoid(X @ W1 + b1)
        output = sigmoid(hidden_output @ W2 + b2)

        d_output = (output - y) * sigmoid_derivative(output)
        d_hidden = (d_output @ W2.T) * sigmoid_derivative(hidden_output)

        W2 -= hidden_output.T @ d_output * lr
        b2 -= np.sum(d_output, axis=0, keepdims=True) * lr
        W1 -= X.T @ d_hidden * lr
        b1 -= np.sum(d_hidden, axis=0, keepdims=True) * lr

        if epoch % print_every == 0:
            loss = np.mean((y - output) ** 2)   # before this epoch's update
            losses.append((epoch, loss))
            if out is not None:
                print(f"Epoch {epoch}, Loss: {loss}", file=out)
    predictions = sigmoid(sigmoid(X @ W1 + b1) @ W2 + b2)
    return losses, predictions, (W1, b1, W2, b2)


def weights_json(W1, b1, W2, b2):
    """Our weights format: {"layers": [{"W": [[...]], "b": [...]}, ...]}, floats as repr."""
    layers = [{"W": np.asarray(W).tolist(), "b": np.asarray(b).ravel().tolist()} for W, b in ((W1, b1), (W2, b2))]
    return json.dumps({"layers": layers})


def load_weights(path):
    """A 2-H-1 weights file (the reference network has one hidden layer)."""
    with open(path) as f:
        layers = json.load(f)["layers"]
    if len(layers) != 2:
        raise ValueError(f"{path}: the reference network has one hidden layer, the file has {len(layers) - 1}")
    W1, W2 = np.array(layers[0]["W"], dtype=float), np.array(layers[1]["W"], dtype=float)
    b1, b2 = np.array([layers[0]["b"]], dtype=float), np.array([layers[1]["b"]], dtype=float)
    hidden = W1.shape[1]
    if W1.shape != (2, hidden) or b1.shape != (1, hidden) or W2.shape != (hidden, 1) or b2.shape != (1, 1):
        raise ValueError(f"{path}: not a 2-H-1 network")
    return W1, b1, W2, b2


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hidden", type=int, default=None, help="hidden units H (default 4)")
    parser.add_argument("--lr", type=float, default=0.1)
    parser.add_argument("--epochs", type=int, default=10000)
    parser.add_argument("--print-every", type=int, default=1000)
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--seed", type=int, default=None, help="np.random.seed before the draws")
    source.add_argument("--init", help="initial weights JSON instead of random draws")
    parser.add_argument("--dump-init", help="write the initial weights as JSON to this file")
    args = parser.parse_args(argv)

    if args.init:
        weights = load_weights(args.init)
        if args.hidden is not None and args.hidden != weights[0].shape[1]:
            parser.error(f"--hidden {args.hidden} does not match {args.init} (H = {weights[0].shape[1]})")
    else:
        weights = initial_weights(args.hidden or 4, args.seed)
    if args.dump_init:
        with open(args.dump_init, "w") as f:
            f.write(weights_json(*weights) + "\n")

    _, predictions, _ = train(*weights, lr=args.lr, epochs=args.epochs, print_every=args.print_every,
                              out=sys.stdout)
    print("Predictions:")
    for row, p in zip(X, predictions[:, 0]):
        print(f"{row[0]} {row[1]} -> {float(p)!r}")


if __name__ == "__main__":
    main()
