#version 300 es
precision highp float;
// Dear ImGui's vertices (web/imgui_renderer.cpp): position in canvas pixels, texture
// coordinate, and colour as four normalised bytes.
layout(location = 0) in vec2 position;
layout(location = 1) in vec2 uv;
layout(location = 2) in vec4 color;
// Pixels to clip space in one multiply-add: xy = scale, zw = offset (y flips: pixels grow down).
uniform vec4 pixel_to_clip;
out vec2 frag_uv;
out vec4 frag_color;

void main() {
    frag_uv = uv;
    frag_color = color;
    gl_Position = vec4(position * pixel_to_clip.xy + pixel_to_clip.zw, 0.0, 1.0);
}
