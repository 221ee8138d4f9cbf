#!/usr/bin/env python3
"""Checks the xor-train command line: help, output formats, --save/--init round trips, the data
flags (truth tables, point clouds with their train/test figures, --dump-data), batch sizes and
penalties, --hidden 0, and a table of bad flags, values and files (each must exit 2 with one
`xor-train: …` line).

Usage: cli_test.py <command…>   e.g. cli_test.py build/native/xor-train
                                      cli_test.py node build/web/xor-train.js
Standard library only (any python3). Last line: `N passed, M failed`; exit 1 on any failure.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

FLAGS = ["--hidden", "--layers", "--activation", "--output", "--loss", "--lr", "--epochs", "--optimizer",
         "--momentum", "--batch", "--seed", "--init", "--init-scheme", "--print-every", "--format", "--save",
         "--help", "--data", "--targets", "--points", "--noise", "--train", "--reg", "--reg-rate", "--dump-data"]
# reference.py --seed 42, H = 4, as made for the goldens (tests/reference/make_golden.py). The
# loss of epoch 0 passes through `exp`, which libraries round differently in the last bit: the
# value is compared at compare_cli.py's tolerance, the line's shape exactly.
SEED42_EPOCH0_LOSS = 0.2831895890644398
REFERENCE_TOLERANCE = 1e-11
HUGE_BYTES = 2 ** 31 + 1   # a 2 GB --init file
LOSS_LINE = re.compile(r"^Epoch (\d+), Loss: (\S+)$")
PREDICTION_LINE = re.compile(r"^([01]) ([01]) -> (\S+)$")
FIGURES = r"Train loss: (\S+), Train accuracy: (\d+)/(\d+)(?:, Test loss: (\S+), Test accuracy: (\d+)/(\d+))?"
CLOUD_LOSS_LINE = re.compile(r"^Epoch (\d+), Loss: (\S+), " + FIGURES + "$")
FINAL_LINE = re.compile(r"^After (\d+) epochs?, " + FIGURES + "$")
TABLES = {"xor": "0110", "and": "0001", "or": "0111", "nand": "1110", "nor": "1000", "xnor": "1001"}
# A small circle run that learns in a few seconds, also under node (the point-cloud defaults
# of the settings table, when it has some, are overridden by these flags).
CIRCLE = ["--data", "circle", "--points", "100", "--layers", "8,8", "--activation", "tanh", "--loss", "bce",
          "--batch", "10", "--lr", "0.03", "--optimizer", "sgd"]


class Checker:
    def __init__(self, command):
        self.command = command
        self.passed = 0
        self.failed = 0

    def run(self, *args):
        result = subprocess.run(self.command + [str(a) for a in args], capture_output=True, text=True, timeout=300)
        return result.returncode, result.stdout, result.stderr

    def check(self, name, ok, detail=""):
        if ok:
            self.passed += 1
        else:
            self.failed += 1
            print(f"FAIL {name}" + (f": {detail}" if detail else ""))
        return ok


def loss_values(stdout):
    return [(int(m.group(1)), float(m.group(2))) for m in map(LOSS_LINE.match, stdout.splitlines()) if m]


def check_help(c):
    code, out, err = c.run("--help")
    c.check("--help exits 0", code == 0, err)
    for flag in FLAGS:
        c.check(f"--help documents {flag}", re.search(re.escape(flag) + r"\b", out) is not None)
    code, out2, _ = c.run("--lr", "0.5", "-h")
    c.check("-h wins over other flags", code == 0 and out2 == out)


def check_text_format(c):
    code, out, err = c.run()
    lines = out.splitlines()
    c.check("defaults exit 0", code == 0, err)
    c.check("defaults print 10 loss lines + 5 prediction lines + the final figures", len(lines) == 16,
            f"{len(lines)} lines")
    first = LOSS_LINE.match(lines[0]) if lines else None
    c.check("first line is the reference's", first is not None and first.group(1) == "0" and
            abs(float(first.group(2)) - SEED42_EPOCH0_LOSS) <= REFERENCE_TOLERANCE * SEED42_EPOCH0_LOSS, lines[:1])
    c.check("loss epochs 0, 1000, …, 9000", [e for e, _ in loss_values(out)] == list(range(0, 10000, 1000)))
    c.check("then Predictions:", len(lines) > 10 and lines[10] == "Predictions:")
    rows = [PREDICTION_LINE.match(line) for line in lines[11:15]]
    c.check("four prediction rows 00 01 10 11", all(rows) and [m.group(1) + m.group(2) for m in rows if m] ==
            ["00", "01", "10", "11"], lines[11:15])
    c.check("XOR learned", all(rows) and [round(float(m.group(3))) for m in rows if m] == [0, 1, 1, 0])
    final = FINAL_LINE.match(lines[15]) if len(lines) > 15 else None
    c.check("then the final train figures, no test set", final is not None and final.group(1) == "10000" and
            final.group(3, 4) == ("4", "4") and final.group(5) is None and float(final.group(2)) < 0.01, lines[15:])
    code, out42, _ = c.run("--seed", "42")
    c.check("default seed is 42", out42 == out)
    code, out, _ = c.run("--epochs", "5", "--print-every", "2")
    c.check("epochs 0, 2, 4 of 5", [e for e, _ in loss_values(out)] == [0, 2, 4], out)
    code, out, _ = c.run("--epochs", "0")
    c.check("--epochs 0 prints only predictions and figures", code == 0 and out.splitlines()[0] == "Predictions:"
            and out.splitlines()[-1].startswith("After 0 epochs, Train loss: "), out)
    code, out, _ = c.run("--epochs", "1")
    c.check("After 1 epoch", code == 0 and out.splitlines()[-1].startswith("After 1 epoch, "), out)
    _, a, _ = c.run("--lr", "0.5", "--hidden", "3", "--epochs", "300", "--print-every", "100")
    _, b, _ = c.run("--lr=0.5", "--hidden=3", "--epochs=300", "--print-every=100")
    c.check("--flag=value is --flag value", a == b and a != "", (a, b))
    code, out, err = c.run("--layers", "8,8", "--activation", "tanh", "--optimizer", "adam", "--batch", "sample",
                           "--epochs", "2000", "--lr", "0.01", "--init-scheme", "xavier")
    c.check("other settings run", code == 0 and len(loss_values(out)) == 2, err)


def check_csv_and_json(c, tmp):
    _, text, _ = c.run("--epochs", "3000", "--print-every", "500")
    code, out, err = c.run("--epochs", "3000", "--print-every", "500", "--format", "csv")
    lines = out.splitlines()
    c.check("csv exits 0", code == 0, err)
    c.check("csv header", lines[:1] == ["epoch,loss,train_loss,train_accuracy,test_loss,test_accuracy"], lines[:1])
    cells = [line.split(",") for line in lines[1:]]
    c.check("csv rows have 6 cells", all(len(row) == 6 for row in cells), cells[:2])
    rows = [(int(row[0]), float(row[1])) for row in cells[:-1] if len(row) == 6]
    c.check("csv rows are the text losses", rows == loss_values(text), rows)
    c.check("csv: no test set, empty test cells", all(row[4:] == ["", ""] for row in cells), cells[:2])
    c.check("csv: epoch 0's train loss is its loss (full batch, no penalty)",
            len(cells) > 1 and float(cells[0][2]) == float(cells[0][1]), cells[:1])
    last = cells[-1] if cells else []
    c.check("csv: last row is the final weights' (loss empty)", last[:2] == ["3000", ""] and
            float(last[3]) in (0.0, 0.25, 0.5, 0.75, 1.0) and float(last[2]) < float(cells[-2][2]), last)
    code, out, err = c.run("--epochs", "3000", "--print-every", "500", "--format", "json")
    c.check("json exits 0", code == 0, err)
    try:
        doc = json.loads(out)
    except ValueError as e:
        c.check("json parses", False, str(e))
        return
    c.check("json losses are the text losses", [(x["epoch"], x["loss"]) for x in doc["losses"]] == loss_values(text))
    c.check("json settings", doc["settings"]["hidden"] == [4] and doc["settings"]["lr"] == 0.1 and
            doc["settings"]["seed"] == 42 and doc["settings"]["epochs"] == 3000, doc["settings"])
    c.check("json predictions", [p["input"] for p in doc["predictions"]] == [[0, 0], [0, 1], [1, 0], [1, 1]] and
            [p["target"] for p in doc["predictions"]] == [0, 1, 1, 0])
    c.check("json final weights 2-4-1", [len(layer["b"]) for layer in doc["layers"]] == [4, 1])
    c.check("json losses carry train figures, test null", all(
        x["train_accuracy"] is not None and x["test_loss"] is None and x["test_accuracy"] is None
        for x in doc["losses"]))
    final = doc.get("final", {})
    c.check("json final figures", final.get("epoch") == 3000 and final.get("train_accuracy") == final.get("train_right", -1) / 4 and
            final.get("train_count") == 4 and final.get("test_count") == 0 and final.get("test_loss") is None, final)
    c.check("json data", doc["settings"]["data"] == {"name": "xor", "cloud": False, "targets": "0110", "points": None,
                                                     "noise": None, "train_percent": None, "samples": 4,
                                                     "train_rows": 4, "test_rows": 0}, doc["settings"]["data"])
    path = os.path.join(tmp, "run.json")
    with open(path, "w") as f:
        f.write(out)
    code, _, err = c.run("--init", path, "--epochs", "10")
    c.check("json output loads with --init", code == 0, err)


def check_save_and_init(c, tmp):
    initial = os.path.join(tmp, "initial.json")
    code, _, err = c.run("--seed", "5", "--hidden", "6", "--epochs", "0", "--save", initial)
    c.check("--save writes a file", code == 0 and os.path.exists(initial), err)
    _, seeded, _ = c.run("--seed", "5", "--hidden", "6", "--epochs", "2000", "--print-every", "100")
    code, loaded, err = c.run("--init", initial, "--epochs", "2000", "--print-every", "100")
    c.check("--save then --init reproduces the seeded run", code == 0 and loaded == seeded and seeded != "", err)
    code, agreed, err = c.run("--init", initial, "--hidden", "6", "--epochs", "2000", "--print-every", "100")
    c.check("--hidden agreeing with --init", code == 0 and agreed == seeded, err)
    final = os.path.join(tmp, "final.json")
    c.run("--seed", "5", "--hidden", "6", "--epochs", "1000", "--save", final)
    _, continued, _ = c.run("--init", final, "--epochs", "1000", "--print-every", "1000")
    _, straight, _ = c.run("--seed", "5", "--hidden", "6", "--epochs", "2000", "--print-every", "1000")
    c.check("training continues exactly from saved weights",
            loss_values(continued)[0][1] == loss_values(straight)[1][1], (continued, straight))


def predictions(stdout):
    return {m.group(1) + m.group(2): float(m.group(3)) for m in map(PREDICTION_LINE.match, stdout.splitlines()) if m}


def final_figures(stdout):
    lines = stdout.splitlines()
    return FINAL_LINE.match(lines[-1]) if lines else None


def check_truth_tables(c):
    for name, targets in TABLES.items():
        code, out, err = c.run("--data", name, "--epochs", "4000", "--lr", "0.5", "--print-every", "1000")
        got = predictions(out)
        c.check(f"--data {name} learns {targets}", code == 0 and
                "".join(str(round(got.get(r, -1))) for r in ("00", "01", "10", "11")) == targets, out[-300:] + err)
        final = final_figures(out)
        c.check(f"--data {name}: 4/4 right, no test figures", final is not None and final.group(3, 4) == ("4", "4")
                and final.group(5) is None and len(loss_values(out)) == 4, out[-200:])
        code, custom, err = c.run("--targets", targets, "--epochs", "4000", "--lr", "0.5", "--print-every", "1000")
        c.check(f"--targets {targets} is --data {name}", code == 0 and custom == out, err)
    _, xor, _ = c.run("--epochs", "2000")
    _, named, _ = c.run("--data", "xor", "--epochs", "2000")
    c.check("--data xor is the default", xor == named)
    _, later, _ = c.run("--targets", "0001", "--data", "xor", "--epochs", "2000")
    c.check("the later of --targets and --data wins", later == xor)


def check_hidden_zero(c, tmp):
    code, out, err = c.run("--hidden", "0", "--data", "and", "--lr", "1", "--epochs", "3000")
    c.check("--hidden 0 learns AND (linearly separable)", code == 0 and
            [round(v) for v in predictions(out).values()] == [0, 0, 0, 1], out + err)
    code, out, err = c.run("--hidden", "0", "--epochs", "3000", "--lr", "1")
    final = final_figures(out)
    c.check("--hidden 0 cannot learn XOR (at most 3 of 4)", code == 0 and final is not None and
            int(final.group(3)) <= 3, out + err)
    code, out, err = c.run("--layers", "0", "--epochs", "10", "--format", "json")
    doc = json.loads(out) if code == 0 else {}
    c.check("--hidden 0: json has one 2-1 layer and hidden []", doc.get("settings", {}).get("hidden") == [] and
            [(len(l["W"]), len(l["b"])) for l in doc.get("layers", [])] == [(2, 1)], out[-300:] + err)
    path = os.path.join(tmp, "perceptron.json")
    code, _, err = c.run("--hidden", "0", "--data", "and", "--lr", "1", "--epochs", "500", "--save", path)
    c.check("--hidden 0 --save", code == 0 and os.path.exists(path), err)
    code, out, err = c.run("--init", path, "--data", "and", "--epochs", "0")
    c.check("--hidden 0 weights load with --init", code == 0 and len(predictions(out)) == 4, err)


def check_clouds(c, tmp):
    args = CIRCLE + ["--epochs", "300", "--print-every", "100"]
    code, out, err = c.run(*args)
    lines = out.splitlines()
    epochs = [CLOUD_LOSS_LINE.match(line) for line in lines[:-1]]
    c.check("circle: exits 0, nothing on stderr", code == 0 and err == "", err)
    c.check("circle: epoch lines carry train and test figures", len(lines) == 4 and all(epochs) and
            [m.group(1) for m in epochs if m] == ["0", "100", "200"] and
            all(m.group(5, 8) == ("50", "50") for m in epochs if m), lines)
    final = final_figures(out)
    c.check("circle: the final line has train and test figures", final is not None and final.group(1) == "300" and
            final.group(4, 7) == ("50", "50") and final.group(5) is not None, lines[-1:])
    c.check("circle: learned (>= 80% right on train and test)", final is not None and
            int(final.group(3)) >= 40 and int(final.group(6)) >= 40, lines[-1:])
    c.check("circle: no per-point prediction lines in text", "Predictions:" not in out)
    _, again, _ = c.run(*args)
    c.check("circle: the same run twice prints the same", again == out)
    _, other_seed, _ = c.run(*args, "--seed", "7")
    c.check("circle: --seed changes the run", other_seed != out and other_seed != "")

    code, out, err = c.run("--data", "circle", "--epochs", "0", "--format", "json")
    settings = json.loads(out)["settings"] if code == 0 else {}
    code, help_text, _ = c.run("--help")
    listed = help_text.split("point-cloud defaults: ")[-1].strip().rstrip(".")
    defaults = dict(pair.split(" ", 1) for pair in listed.split(", ") if pair.startswith("--"))
    names = {"--lr": "lr", "--activation": "activation", "--loss": "loss", "--batch": "batch"}
    c.check("circle: --help lists the point-cloud defaults", code == 0 and set(defaults) >= {"--lr", "--loss"},
            help_text[-300:])
    c.check("circle: settings no flag gave take the point-cloud defaults", all(
        str(settings.get(names.get(flag, flag[2:]))) == value for flag, value in defaults.items()), (defaults, settings))
    code, out, err = c.run("--data", "circle", "--lr", "0.5", "--loss", "mse", "--epochs", "0", "--format", "json")
    settings = json.loads(out)["settings"] if code == 0 else {}
    c.check("circle: a given flag beats the point-cloud default", settings.get("lr") == 0.5 and
            settings.get("loss") == "mse", settings)

    code, out, err = c.run(*CIRCLE, "--points", "150", "--train", "70", "--epochs", "20", "--print-every", "10",
                           "--format", "json")
    doc = json.loads(out) if code == 0 else {}
    data = doc.get("settings", {}).get("data", {})
    c.check("circle json: data sizes", data.get("cloud") is True and data.get("samples") == 150 and
            data.get("train_rows") == 105 and data.get("test_rows") == 45 and data.get("train_percent") == 70, data)
    preds = doc.get("predictions", [])
    c.check("circle json: every point predicted, training rows first", len(preds) == 150 and
            [p["set"] for p in preds] == ["train"] * 105 + ["test"] * 45 and
            all(p["target"] in (0, 1) and len(p["input"]) == 2 for p in preds), preds[:2])
    final = doc.get("final", {})
    right = sum((p["output"] > 0.5) == (p["target"] == 1) for p in preds[105:])
    c.check("circle json: final test figures match the predictions", final.get("test_count") == 45 and
            final.get("test_right") == right and final.get("test_loss") is not None, final)
    c.check("circle json: losses carry test figures", doc.get("losses") and
            all(x["test_loss"] is not None and x["test_accuracy"] is not None for x in doc["losses"]))
    c.check("circle json: batch 10", doc.get("settings", {}).get("batch") == "10")

    code, out, err = c.run(*CIRCLE, "--epochs", "20", "--print-every", "10", "--format", "csv")
    cells = [line.split(",") for line in out.splitlines()[1:]]
    c.check("circle csv: test cells filled", code == 0 and len(cells) == 3 and
            all(len(row) == 6 and row[4] and row[5] for row in cells) and cells[-1][:2] == ["20", ""], cells)


def check_dump_data(c):
    code, out, err = c.run("--data", "circle", "--points", "60", "--train", "50", "--dump-data")
    doc = json.loads(out) if code == 0 else {}
    c.check("--dump-data: points, targets, sizes", len(doc.get("x", [])) == 60 and len(doc.get("y", [])) == 60 and
            doc.get("data", {}).get("train_rows") == 30 and set(doc.get("y", [])) <= {0, 1} and
            all(-1 <= v <= 1 for xy in doc.get("x", []) for v in xy), out[:200] + err)
    c.check("--dump-data: the run's seed and data", doc.get("seed") == 42 and
            doc.get("config") == "data=circle&points=60&noise=0&train=50", doc.get("config"))
    _, same, _ = c.run("--data", "circle", "--points", "60", "--dump-data")
    _, seeded, _ = c.run("--data", "circle", "--points", "60", "--dump-data", "--seed", "3")
    _, noisy, _ = c.run("--data", "circle", "--points", "60", "--dump-data", "--noise", "20")
    c.check("--dump-data: same seed, same points; another seed or noise, others",
            same == out and seeded not in ("", out) and noisy not in ("", out))
    for name in ("xor-cloud", "gauss", "spiral"):
        code, dump, err = c.run("--data", name, "--dump-data")
        doc = json.loads(dump) if code == 0 else {}
        ys = doc.get("y", [])
        c.check(f"--dump-data {name}: 200 points of both classes", len(ys) == 200 and 0 < sum(ys) < 200, err)
    code, dump, err = c.run("--data", "nand", "--dump-data")
    doc = json.loads(dump) if code == 0 else {}
    c.check("--dump-data nand: the four rows", doc.get("x") == [[0, 0], [0, 1], [1, 0], [1, 1]] and
            doc.get("y") == [1, 1, 1, 0], dump[:300])


def check_batch_and_reg(c):
    base = CIRCLE[:-6] + ["--loss", "bce", "--epochs", "30", "--print-every", "10"]   # circle, 100 points, 50 train
    code, clamped, err = c.run(*base, "--batch", "80")
    c.check("--batch over the training rows: a note on stderr, exit 0",
            code == 0 and err.strip() == "xor-train: batch=80: more than the 50 training rows; using 50", err)
    _, fifty, _ = c.run(*base, "--batch", "50")
    c.check("--batch clamped runs as the training rows", clamped == fifty and fifty != "")
    _, one, _ = c.run(*base, "--batch", "1")
    _, sample, _ = c.run(*base, "--batch", "sample")
    c.check("--batch 1 is --batch sample", one == sample and one != "")
    _, full, _ = c.run(*base, "--batch", "full")
    _, ten, _ = c.run(*base, "--batch", "10")
    c.check("--batch full, 10 and sample differ", len({full, ten, sample}) == 3)
    code, out, err = c.run("--batch", "3", "--epochs", "2000")
    c.check("--batch 3 on XOR (4 rows)", code == 0 and err == "" and len(loss_values(out)) == 2, err)
    code, out, err = c.run("--batch", "9", "--epochs", "10")
    c.check("--batch 9 on XOR clamps to 4", code == 0 and "using 4" in err, err)

    _, plain, _ = c.run("--epochs", "2000")
    _, rate_only, _ = c.run("--epochs", "2000", "--reg-rate", "0.05")
    c.check("--reg-rate without --reg changes nothing", rate_only == plain)
    for reg in ("l1", "l2"):
        code, out, err = c.run("--epochs", "2000", "--reg", reg, "--reg-rate", "0.01")
        c.check(f"--reg {reg} changes the run", code == 0 and out != plain and len(loss_values(out)) == 2, err)
        code, out, err = c.run("--epochs", "2000", "--reg", reg, "--reg-rate", "0")
        c.check(f"--reg {reg} --reg-rate 0 is no penalty", code == 0 and out == plain, err)


def check_cloud_save_and_init(c, tmp):
    initial = os.path.join(tmp, "circle-initial.json")
    code, _, err = c.run(*CIRCLE, "--seed", "9", "--epochs", "0", "--save", initial)
    c.check("circle: --save", code == 0 and os.path.exists(initial), err)
    _, seeded, _ = c.run(*CIRCLE, "--seed", "9", "--epochs", "50", "--print-every", "10")
    code, loaded, err = c.run(*CIRCLE, "--seed", "9", "--init", initial, "--epochs", "50", "--print-every", "10")
    c.check("circle: --init with --seed (the points) reproduces the seeded run", code == 0 and loaded == seeded
            and seeded != "", err)
    final = os.path.join(tmp, "circle-final.json")
    code, out, err = c.run(*CIRCLE, "--epochs", "100", "--save", final, "--print-every", "1000")
    code2, again, err2 = c.run(*CIRCLE, "--init", final, "--epochs", "0")
    c.check("circle: saved final weights reload with the same figures", code == 0 and code2 == 0 and
            out.splitlines()[-1].split(", ", 1)[1] == again.splitlines()[-1].split(", ", 1)[1], (out, again, err2))
    code, out, err = c.run(*CIRCLE, "--epochs", "20", "--format", "json")
    path = write(tmp, "circle-run.json", out)
    code, _, err = c.run(*CIRCLE, "--init", path, "--epochs", "5")
    c.check("circle: json output loads with --init", code == 0, err)


def write(tmp, name, text):
    path = os.path.join(tmp, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def check_bad_input(c, tmp):
    good = os.path.join(tmp, "initial.json")   # 2-6-1, from check_save_and_init
    malformed = write(tmp, "malformed.json", '{"layers": [{"W": [[1, 2], [3, 4]], "b": [0, 0]},')
    shaped = write(tmp, "shaped.json", '{"layers": [{"W": [[1, 2, 3, 4], [1, 2, 3, 4]], "b": [0, 0, 0, 0]},'
                                       ' {"W": [[1], [2], [3]], "b": [0]}]}')
    nan = write(tmp, "nan.json", '{"layers": [{"W": [[NaN], [1]], "b": [0]}, {"W": [[1]], "b": [0]}]}')
    huge = os.path.join(tmp, "huge.json")   # sparse: refused by its size, never read
    with open(huge, "wb") as f:
        f.truncate(HUGE_BYTES)
    cases = [
        (["--bogus"], ["unknown option --bogus"]),
        (["--lr"], ["--lr", "missing value"]),
        (["--lr", "--epochs", "5"], ["--lr", "missing value"]),
        (["--lr", "abc"], ["lr=abc", "not a number", "1e-06 to 100"]),
        (["--lr=nan"], ["lr=nan", "not a finite number"]),
        (["--lr", "1e999"], ["lr=1e999", "out of range"]),
        (["--lr", "9" * 5000], ["lr=999", "..."]),
        (["--hidden", "100000"], ["hidden=100000", "1 to 32 units"]),
        (["--hidden", "1,2,3,4,5"], ["hidden=1,2,3,4,5", "1 to 4 hidden layers"]),
        (["--layers", "8,,8"], ["layers=8,,8", "empty layer size"]),
        (["--hidden", "4x"], ["hidden=4x", "not a whole number"]),
        (["--epochs", "-1"], ["epochs=-1", "0 to 100000000"]),
        (["--epochs", "100000001"], ["epochs=100000001", "out of range"]),
        (["--print-every", "0"], ["print-every=0", "out of range"]),
        (["--seed", "-5"], ["seed=-5", "0 to 4294967295"]),
        (["--activation", "foo"], ["activation=foo", "unknown activation", "leaky_relu"]),
        (["--output", "tanh"], ["output=tanh", "sigmoid, linear"]),
        (["--loss", "bce", "--output", "linear"], ["bce", "sigmoid"]),
        (["--optimizer", "rmsprop"], ["optimizer=rmsprop", "sgd, momentum, adam"]),
        (["--format", "xml"], ["format=xml", "text, csv, json"]),
        (["stray"], ["unexpected argument 'stray'"]),
        (["--init", os.path.join(tmp, "missing.json")], ["cannot read", "missing.json"]),
        (["--init", tmp], ["cannot read"]),
        (["--init", malformed], ["malformed.json", "line 1"]),
        (["--init", shaped], ["shaped.json", "layers[1].W: expected 4 rows, got 3"]),
        (["--init", nan], ["nan.json", "layers[0].W[0][0]", "NaN"]),
        (["--seed", "1", "--init", good], ["--seed and --init"]),
        # The data, batch and penalty flags.
        (["--data", "foo"], ["data=foo", "unknown data set", "circle"]),
        (["--data", "Circle"], ["data=Circle", "unknown data set"]),
        (["--data", "d" * 100000], ["data=dddd", "..."]),
        (["--targets", "012"], ["targets=012", "four 0s and 1s"]),
        (["--targets", "01101"], ["targets=01101", "four 0s and 1s"]),
        (["--targets", ""], ["targets=", "four 0s and 1s"]),
        (["--targets="], ["targets=", "four 0s and 1s"]),
        (["--points", "49"], ["points=49", "out of range", "50 to 1000"]),
        (["--points", "1001"], ["points=1001", "50 to 1000"]),
        (["--points", "abc"], ["points=abc", "not a whole number"]),
        (["--points", "-5"], ["points=-5", "50 to 1000"]),
        (["--points", "1e3"], ["points=1e3", "not a whole number"]),
        (["--points", "9" * 400], ["points=999", "...", "out of range"]),
        (["--noise", "51"], ["noise=51", "0 to 50"]),
        (["--noise", "1.5"], ["noise=1.5", "not a whole number"]),
        (["--train", "9"], ["train=9", "10 to 90"]),
        (["--train", "91"], ["train=91", "10 to 90"]),
        (["--train", "50%"], ["train=50%", "not a whole number"]),
        (["--batch", "0"], ["batch=0", "full, sample or a batch size 1 to 1000"]),
        (["--batch", "1001"], ["batch=1001", "1 to 1000"]),
        (["--batch", "-3"], ["batch=-3", "1 to 1000"]),
        (["--batch", "mini"], ["batch=mini", "full, sample"]),
        (["--batch", "1e3"], ["batch=1e3", "1 to 1000"]),
        (["--batch", "99999999999999999999999"], ["batch=9999", "1 to 1000"]),
        (["--reg", "l3"], ["reg=l3", "none, l1, l2"]),
        (["--reg-rate", "0.2"], ["reg_rate=0.2", "0 to 0.1"]),
        (["--reg-rate", "nan"], ["reg_rate=nan", "not a finite number"]),
        (["--reg-rate", "-0.01"], ["reg_rate=-0.01", "out of range"]),
        (["--hidden", "0,4"], ["hidden=0,4", "0 alone means no hidden layer"]),
        (["--dump-data=1"], ["--dump-data", "takes no value"]),
        (["--batch", "500", "--init", os.path.join(tmp, "missing.json")], ["cannot read", "missing.json"]),
        (["--reg_rate", "0.01"], ["unknown option --reg_rate"]),
        (["--hidden", "4", "--init", good], ["hidden=4 does not match", "6"]),
        (["--layers", "6,6", "--init", good], ["hidden=6,6 does not match"]),
        (["--save", os.path.join(tmp, "no", "such", "dir.json"), "--epochs", "1"], ["cannot write"]),
        # Hostile sizes and strings: huge numbers, 100 KB arguments, huge or odd files.
        (["--epochs", "1e9"], ["epochs=1e9", "not a whole number"]),
        (["--epochs", "99999999999999999999"], ["epochs=99999999999999999999", "out of range"]),
        (["--print-every", "1000000001"], ["print-every=1000000001", "out of range"]),
        (["--lr", "-1"], ["lr=-1", "out of range", "1e-06 to 100"]),
        (["--lr", "1e308"], ["lr=1e308", "out of range"]),
        (["--lr", "0x10"], ["lr=0x10", "not a number"]),
        (["--lr="], ["lr=", "not a number"]),
        (["--lr", "\x1b[31mred"], ["lr=?[31mred", "not a number"]),   # escapes are not echoed raw
        (["--momentum", "1"], ["momentum=1", "up to but not including 1"]),
        (["--seed", "4294967296"], ["seed=4294967296", "out of range"]),
        (["--hidden", "33"], ["hidden=33", "1 to 32 units"]),
        (["--layers", "32,32,32,32,32"], ["1 to 4 hidden layers", "got 5"]),
        (["--hidden", ",".join(["1"] * 50000)], ["hidden=1,1,1", "...", "got 50000"]),
        (["--" + "x" * 100000], ["unknown option --xxxx", "..."]),
        (["--format", "y" * 100000], ["format=yyyy", "...", "text, csv, json"]),
        (["--init", "a" * 100000], ["--init aaaa", "...", "file name too long"]),
        (["--save", "s" * 256, "--epochs", "1"], ["--save ssss", "file name too long"]),   # one name over 255
        (["--init="], ["--init", "needs a file name"]),
        (["--init", huge], ["huge.json", "too large", f"{HUGE_BYTES} bytes"]),
        (["--init", tmp], ["cannot read", "folder"]),
        (["-x"], ["unexpected argument '-x'"]),
        (["--save", tmp, "--epochs", "1"], ["cannot write", "folder"]),
        (["--save", os.path.join(good, "under_a_file.json"), "--epochs", "1"], ["cannot write", "under_a_file"]),
        (["--save", "b" * 100000, "--epochs", "1"], ["--save bbbb", "...", "file name too long"]),
    ]
    if os.path.exists("/dev/zero"):   # endless: read only up to the limit
        cases.append((["--init", "/dev/zero"], ["/dev/zero", "too large", "over 1048576 bytes"]))
    if os.path.exists("/dev/full"):   # opens fine, the write fails (ENOSPC)
        cases.append((["--save", "/dev/full", "--epochs", "1"], ["cannot write /dev/full"]))
    for args, words in cases:
        name = " ".join(a if len(a) < 30 else a[:27] + "..." for a in args)
        code, out, err = c.run(*args)
        lines = err.splitlines()
        ok = (code == 2 and len(lines) == 1 and lines[0].startswith("xor-train: ") and len(lines[0]) < 300
              and all(w in lines[0] for w in words))
        if "--save" not in args:
            ok = ok and out == ""
        c.check(f"rejects {name}", ok, f"exit {code}, stderr {err!r}")
    os.remove(huge)
    # An unwritable --save is refused before training (no output), not after a long run.
    code, out, err = c.run("--save", tmp, "--epochs", "100000000")
    c.check("unwritable --save refused before training", code == 2 and out == "", f"exit {code}, stdout {out[:80]!r}")


def check_divergence(c):
    code, out, err = c.run("--output", "linear", "--lr", "100", "--epochs", "1000", "--print-every", "10")
    c.check("divergence exits 3", code == 3, f"exit {code}")
    c.check("divergence is reported on stderr", "diverged" in err and err.count("\n") == 1, err)
    c.check("losses up to the divergence are printed", len(loss_values(out)) >= 1, out)
    with tempfile.TemporaryDirectory(prefix="xor-train-diverge-") as tmp:
        path = os.path.join(tmp, "never.json")
        code, _, _ = c.run("--output", "linear", "--lr", "100", "--epochs", "1000", "--save", path)
        c.check("a diverged run leaves no --save file behind", code == 3 and not os.path.exists(path), f"exit {code}")


def main():
    if len(sys.argv) < 2:
        print(__doc__)
        return 2
    c = Checker(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="xor-train-test-") as tmp:
        check_help(c)
        check_text_format(c)
        check_csv_and_json(c, tmp)
        check_save_and_init(c, tmp)
        check_truth_tables(c)
        check_hidden_zero(c, tmp)
        check_clouds(c, tmp)
        check_dump_data(c)
        check_batch_and_reg(c)
        check_cloud_save_and_init(c, tmp)
        check_bad_input(c, tmp)
        check_divergence(c)
    print(f"{c.passed} passed, {c.failed} failed")
    return 0 if c.failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
