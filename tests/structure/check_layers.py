#!/usr/bin/env python3
"""Layer checker for Backprop Lab's C/C++ sources (Python 3.11, stdlib only).

Why: the page is split into layers so the math and the page model stay
portable and testable natively, and every browser/GPU/UI dependency sits in
one known place.  This script enforces it over engine/ lab/ web/ cli/ bench/
tests/ (C/C++ files only: .cpp .hpp .h .cc .inc):

 1. Third-party headers per layer, classified by NAME (quotes or brackets):
    Emscripten/SDL only in web/platform; GL (GLES3/ GLES2/ GL/ EGL/) only in
    web/platform and web/render; ImGui only in web/platform and web/ui.
 2. EM_JS, EM_ASM*, EMSCRIPTEN_KEEPALIVE only in web/platform (comments and
    string literals are ignored).
 3. Layer direction for project headers (resolved by file name, which must
    be unique): engine -> engine; lab -> engine, lab; web/render -> +render;
    web/ui -> +render, ui; web/platform -> anything; cli/bench/tests -> engine,
    lab and themselves.  Unresolved names are third-party/generated: allowed.
    One exception: tests may include a web/render or web/ui HEADER that is
    platform-free, i.e. could sit in lab/: it includes only standard headers
    (<...>, no third-party family) and engine or lab headers (the colour
    tables, which tests/test_theme_contrast.cpp checks natively).
 4. No include cycle between modules (foo.cpp + foo.hpp in one folder).
 5. No C/C++ file under web/ outside web/platform, web/render, web/ui.
    (Such a file is otherwise unchecked until it lands in a layer.)

Usage: check_layers.py [--root DIR] [--self-test]   exit 0 clean, 1 problems.
"""
import argparse, os, re, subprocess, sys, tempfile
from collections import defaultdict

EXTS = (".cpp", ".hpp", ".h", ".cc", ".inc")
TOP_DIRS = ("engine", "lab", "web", "cli", "bench", "tests")
ANY = None  # "may include anything"
DEPS = {"engine": {"engine"}, "lab": {"engine", "lab"},
        "web/render": {"engine", "lab", "web/render"},
        "web/ui": {"engine", "lab", "web/render", "web/ui"},
        "web/platform": ANY, "web": ANY,
        "cli": {"engine", "lab", "cli"}, "bench": {"engine", "lab", "bench"},
        "tests": {"engine", "lab", "tests"}}
FAMILY_HOME = {"Emscripten": {"web/platform"}, "SDL": {"web/platform"},
               "GL": {"web/platform", "web/render"},
               "ImGui": {"web/platform", "web/ui"}}
INCLUDE_RE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*([<"])([^">\n]+)[">]', re.M)
MACRO_RE = re.compile(r"\b(EM_JS|EM_JS_DEPS|EM_ASYNC_JS|EM_ASM\w*|EMSCRIPTEN_KEEPALIVE)\b")


def header_family(name):
    """Third-party family of an include path, or None."""
    base = name.rsplit("/", 1)[-1]
    if base in ("imgui.h", "imgui_internal.h") or re.fullmatch(r"(imgui_impl_|imstb_)\w*\.h", base):
        return "ImGui"
    if name == "emscripten.h" or name.startswith("emscripten/"):
        return "Emscripten"
    if base == "SDL.h" or re.fullmatch(r"SDL_\w*\.h", base) or name.startswith(("SDL2/", "SDL/")):
        return "SDL"
    if name.startswith(("GLES3/", "GLES2/", "GL/", "EGL/")):
        return "GL"
    return None


def layer_of(rel):
    parts = rel.split("/")
    if parts[0] == "web":
        return "web/" + parts[1] if len(parts) > 2 and parts[1] in ("platform", "render", "ui") else "web"
    return parts[0]


def strip_source(text):
    """Return (no_comments, code_only): comments blanked in both, string and
    char literal contents also blanked in code_only.  Newlines are kept."""
    nc, co, i, n = list(text), list(text), 0, len(text)
    def blank(a, b, both):
        for k in range(a, b):
            if text[k] != "\n":
                co[k] = " "
                if both:
                    nc[k] = " "
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = i
            while j < n and (text[j] != "\n" or text[j - 1] == "\\"):
                j += 1
            blank(i, j, True); i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2); j = n if j < 0 else j + 2
            blank(i, j, True); i = j
        elif c in "\"'":
            s = i
            while s > 0 and (text[s - 1].isalnum() or text[s - 1] == "_"):
                s -= 1
            prefix = text[s:i]
            if c == "'" and prefix[:1].isdigit():      # digit separator 1'000
                i += 1; continue
            if c == '"' and prefix in ("R", "u8R", "uR", "UR", "LR"):
                m = re.match(r'"([^()\\\s]{0,16})\(', text[i:])
                if m:
                    end = text.find(")" + m.group(1) + '"', i)
                    end = n if end < 0 else end + len(m.group(1)) + 2
                    blank(i + 1, end - 1, False); i = end; continue
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            blank(i + 1, min(j, n), False); i = j + 1
        else:
            i += 1
    return "".join(nc), "".join(co)


