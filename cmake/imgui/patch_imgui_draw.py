#!/usr/bin/python3
"""Writes a copy of Dear ImGui 1.86's imgui_draw.cpp whose ImFontAtlas::AddFontDefault() adds no
font, so ProggyClean (its compressed TTF data, the base85 and stb decoders) is not linked: the
page brings its own fonts (web/ui/ui_theme.cpp) and never shows ImGui's.
Usage: patch_imgui_draw.py <imgui_draw.cpp of the source package> <output file>.
Stops with a message when the source does not read as expected, rather than building something
else; the output is written only when its content changes."""
import os
import re
import sys

# The whole definition, from its signature to the first closing brace at the start of a line.
DEFINITION = re.compile(r"^ImFont\* ImFontAtlas::AddFontDefault\(const ImFontConfig\* font_cfg_template\)\n\{\n.*?^\}\n",
                        re.MULTILINE | re.DOTALL)
REPLACEMENT = """ImFont* ImFontAtlas::AddFontDefault(const ImFontConfig* font_cfg_template)
{
    // Backprop Lab's build: no built-in font (patched by cmake/imgui/patch_imgui_draw.py).
    IM_UNUSED(font_cfg_template);
    IM_ASSERT(0 && "AddFontDefault(): this build of Dear ImGui has no built-in font, add one first");
    return NULL;
}
"""


def main(source, output):
    if os.path.exists(output) and os.path.samefile(source, output):
        sys.exit(f"patch_imgui_draw.py: the output {output} is the source: the source package stays as shipped")
    with open(source, encoding="utf-8") as f:
        text = f.read()
    found = DEFINITION.findall(text)
    if len(found) != 1:
        sys.exit(f"patch_imgui_draw.py: expected one definition of ImFontAtlas::AddFontDefault() in {source}, "
                 f"found {len(found)}: is this Dear ImGui 1.86?")
    if "GetDefaultCompressedFontDataTTFBase85()" not in found[0]:
        sys.exit(f"patch_imgui_draw.py: AddFontDefault() in {source} does not decode ProggyClean: "
                 "already patched, or not Dear ImGui 1.86?")
    patched = DEFINITION.sub(lambda _: REPLACEMENT, text)
    if os.path.exists(output):
        with open(output, encoding="utf-8") as f:
            if f.read() == patched:
                return 0
    os.makedirs(os.path.dirname(os.path.abspath(output)), exist_ok=True)
    with open(output + ".tmp", "w", encoding="utf-8") as f:
        f.write(patched)
    os.replace(output + ".tmp", output)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
