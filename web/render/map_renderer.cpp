// GL side of the decision maps (see map_renderer.hpp): one shader program (shaders/
// decision_map.*.glsl) evaluating the network per pixel from an RGBA32F texture of its params.
#include "map_renderer.hpp"
#include <GLES3/gl3.h>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>
#include "gl_program.hpp"
#include "net_probe.hpp"
#include "session.hpp"
#include "shaders_embedded.hpp"
#include "palette.hpp"

namespace {

// Sized for the largest net the page shows (kPageMaxHiddenUnits per layer; the engine allows
// more), like the shader's arrays: the check below keeps the two in step.
constexpr int kMaxUnits = kPageMaxHiddenUnits;
constexpr int kChunks = kMaxUnits / 4;      // RGBA texels of incoming weights per unit
constexpr int kParamsWidth = kChunks + 1;   // + the bias texel (see decision_map.frag.glsl)
constexpr int kMaxOutputPx = 512;
constexpr int kMaxTilePx = 96;
constexpr int kAtlasCols = 16;   // tiles: layer l, unit j at index l * kMaxUnits + j
constexpr int kAtlasRows = (bpl::kMaxHiddenLayers * kMaxUnits + kAtlasCols - 1) / kAtlasCols;

// The value of `const int <name> = <digits>;` in GLSL source, at compile time (-1 if absent).
constexpr int glsl_int_constant(const char* source, const char* name) {
    for (const char* p = source; *p; ++p) {
        const char* prefix = "const int ";
        const char* q = p;
        while (*prefix && *q == *prefix) ++q, ++prefix;
        if (*prefix) continue;
        const char* n = name;
        while (*n && *q == *n) ++q, ++n;
        if (*n || *q != ' ') continue;
        while (*q == ' ' || *q == '=') ++q;
        int value = 0;
        for (; *q >= '0' && *q <= '9'; ++q) value = value * 10 + (*q - '0');
        return value;
    }
    return -1;
}
static_assert(kPageMaxHiddenUnits % 4 == 0, "units are packed four to a texel");
static_assert(glsl_int_constant(bpl_shaders::decision_map_frag_glsl, "kMaxVec") == kChunks &&
                  glsl_int_constant(bpl_shaders::decision_map_frag_glsl, "kBiasTexel") == kChunks &&
                  glsl_int_constant(bpl_shaders::decision_map_frag_glsl, "kMaxLayers") == bpl::kMaxLayers,
              "shaders/decision_map.frag.glsl must be sized for kPageMaxHiddenUnits units and bpl::kMaxLayers layers");

struct Target {
    GLuint texture = 0, fbo = 0;
    int width = 0, height = 0;
};

struct Uniforms {
    GLint params, num_layers, layer_fan_in, layer_fan_out, layer_row;
    GLint activation, output_activation, leaky_slope, stop_layer, stop_unit, input_box;
    GLint output_mode, value_center, value_scale, contour_on_z, contour_level, contour_width;
    GLint negative_color, neutral_color, positive_color, contour_color;
};

struct Renderer {
    bool available = false;
    std::string status = "maps not initialised";
    GLuint program = 0, vao = 0, params_texture = 0;
    int params_rows = 0;
    Uniforms u{};
    Target output, atlas;
    std::vector<float> staged, drawn;   // packed params (RGBA rows): this call's and the drawn ones
    bpl::Config drawn_config;
    int drawn_output_px = 0, drawn_tile_px = 0;
    viz::Palette palette = viz::kLightPalette;      // the theme's colours, as last drawn
    double peak[bpl::kMaxLayers][kMaxUnits] = {};   // max |a| per hidden unit over the square
    float contour_width = 1.0f;                     // rendered px; see map_renderer_update
} r;

// GL state after a map pass. Nothing is read back with glGet*: in WebGL each such query is a
// synchronous round trip to the GPU process (~50-80 ms per call under software GL, measured),
// so the pass leaves the defaults that the ImGui renderer and main.cpp rely on instead (both
// set every piece of state they draw with).
void leave_default_gl_state() {
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glUseProgram(0);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glPixelStorei(GL_PACK_ALIGNMENT, 4);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
}

bool link_program() {
    r.program = gl_program_build({bpl_shaders::decision_map_vert_glsl, "decision_map.vert.glsl"},
                                 {bpl_shaders::decision_map_frag_glsl, "decision_map.frag.glsl"}, r.status);
    return r.program != 0;
}

void find_uniforms() {
    auto at = [](const char* name) { return glGetUniformLocation(r.program, name); };
    r.u = Uniforms{at("params"),        at("num_layers"),     at("layer_fan_in"),      at("layer_fan_out"),
                   at("layer_row"),     at("activation"),     at("output_activation"), at("leaky_slope"),
                   at("stop_layer"),    at("stop_unit"),      at("input_box"),         at("output_mode"),
                   at("value_center"),  at("value_scale"),    at("contour_on_z"),      at("contour_level"),
                   at("contour_width"), at("negative_color"), at("neutral_color"),     at("positive_color"),
                   at("contour_color")};
}

// RGBA8 colour target with its framebuffer; false when the framebuffer is incomplete.
bool make_target(Target& t, int width, int height) {
    if (t.texture && t.width == width && t.height == height) return true;
    if (!t.texture) glGenTextures(1, &t.texture);
    if (!t.fbo) glGenFramebuffers(1, &t.fbo);
    glBindTexture(GL_TEXTURE_2D, t.texture);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glBindFramebuffer(GL_FRAMEBUFFER, t.fbo);
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.texture, 0);
    t.width = width;
    t.height = height;
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE) return true;
    r.status = "map framebuffer incomplete";
    std::fprintf(stderr, "map renderer: %s\n", r.status.c_str());
    return false;
}