def module_of(rel):
    stem, ext = os.path.splitext(rel)
    return rel if ext == ".inc" else stem


PLATFORM_FREE_HOMES = {"web/render", "web/ui"}   # tests may include such headers from these


def platform_free(rel, includes, headers):
    """True when the header `rel` includes only standard headers and engine/lab headers."""
    if rel.endswith((".cpp", ".cc")) or layer_of(rel) not in PLATFORM_FREE_HOMES:
        return False
    for bracket, name in includes[rel]:
        if header_family(name):
            return False
        found = headers.get(name.rsplit("/", 1)[-1], [])
        if not found:
            if bracket == '"':
                return False            # generated or third-party: cannot be vouched for
            continue                    # <cmath>, <cstdint>, ...
        if len(found) != 1 or layer_of(found[0]) not in DEPS["lab"]:
            return False
    return True


def check(root):
    """Return (problems, stats).  Each problem is one 'file:line: what: why' line."""
    files = []
    for top in TOP_DIRS:
        for dirpath, dirnames, names in os.walk(os.path.join(root, top)):
            dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
            files += [os.path.relpath(os.path.join(dirpath, f), root).replace(os.sep, "/")
                      for f in sorted(names) if f.endswith(EXTS)]
    headers = defaultdict(list)           # file name -> project headers with that name
    for rel in files:
        if not rel.endswith((".cpp", ".cc")):
            headers[rel.rsplit("/", 1)[-1]].append(rel)
    sources, includes = {}, {}
    for rel in files:
        with open(os.path.join(root, rel), encoding="utf-8", errors="replace") as fh:
            sources[rel] = strip_source(fh.read())
        includes[rel] = [(m.group(1), m.group(2).strip()) for m in INCLUDE_RE.finditer(sources[rel][0])]
    problems, edges, unresolved = [], defaultdict(list), 0
    for rel in files:
        layer = layer_of(rel)
        if layer == "web":
            problems.append(f"{rel}:1: loose web file: C/C++ under web/ must live in "
                            "web/platform, web/render or web/ui")
        no_comments, code = sources[rel]
        loose = layer == "web"
        for m in INCLUDE_RE.finditer(no_comments):
            line = no_comments.count("\n", 0, m.start()) + 1
            where, name = f"{rel}:{line}", m.group(2).strip()
            fam = header_family(name)
            if fam:
                if not loose and layer not in FAMILY_HOME[fam]:
                    problems.append(f"{where}: forbidden header '{name}' ({fam}) in {layer}/: "
                                    f"{fam} headers are allowed only in {', '.join(sorted(FAMILY_HOME[fam]))}")
                continue
            found = headers.get(name.rsplit("/", 1)[-1], [])
            if not found:
                unresolved += m.group(1) == '"'
                continue
            if len(found) > 1:
                problems.append(f"{where}: ambiguous include '{name}': matches "
                                f"{', '.join(found)}; project header names must be unique")
                continue
            target = found[0]
            allowed, tlayer = DEPS.get(layer, set()), layer_of(target)
            if allowed is not ANY and tlayer not in allowed and not (
                    layer == "tests" and platform_free(target, includes, headers)):
                extra = (" (and web/render, web/ui headers that include only standard, engine and lab headers)"
                         if layer == "tests" else "")
                problems.append(f"{where}: layer violation: {layer}/ includes {target} ({tlayer}/); "
                                f"{layer}/ may include only {', '.join(sorted(allowed))}{extra}")
            a, b = module_of(rel), module_of(target)
            if a != b:
                edges[(a, b)].append(f"{where}")
        if layer != "web/platform" and not loose:
            for m in MACRO_RE.finditer(code):
                line = code.count("\n", 0, m.start()) + 1
                problems.append(f"{rel}:{line}: forbidden macro {m.group(1)} in {layer}/: "
                                "Emscripten macros are allowed only in web/platform")
    modules = {module_of(f) for f in files}
    problems += find_cycles(modules, edges)
    return problems, {"files": len(files), "modules": len(modules),
                      "edges": len(edges), "unresolved": unresolved}


