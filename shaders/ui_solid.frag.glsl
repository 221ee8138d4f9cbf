#version 300 es
precision mediump float;
// Large plain shapes (panel and plot backgrounds) without a texture fetch: under software GL a
// texture sample costs about as much as the rest of a fragment's work together (measured), and
// these shapes cover most of the canvas. See web/imgui_renderer.cpp.
in vec2 frag_uv;
in vec4 frag_color;
out vec4 out_color;

void main() {
    out_color = frag_color;
}
