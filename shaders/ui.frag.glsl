#version 300 es
precision mediump float;
// Text, shapes and images alike: the vertex colour times the bound texture (the font atlas,
// whose white texel draws plain shapes, or a decision map).
uniform sampler2D image;
in vec2 frag_uv;
in vec4 frag_color;
out vec4 out_color;

void main() {
    out_color = frag_color * texture(image, frag_uv);
}