void free_target(Target& t) {
    if (t.fbo) glDeleteFramebuffers(1, &t.fbo);
    if (t.texture) glDeleteTextures(1, &t.texture);
    t = Target{};
}

int padded_units(int units) { return (units + 3) / 4 * 4; }

// Whether every layer fits the params texture and the shader's arrays (the page never builds a
// wider net; a wider one is not drawn rather than drawn wrong).
bool fits(const bpl::Network& net) {
    for (int l = 0; l < net.num_layers; ++l)
        if (net.layers[l].fan_in > kMaxUnits || net.layers[l].fan_out > kMaxUnits) return false;
    return net.num_layers > 0;
}

// Texture row of unit 0 of each layer: every layer padded to a multiple of 4 rows.
void layer_rows(const bpl::Network& net, int (&rows)[bpl::kMaxLayers]) {
    int row = 0;
    for (int l = 0; l < net.num_layers; ++l) {
        rows[l] = row;
        row += padded_units(net.layers[l].fan_out);
    }
}

// Params re-packed for the shader: one RGBA row per unit j of layer l holding W[i][j] for
// i = 0..fan_in-1 (four per texel, zero padded), then b[j] in the last texel.
void stage_params(const bpl::Network& net) {
    int rows[bpl::kMaxLayers] = {};
    layer_rows(net, rows);
    int height = rows[net.num_layers - 1] + padded_units(net.layers[net.num_layers - 1].fan_out);
    r.staged.assign(static_cast<size_t>(height) * kParamsWidth * 4, 0.0f);
    for (int l = 0; l < net.num_layers; ++l) {
        const bpl::LayerShape& shape = net.layers[l];
        const double* W = bpl::layer_W(net, l);
        for (int j = 0; j < shape.fan_out; ++j) {
            float* row = &r.staged[static_cast<size_t>(rows[l] + j) * kParamsWidth * 4];
            for (int i = 0; i < shape.fan_in; ++i) row[i] = static_cast<float>(W[i * shape.fan_out + j]);
            row[kChunks * 4] = static_cast<float>(bpl::layer_b(net, l)[j]);
        }
    }
}

void upload_params() {
    int rows = static_cast<int>(r.staged.size() / (kParamsWidth * 4));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, r.params_texture);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    if (rows != r.params_rows)
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA32F, kParamsWidth, rows, 0, GL_RGBA, GL_FLOAT, r.staged.data());
    else glTexSubImage2D(GL_TEXTURE_2D, 0, 0, 0, kParamsWidth, rows, GL_RGBA, GL_FLOAT, r.staged.data());
    r.params_rows = rows;
}

// Shape, activations and palette: the uniforms shared by every map of one update.
void set_network_uniforms(const bpl::Network& net) {
    GLint fan_in[bpl::kMaxLayers] = {}, fan_out[bpl::kMaxLayers] = {}, rows[bpl::kMaxLayers] = {};
    layer_rows(net, rows);
    for (int l = 0; l < net.num_layers; ++l) {
        fan_in[l] = net.layers[l].fan_in;
        fan_out[l] = net.layers[l].fan_out;
    }
    glUseProgram(r.program);
    glUniform1i(r.u.params, 0);
    glUniform1i(r.u.num_layers, net.num_layers);
    glUniform1iv(r.u.layer_fan_in, bpl::kMaxLayers, fan_in);
    glUniform1iv(r.u.layer_fan_out, bpl::kMaxLayers, fan_out);
    glUniform1iv(r.u.layer_row, bpl::kMaxLayers, rows);
    glUniform1i(r.u.activation, static_cast<int>(net.config.activation));
    glUniform1i(r.u.output_activation, static_cast<int>(net.config.output_activation));
    glUniform1f(r.u.leaky_slope, static_cast<float>(bpl::kLeakySlope));
    const MapBox box = map_box(net);
    glUniform4f(r.u.input_box, float(box.lo), float(box.lo), float(box.hi), float(box.hi));
    auto colour = [](GLint at, const viz::Rgb& c) { glUniform3f(at, c.r, c.g, c.b); };
    colour(r.u.negative_color, r.palette.negative);
    colour(r.u.neutral_color, r.palette.neutral);
    colour(r.u.positive_color, r.palette.positive);
    colour(r.u.contour_color, r.palette.contour);
    glBindVertexArray(r.vao);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, r.params_texture);
    glDisable(GL_BLEND);
    glDisable(GL_SCISSOR_TEST);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
}

