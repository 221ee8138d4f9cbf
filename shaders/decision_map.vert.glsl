#version 300 es
precision highp float;
// One triangle that covers the viewport (no vertex buffer: positions from gl_VertexID).
// map_uv runs 0..1 across the viewport; the fragment shader maps it onto the input square.
out vec2 map_uv;

void main() {
    vec2 corner = vec2(float((gl_VertexID << 1) & 2), float(gl_VertexID & 2));   // (0,0) (2,0) (0,2)
    map_uv = corner;
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