def find_cycles(modules, edges):
    """Tarjan's SCC; report one shortest cycle per component of size > 1."""
    succ = defaultdict(set)
    for a, b in edges:
        succ[a].add(b)
    index, low, stack, on_stack, sccs = {}, {}, [], set(), []
    def visit(v):
        index[v] = low[v] = len(index); stack.append(v); on_stack.add(v)
        for w in sorted(succ[v]):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = set()
            while True:
                w = stack.pop(); on_stack.discard(w); comp.add(w)
                if w == v:
                    break
            sccs.append(comp)
    sys.setrecursionlimit(max(1000, 4 * len(modules) + 100))
    for v in sorted(modules):
        if v not in index:
            visit(v)
    out = []
    for comp in sorted((c for c in sccs if len(c) > 1), key=min):
        start = min(comp)
        prev, frontier = {}, [start]      # BFS inside the component back to start
        while start not in prev:
            nxt = []
            for v in frontier:
                for w in sorted(succ[v] & comp):
                    if w not in prev:
                        prev[w] = v; nxt.append(w)
            frontier = nxt
        path, v = [start], prev[start]
        while v != start:
            path.append(v); v = prev[v]
        path = [start] + path[:0:-1] + [start]
        locs = [edges[(path[k], path[k + 1])][0] for k in range(len(path) - 1)]
        extra = f" [component of {len(comp)}: {', '.join(sorted(comp))}]" if len(comp) > len(path) - 1 else ""
        out.append(f"{locs[0]}: include cycle {' -> '.join(path)} (edges: {', '.join(locs)}){extra}: "
                   "modules must form a DAG")
    return out


# ---------------------------------------------------------------- self-test
CLEAN = {
    "engine/net.hpp": "#pragma once\n#include <vector>\nint f(); // EM_ASM in a comment\n",
    "engine/net.cpp": '#include "net.hpp"\nint f() { return 1\'000; } const char* s = "EM_ASM";\n',
    "lab/model.hpp": '#pragma once\n#include "net.hpp"\n// #include "imgui.h"\n/* #include <emscripten.h> */\n',
    "lab/model.cpp": '#include "model.hpp"\nauto r = R"x(a " EMSCRIPTEN_KEEPALIVE)x"; char q = \'"\'; int EM_JSX;\n',
    "web/render/gl.hpp": '#pragma once\n#include <GLES3/gl3.h>\n#include "model.hpp"\n',
    "web/render/gl.cpp": '#include "gl.hpp"\n#include "shaders_embedded.hpp"\n',
    "web/ui/panel.cpp": '#include "imgui.h"\n#include "imgui_internal.h"\n#include "gl.hpp"\n',
    "web/platform/main.cpp": '#include <emscripten.h>\n#include <SDL.h>\n#include "imgui_impl_sdl.h"\n'
                             '#include "gl.hpp"\nEM_JS(void, f, (), {});\nEMSCRIPTEN_KEEPALIVE int g();\n',
    "web/ui/colors.hpp": '#pragma once\n#include <cstdint>\n#include "model.hpp"\n',
    "tests/t.cpp": '#include <doctest/doctest.h>\n#include "model.hpp"\n#include "colors.hpp"\n',
    "tests/browser/x.test.mjs": "EM_ASM(); // JS is not scanned\n",
}
BAD = {  # name: (files added to CLEAN, expected message fragment, expected problem count)
    "lab includes imgui.h": ({"lab/bad.cpp": '#include "imgui.h"\n'}, "lab/bad.cpp:1: forbidden header 'imgui.h' (ImGui)", 1),
    "engine includes SDL/GL": ({"engine/bad.cpp": "#include <SDL2/SDL.h>\n#include \"GLES3/gl3.h\"\n"}, "engine/bad.cpp:2: forbidden header 'GLES3/gl3.h' (GL)", 2),
    "render includes imgui": ({"web/render/bad.cpp": "#include <imgui.h>\n"}, "forbidden header 'imgui.h' (ImGui) in web/render/", 1),
    "ui uses KEEPALIVE": ({"web/ui/bad.cpp": "#warning don't\nEMSCRIPTEN_KEEPALIVE int h();\n"}, "web/ui/bad.cpp:2: forbidden macro EMSCRIPTEN_KEEPALIVE", 1),
    "lab uses EM_ASM_INT": ({"lab/bad.cpp": "int n = 1'000; int v = EM_ASM_INT({ return 1; });\n"}, "forbidden macro EM_ASM_INT", 1),
    "two-module cycle": ({"lab/a.hpp": "#pragma once\n", "lab/b.hpp": "#pragma once\n",
                          "lab/a.cpp": '#include "a.hpp"\n#include "b.hpp"\n', "lab/b.cpp": '#include "a.hpp"\n'},
                         "include cycle lab/a -> lab/b -> lab/a (edges: lab/a.cpp:2, lab/b.cpp:1)", 1),
    "lab header includes ui header": ({"web/ui/widgets.hpp": "#pragma once\n", "lab/bad.hpp": '#include "widgets.hpp"\n'},
                                      "lab/bad.hpp:1: layer violation: lab/ includes web/ui/widgets.hpp", 1),
    "engine includes lab": ({"engine/bad.cpp": '#include "model.hpp"\n'}, "layer violation: engine/ includes lab/model.hpp", 1),
    "render includes ui": ({"web/ui/w.hpp": "", "web/render/bad.cpp": '#include "w.hpp"\n'}, "web/render/ includes web/ui/w.hpp", 1),
    "tests include platform": ({"web/platform/host.hpp": "", "tests/bad.cpp": '#include "host.hpp"\n'}, "tests/ includes web/platform/host.hpp", 1),
    "tests include a ui header with imgui": ({"web/ui/w.hpp": '#include "imgui.h"\n', "tests/bad.cpp": '#include "w.hpp"\n'},
                                            "tests/bad.cpp:1: layer violation: tests/ includes web/ui/w.hpp", 1),
    "tests include a ui header with a render header": ({"web/ui/w.hpp": '#include "gl.hpp"\n', "tests/bad.cpp": '#include "w.hpp"\n'},
                                                      "tests/ includes web/ui/w.hpp", 1),
    "tests include a ui header with a generated one": ({"web/ui/w.hpp": '#include "fonts_embedded.hpp"\n', "tests/bad.cpp": '#include "w.hpp"\n'},
                                                      "tests/ includes web/ui/w.hpp", 1),
    "tests include a platform-free platform header": ({"web/platform/p.hpp": "#include <cstdint>\n", "tests/bad.cpp": '#include "p.hpp"\n'},
                                                      "tests/ includes web/platform/p.hpp", 1),
    "cli includes a platform-free ui header": ({"cli/bad.cpp": '#include "colors.hpp"\n'}, "cli/ includes web/ui/colors.hpp", 1),
    "loose web file": ({"web/x.cpp": "int x;\n"}, "web/x.cpp:1: loose web file", 1),
    "ambiguous name": ({"lab/net.hpp": "", "lab/bad.cpp": '#include "net.hpp"\n'}, "ambiguous include 'net.hpp'", 3),
}


