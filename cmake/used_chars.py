#!/usr/bin/python3
"""Prints, sorted and without separators, every non-ASCII character that occurs in the given
UTF-8 source files and falls inside RANGES, inclusive bounds in pairs ("0x00A0,0x017F,0x2202,0x2202",
the form of ImGui's glyph ranges; a trailing comma or 0 is ignored). cmake/page.cmake
feeds the result to pyftsubset --text-file, so the embedded fonts hold only glyphs the page's
text can ask for (ASCII is always added there).

With --out FILE it writes FILE instead, and only when its content changes, so a build step
that runs on every source edit remakes the subsets only when the characters change."""
import sys


def main(argv):
    out = None
    if len(argv) > 2 and argv[1] == "--out":
        out, argv = argv[2], argv[:1] + argv[3:]
    bounds = [int(x, 16) for x in argv[1].split(",") if x.strip() not in ("", "0")]
    ranges = list(zip(bounds[0::2], bounds[1::2]))
    used = set()
    for path in argv[2:]:
        with open(path, encoding="utf-8") as f:
            used.update(c for c in f.read() if ord(c) > 0x7E)
    text = "".join(sorted(c for c in used if any(lo <= ord(c) <= hi for lo, hi in ranges)))
    if out is None:
        sys.stdout.write(text)
        return
    try:
        with open(out, encoding="utf-8") as f:
            if f.read() == text:
                return
    except FileNotFoundError:
        pass
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main(sys.argv)
