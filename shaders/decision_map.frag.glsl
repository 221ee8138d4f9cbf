#version 300 es
precision highp float;
precision highp int;
precision highp sampler2D;
// The network's forward pass per pixel, for any shape the page shows (up to 4 hidden layers of
// 16 units), from the engine's current params. Stops at (stop_layer, stop_unit) for the
// per-neuron maps. Uniform names follow engine/network.hpp. The params texture (RGBA32F) holds
// one row per unit: texel k = that unit's incoming weights W[4k .. 4k+3][j] (zero padded),
// texel kBiasTexel = b[j]; each layer's rows are padded to a multiple of 4 with zero rows.
// web/map_renderer.cpp checks these sizes against its own at compile time.

const int kMaxLayers = 5;     // bpl::kMaxLayers (4 hidden + output)
const int kMaxVec = 4;        // kPageMaxHiddenUnits / 4 (web/app.hpp): 4 units per vec4
const int kBiasTexel = 4;     // = kMaxVec
const int kSigmoid = 0, kTanh = 1, kRelu = 2, kLeakyRelu = 3;   // bpl::Activation order; 4 = linear

uniform sampler2D params;             // RGBA32F, kBiasTexel + 1 texels wide, one row per unit
uniform int num_layers;               // L = hidden layers + 1
uniform int layer_fan_in[kMaxLayers];
uniform int layer_fan_out[kMaxLayers];
uniform int layer_row[kMaxLayers];    // texture row of unit 0 of layer l
uniform int activation;               // hidden layers
uniform int output_activation;
uniform float leaky_slope;            // bpl::kLeakySlope
uniform int stop_layer;               // the unit this map shows
uniform int stop_unit;
uniform vec4 input_box;               // x0 min, x1 min, x0 max, x1 max (the input square)

uniform int output_mode;              // 0: colour; 1: the unit's a as raw float bits (RGBA8)
uniform float value_center;           // a shown as neutral
uniform float value_scale;            // |a − center| shown at full colour
uniform int contour_on_z;             // 1: contour where z = contour_level, 0: where a = contour_level
uniform float contour_level;
uniform float contour_width;          // line half-width in rendered pixels (thinner when upscaled)
uniform vec3 negative_color;
uniform vec3 neutral_color;
uniform vec3 positive_color;
uniform vec3 contour_color;           // dark on the light theme's maps, light on the dark one's

in vec2 map_uv;
out vec4 frag_color;

// tanh through exp: one transcendental per call (software GL runs every branch).
float activate(int act, float z) {
    if (act == kSigmoid) return 1.0 / (1.0 + exp(-z));
    if (act == kTanh) return 1.0 - 2.0 / (exp(2.0 * z) + 1.0);
    if (act == kRelu) return max(z, 0.0);
    if (act == kLeakyRelu) return z > 0.0 ? z : leaky_slope * z;
    return z;
}

vec4 activate4(int act, vec4 z) {
    return vec4(activate(act, z.x), activate(act, z.y), activate(act, z.z), activate(act, z.w));
}

vec4 float_bits(float v) {
    uint bits = floatBitsToUint(v);
    return vec4(uvec4(bits, bits >> 8u, bits >> 16u, bits >> 24u) & 0xffu) / 255.0;
}

vec4 a_in[kMaxVec];                       // activations of the layer below, 4 units per vec4
vec4 a_out[kMaxVec];

// z of unit j of layer l from a_in.
float unit_z(int l, int j) {
    int row = layer_row[l] + j;
    float z = texelFetch(params, ivec2(kBiasTexel, row), 0).x;
    int chunks = (layer_fan_in[l] + 3) / 4;
    for (int k = 0; k < kMaxVec; ++k) {
        if (k >= chunks) break;
        z += dot(a_in[k], texelFetch(params, ivec2(k, row), 0));
    }
    return z;
}

void main() {
    vec2 x = mix(input_box.xy, input_box.zw, map_uv);
    a_in[0] = vec4(x, 0.0, 0.0);
    for (int l = 0; l < kMaxLayers; ++l) {
        if (l >= num_layers - 1 || l >= stop_layer) break;    // full layers below the shown unit
        int chunks = (layer_fan_out[l] + 3) / 4;
        for (int k = 0; k < kMaxVec; ++k) {
            if (k >= chunks) break;
            int j = 4 * k;
            vec4 z = vec4(unit_z(l, j), unit_z(l, j + 1), unit_z(l, j + 2), unit_z(l, j + 3));
            a_out[k] = activate4(activation, z);   // padding units have zero weights: harmless
        }
        for (int k = 0; k < kMaxVec; ++k) {
            if (k >= chunks) break;
            a_in[k] = a_out[k];
        }
    }
    float z_unit = unit_z(stop_layer, stop_unit);
    float a_unit = activate(stop_layer == num_layers - 1 ? output_activation : activation, z_unit);
    if (output_mode == 1) {
        frag_color = float_bits(a_unit);
        return;
    }
    float t = clamp((a_unit - value_center) / max(value_scale, 1e-20), -1.0, 1.0);
    vec3 color = t < 0.0 ? mix(neutral_color, negative_color, -t) : mix(neutral_color, positive_color, t);
    float field = (contour_on_z == 1 ? z_unit : a_unit) - contour_level;
    float pixel = max(fwidth(field), 1e-20);
    float line = 1.0 - smoothstep(contour_width - 0.5, contour_width + 0.5, abs(field) / pixel);
    color = mix(color, contour_color, 0.8 * line);
    frag_color = vec4(color, 1.0);
}