// One unit's map into the bound framebuffer's viewport. Hidden units: contour at z = 0, the
// line the unit draws; the output: contour at ŷ = 0.5, the decision boundary.
void draw_unit(int layer, int unit, bool output, const viz::ValueScale& scale, int mode) {
    glUniform1i(r.u.stop_layer, layer);
    glUniform1i(r.u.stop_unit, unit);
    glUniform1i(r.u.output_mode, mode);
    glUniform1f(r.u.value_center, static_cast<float>(scale.center));
    glUniform1f(r.u.value_scale, static_cast<float>(scale.scale));
    glUniform1i(r.u.contour_on_z, output ? 0 : 1);
    glUniform1f(r.u.contour_level, output ? 0.5f : 0.0f);
    glUniform1f(r.u.contour_width, r.contour_width);
    glDrawArrays(GL_TRIANGLES, 0, 3);
}

// Largest |a| of each hidden unit over a coarse grid of the square (for unbounded activations).
void hidden_max_abs(const bpl::Network& net, double (&max_abs)[bpl::kMaxLayers][kMaxUnits]) {
    std::memset(max_abs, 0, sizeof max_abs);
    constexpr int kGrid = 9;
    NetProbe probe;
    const MapBox box = map_box(net);
    for (int gy = 0; gy < kGrid; ++gy)
        for (int gx = 0; gx < kGrid; ++gx) {
            double x0 = box.lo + (box.hi - box.lo) * gx / (kGrid - 1);
            double x1 = box.lo + (box.hi - box.lo) * gy / (kGrid - 1);
            net_probe_forward(net, x0, x1, probe);
            for (int l = 0; l + 1 < net.num_layers; ++l)
                for (int j = 0; j < net.layers[l].fan_out; ++j)
                    max_abs[l][j] = std::max(max_abs[l][j], std::fabs(probe.a[l][j]));
        }
}

void draw_atlas(const bpl::Network& net, int tile_px) {
    double(&max_abs)[bpl::kMaxLayers][kMaxUnits] = r.peak;
    bool bounded = net.config.activation == bpl::Activation::sigmoid || net.config.activation == bpl::Activation::tanh;
    hidden_max_abs(net, max_abs);
    glBindFramebuffer(GL_FRAMEBUFFER, r.atlas.fbo);
    for (int l = 0; l + 1 < net.num_layers; ++l)
        for (int j = 0; j < net.layers[l].fan_out; ++j) {
            int index = l * kMaxUnits + j;
            glViewport((index % kAtlasCols) * tile_px, (index / kAtlasCols) * tile_px, tile_px, tile_px);
            draw_unit(l, j, false, viz::activation_scale(net.config.activation, bounded ? 1.0 : max_abs[l][j]), 0);
        }
}

}   // namespace

bool map_renderer_init() {
    map_renderer_shutdown();
    for (int i = 0; i < 32 && glGetError() != GL_NO_ERROR; ++i) {}   // earlier errors are not ours
    r.available = link_program();
    if (r.available) {
        find_uniforms();
        glGenVertexArrays(1, &r.vao);
        glGenTextures(1, &r.params_texture);
        glBindTexture(GL_TEXTURE_2D, r.params_texture);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
        r.available = make_target(r.output, kMaxOutputPx, kMaxOutputPx) &&
                      make_target(r.atlas, kAtlasCols * kMaxTilePx, kAtlasRows * kMaxTilePx);
    }
    GLenum error = glGetError();
    if (r.available && error != GL_NO_ERROR) {
        r.available = false;
        r.status = "map renderer: GL error " + std::to_string(error) + " during set-up";
        std::fprintf(stderr, "%s\n", r.status.c_str());
    }
    if (r.available) r.status = "";
    leave_default_gl_state();
    return r.available;
}

void map_renderer_shutdown() {
    if (r.program) glDeleteProgram(r.program);
    if (r.vao) glDeleteVertexArrays(1, &r.vao);
    if (r.params_texture) glDeleteTextures(1, &r.params_texture);
    free_target(r.output);
    free_target(r.atlas);
    r = Renderer{};
}

bool map_renderer_available() { return r.available; }
const char* map_renderer_status() { return r.status.c_str(); }