def self_test():
    failures = []
    def build(tmp, extra):
        for rel, body in {**CLEAN, **extra}.items():
            os.makedirs(os.path.dirname(os.path.join(tmp, rel)), exist_ok=True)
            with open(os.path.join(tmp, rel), "w") as fh:
                fh.write(body)
    with tempfile.TemporaryDirectory() as tmp:
        build(tmp, {})
        problems, stats = check(tmp)
        if problems or stats["edges"] < 5 or stats["files"] != len(CLEAN) - 1:
            failures.append(f"clean tree: expected pass, got {stats} {problems}")
    for name, (extra, expect, count) in BAD.items():
        with tempfile.TemporaryDirectory() as tmp:
            build(tmp, extra)
            problems, _ = check(tmp)
            if not any(expect in p for p in problems) or len(problems) != count:
                failures.append(f"{name}: expected {count} problem(s) incl. {expect!r}, got {problems}")
    for extra, code in (({}, 0), (BAD["loose web file"][0], 1)):   # exit codes via the CLI
        with tempfile.TemporaryDirectory() as tmp:
            build(tmp, extra)
            rc = subprocess.run([sys.executable, __file__, "--root", tmp], capture_output=True).returncode
            if rc != code:
                failures.append(f"CLI exit code {rc}, expected {code}")
    for f in failures:
        print("SELF-TEST FAIL:", f)
    print(f"self-test: {len(BAD) + 3 - len(failures)}/{len(BAD) + 3} expectations hold")
    return 1 if failures else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
    ap.add_argument("--self-test", action="store_true", help="run the checker on built-in fixture trees")
    args = ap.parse_args()
    if args.self_test:
        return self_test()
    problems, s = check(os.path.abspath(args.root))
    for p in problems:
        print(p)
    if problems:
        print(f"check_layers: {len(problems)} problem(s) in {s['files']} files", file=sys.stderr)
        return 1
    print(f"check_layers: OK: {s['files']} files, {s['modules']} modules, {s['edges']} module edges, "
          f"{s['unresolved']} quoted includes outside the project (third-party/generated)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
