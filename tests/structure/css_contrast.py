#!/usr/bin/env python3
"""Colour check of the page shell's stylesheet (site/style.css), both themes (stdlib only).

The loader, the error screens and the copy dialog are HTML, styled by custom properties: the
light theme's on :root, the dark theme's twice (for data-theme="dark", and inside the
prefers-color-scheme: dark query for auto). This checks that
 1. both dark blocks are identical and every theme defines the same properties;
 2. every text colour the stylesheet uses is a property listed in PAIRS (no literal colours
    outside the theme blocks), so a new text colour cannot skip the check;
 3. each pair of PAIRS reads at WCAG 2.1 AA (4.5:1) in both themes;
 4. properties named like a field of the canvas's table (web/ui/theme_colors.hpp: --page-bg is
    page_bg) hold the same colour, so nothing changes colour when the canvas replaces the loader.

Usage: css_contrast.py STYLE_CSS THEME_COLORS_HPP [--self-test]   exit 0 clean, 1 problems.
"""
import re, sys

# (text property, background property, where the stylesheet draws it)
PAIRS = [
    ("text", "page-bg", "page, loader and error headings"),
    ("text-dim", "page-bg", "tagline, loader status, error detail"),
    ("bad-text", "page-bg", "error heading"),
    ("text", "panel-bg", "copy dialog"),
    ("on-accent", "accent", "copy dialog's Close button, the controls' pressed buttons"),
    ("text", "field-bg", "the keyboard controls' fields and buttons (a11y.js)"),
    ("text-dim", "panel-bg", "the keyboard controls' units and help"),
]
AA = 4.5

BLOCK_RE = re.compile(r"([^{}]+)\{([^{}]*)\}")
PROP_RE = re.compile(r"--([a-z0-9-]+)\s*:\s*([^;]+);")
HEX_RE = re.compile(r"^#([0-9a-fA-F]{6})$")


def strip_comments(css):
    return re.sub(r"/\*.*?\*/", "", css, flags=re.S)


def theme_blocks(css):
    """{'light': {...}, 'dark': {...}, 'dark (auto)': {...}} of custom properties."""
    css = strip_comments(css)
    blocks = {}
    media = re.search(r"@media\s*\(\s*prefers-color-scheme\s*:\s*dark\s*\)\s*\{((?:[^{}]*\{[^{}]*\})*)\s*\}", css)
    if media:
        for sel, body in BLOCK_RE.findall(media.group(1)):
            if sel.strip() == ':root:not([data-theme="light"])':
                blocks["dark (auto)"] = dict(PROP_RE.findall(body))
        css = css[:media.start()] + css[media.end():]
    for sel, body in BLOCK_RE.findall(css):
        sel = sel.strip()
        if sel == ":root":
            blocks["light"] = dict(PROP_RE.findall(body))
        elif sel == ':root[data-theme="dark"]':
            blocks["dark"] = dict(PROP_RE.findall(body))
    return blocks, css


def rgb_of(value):
    m = HEX_RE.match(value.strip())
    if not m:
        return None
    h = m.group(1)
    return tuple(int(h[i:i + 2], 16) for i in (0, 2, 4))


def luminance(rgb):
    def lin(c8):
        c = c8 / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def cpp_tables(header):
    """{'light': {field: (r, g, b)}, 'dark': {...}} from the rows {&Colors::field, rgb(light), rgb(dark)}."""
    out = {"light": {}, "dark": {}}
    rgb = r"rgb\((\d+),\s*(\d+),\s*(\d+)(?:,\s*\d+)?\)"
    for m in re.finditer(r"\{&Colors::(\w+),\s*" + rgb + r",\s*" + rgb + r"\}", header):
        values = tuple(map(int, m.groups()[1:]))
        out["light"][m.group(1)], out["dark"][m.group(1)] = values[:3], values[3:]
    return out