bool map_renderer_update(const bpl::Network& net, const viz::Palette& palette, int output_px, int tile_px,
                         float detail) {
    if (!r.available || !fits(net)) return false;
    output_px = std::clamp(output_px, 16, kMaxOutputPx);
    tile_px = std::clamp(tile_px, 8, kMaxTilePx);
    stage_params(net);
    bool params_changed = r.staged != r.drawn || net.config != r.drawn_config;
    bool palette_changed = !(palette == r.palette);
    if (!params_changed && !palette_changed && output_px == r.drawn_output_px && tile_px == r.drawn_tile_px)
        return false;
    r.palette = palette;
    // Targets are allocated once at their largest size; maps use their lower-left corner.
    bool ok = make_target(r.output, kMaxOutputPx, kMaxOutputPx) &&
              make_target(r.atlas, kAtlasCols * kMaxTilePx, kAtlasRows * kMaxTilePx);
    if (ok) {
        r.contour_width = std::clamp(detail, 0.35f, 1.0f);
        upload_params();
        set_network_uniforms(net);
        glBindFramebuffer(GL_FRAMEBUFFER, r.output.fbo);
        glViewport(0, 0, output_px, output_px);
        draw_unit(net.num_layers - 1, 0, true, viz::kOutputScale, 0);
        draw_atlas(net, tile_px);
        r.drawn.swap(r.staged);
        r.drawn_config = net.config;
        r.drawn_output_px = output_px;
        r.drawn_tile_px = tile_px;
    } else {
        r.available = false;
    }
    leave_default_gl_state();
    return params_changed;
}

MapImage map_renderer_output() {
    if (!r.available || !r.output.texture) return {};
    float used = static_cast<float>(r.drawn_output_px) / static_cast<float>(r.output.width);
    return {r.output.texture, 0, used, used, 0};
}

double map_renderer_unit_peak(int layer, int unit) {
    return layer >= 0 && layer < bpl::kMaxLayers && unit >= 0 && unit < kMaxUnits ? r.peak[layer][unit] : 0.0;
}

MapImage map_renderer_neuron(int layer, int unit) {
    if (!r.available || !r.atlas.texture || r.drawn_tile_px == 0 || unit < 0 || unit >= kMaxUnits) return {};
    int index = layer * kMaxUnits + unit;
    float w = static_cast<float>(r.atlas.width), h = static_cast<float>(r.atlas.height);
    float x0 = static_cast<float>((index % kAtlasCols) * r.drawn_tile_px);
    float y0 = static_cast<float>((index / kAtlasCols) * r.drawn_tile_px);
    float side = static_cast<float>(r.drawn_tile_px);
    return {r.atlas.texture, x0 / w, (y0 + side) / h, (x0 + side) / w, y0 / h};
}

double map_renderer_check(const bpl::Network& net, int size) {
    if (!r.available || !fits(net)) return -1.0;
    size = std::clamp(size, 2, 256);
    Target check;
    double worst = -1.0;
    if (make_target(check, size, size)) {
        stage_params(net);
        upload_params();
        r.drawn.clear();   // the params texture changed: redraw next update
        set_network_uniforms(net);
        glBindFramebuffer(GL_FRAMEBUFFER, check.fbo);
        glViewport(0, 0, size, size);
        glPixelStorei(GL_PACK_ALIGNMENT, 4);
        std::vector<unsigned char> pixels(static_cast<size_t>(size) * size * 4);
        NetProbe probe;
        const MapBox box = map_box(net);
        worst = 0.0;
        for (int l = 0; l < net.num_layers; ++l)
            for (int j = 0; j < net.layers[l].fan_out; ++j) {
                draw_unit(l, j, l == net.num_layers - 1, viz::kOutputScale, 1);
                glReadPixels(0, 0, size, size, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
                for (int py = 0; py < size; ++py)
                    for (int px = 0; px < size; ++px) {
                        const unsigned char* p = &pixels[(static_cast<size_t>(py) * size + px) * 4];
                        uint32_t bits = p[0] | (p[1] << 8) | (p[2] << 16) | (static_cast<uint32_t>(p[3]) << 24);
                        float shader;
                        std::memcpy(&shader, &bits, sizeof shader);
                        double x0 = box.lo + (box.hi - box.lo) * (px + 0.5) / size;
                        double x1 = box.lo + (box.hi - box.lo) * (py + 0.5) / size;
                        double cpu = 0.0;
                        if (l == net.num_layers - 1) {
                            cpu = bpl::network_eval(net, x0, x1);
                        } else {
                            net_probe_forward(net, x0, x1, probe);
                            cpu = probe.a[l][j];
                        }
                        worst = std::max(worst,
                                         std::fabs(static_cast<double>(shader) - cpu) / std::max(1.0, std::fabs(cpu)));
                    }
            }
    }
    free_target(check);
    leave_default_gl_state();
    return worst;
}