def check(css, header):
    problems = []
    blocks, rest = theme_blocks(css)
    for name in ("light", "dark", "dark (auto)"):
        if name not in blocks:
            problems.append(f"style.css: no {name} theme block")
    if problems:
        return problems
    if blocks["dark"] != blocks["dark (auto)"]:
        problems.append("style.css: the dark block and the prefers-color-scheme: dark block differ: "
                        f"{sorted(set(blocks['dark'].items()) ^ set(blocks['dark (auto)'].items()))}")
    if set(blocks["light"]) != set(blocks["dark"]):
        problems.append(f"style.css: light and dark define different properties: "
                        f"{sorted(set(blocks['light']) ^ set(blocks['dark']))}")
    text_props = {t for t, _, _ in PAIRS}
    for decl in re.findall(r"(?<![-\w])color\s*:\s*([^;}]+)", rest):
        m = re.fullmatch(r"var\(--([a-z0-9-]+)\)", decl.strip())
        if not m:
            problems.append(f"style.css: text colour '{decl.strip()}' is not a theme property: use var(--...)")
        elif m.group(1) not in text_props:
            problems.append(f"style.css: text colour --{m.group(1)} has no pair in css_contrast.py's PAIRS")
    for theme in ("light", "dark"):
        props = blocks[theme]
        for text, bg, where in PAIRS:
            a, b = rgb_of(props.get(text, "")), rgb_of(props.get(bg, ""))
            if not a or not b:
                problems.append(f"style.css ({theme}): --{text} or --{bg} is not a #rrggbb colour")
                continue
            ratio = contrast(a, b)
            if ratio < AA:
                problems.append(f"style.css ({theme}): {where}: --{text} {props[text]} on --{bg} {props[bg]} "
                                f"is {ratio:.2f}:1, below {AA}:1")
    tables = cpp_tables(header)
    for theme in ("light", "dark"):
        if not tables[theme]:
            problems.append(f"theme_colors.hpp: no {theme} colours found in its rows")
            continue
        for prop, value in blocks[theme].items():
            field = prop.replace("-", "_")
            rgb = rgb_of(value)
            if field in tables[theme] and rgb and rgb != tables[theme][field]:
                problems.append(f"style.css ({theme}): --{prop} {value} differs from the canvas's {field} "
                                f"rgb{tables[theme][field]} (web/ui/theme_colors.hpp)")
    return problems


# ---------------------------------------------------------------- self-test
GOOD_CSS = """/* x */
:root { --page-bg: #ffffff; --panel-bg: #ffffff; --text: #000000; --text-dim: #595959; --bad-text: #b44400;
  --accent: #0072b2; --on-accent: #ffffff; --field-bg: #ffffff; }
:root[data-theme="dark"] { --page-bg: #000000; --panel-bg: #111111; --text: #ffffff; --text-dim: #aaaaaa;
  --bad-text: #ff9660; --accent: #56b4e9; --on-accent: #000000; --field-bg: #000000; }
@media (prefers-color-scheme: dark) {
  :root:not([data-theme="light"]) { --page-bg: #000000; --panel-bg: #111111; --text: #ffffff; --text-dim: #aaaaaa;
  --bad-text: #ff9660; --accent: #56b4e9; --on-accent: #000000; --field-bg: #000000; }
}
body { color: var(--text); background: var(--page-bg); }
.tagline { color: var(--text-dim); }
"""
GOOD_HPP = """constexpr Row kRows[] = {
    {&Colors::page_bg, rgb(255, 255, 255), rgb(0, 0, 0)},
    {&Colors::text, rgb(0, 0, 0, 255), rgb(255, 255, 255)},   // a comment
};
"""
BAD = {
    "dark blocks differ": (GOOD_CSS.replace("--panel-bg: #111111; --text: #ffffff; --text-dim: #aaaaaa;\n  --bad",
                                            "--panel-bg: #111111; --text: #eeeeee; --text-dim: #aaaaaa;\n  --bad", 1),
                           GOOD_HPP, "differ"),
    "low contrast": (GOOD_CSS.replace("--text-dim: #595959", "--text-dim: #999999"), GOOD_HPP, "--text-dim #999999"),
    "literal text colour": (GOOD_CSS + "h1 { color: #b24a00; }\n", GOOD_HPP, "'#b24a00' is not a theme property"),
    "text colour without a pair": (GOOD_CSS + "h1 { color: var(--accent); }\n", GOOD_HPP, "--accent has no pair"),
    "page differs from the canvas": (GOOD_CSS, GOOD_HPP.replace("rgb(0, 0, 0)}", "rgb(1, 2, 3)}"),
                                     "--page-bg #000000 differs"),
    "no auto block": (GOOD_CSS[:GOOD_CSS.index("@media")] + GOOD_CSS[GOOD_CSS.index("body"):], GOOD_HPP,
                      "no dark (auto) theme block"),
}


def self_test():
    failures = []
    if check(GOOD_CSS, GOOD_HPP):
        failures.append(f"clean: {check(GOOD_CSS, GOOD_HPP)}")
    for name, (css, hpp, expect) in BAD.items():
        problems = check(css, hpp)
        if not any(expect in p for p in problems):
            failures.append(f"{name}: expected a problem with {expect!r}, got {problems}")
    for f in failures:
        print("SELF-TEST FAIL:", f)
    print(f"self-test: {len(BAD) + 1 - len(failures)}/{len(BAD) + 1} expectations hold")
    return 1 if failures else 0


def main():
    if "--self-test" in sys.argv:
        return self_test()
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    with open(sys.argv[1], encoding="utf-8") as fh:
        css = fh.read()
    with open(sys.argv[2], encoding="utf-8") as fh:
        header = fh.read()
    problems = check(css, header)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"css_contrast: OK: {len(PAIRS)} text/background pairs at {AA}:1 or more in both themes; "
          "dark blocks identical; shared colours equal to the canvas's")
    return 0


if __name__ == "__main__":
    sys.exit(main())
