// See imgui_renderer.hpp. One frame = one upload of all vertices and all indices, then
// glDrawElements per ImDrawCmd with its clip rectangle as the scissor box. ImGui draws plain
// shapes from the font atlas's white texel; large runs of them (panel and plot backgrounds,
// most of the canvas) are drawn with a program that skips the texture fetch, the costliest part
// of a fragment under software GL. Order is kept: a command is cut into consecutive runs.
#include "imgui_renderer.hpp"
#include <GLES3/gl3.h>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>
#include "gl_program.hpp"
#include "shaders_embedded.hpp"

namespace {

// A plain run is drawn on its own only when it covers at least this many square pixels: smaller
// ones stay in the textured draw around them, so a frame gains a few draws, not hundreds.
constexpr float kPlainRunMinArea = 16384.0f;

struct Program {
    GLuint name = 0;
    GLint pixel_to_clip = -1;
};

struct Renderer {
    Program textured, plain;
    GLuint vao = 0, vertex_buffer = 0, index_buffer = 0, font_texture = 0;
    ImVec2 white_uv{-1.0f, -1.0f};   // the atlas texel ImGui draws plain shapes with
    std::string status = "ImGui renderer not initialised";
    // The frame's vertices and indices, list after list; reused so frames do not allocate.
    std::vector<ImDrawVert> vertices;
    std::vector<ImDrawIdx> indices;
} r;

constexpr GLenum kIndexType = sizeof(ImDrawIdx) == 2 ? GL_UNSIGNED_SHORT : GL_UNSIGNED_INT;

GLuint texture_name(ImTextureID id) { return static_cast<GLuint>(reinterpret_cast<intptr_t>(id)); }

bool build(Program& program, const ShaderSource& fragment) {
    program.name = gl_program_build({bpl_shaders::ui_vert_glsl, "ui.vert.glsl"}, fragment, r.status);
    if (!program.name) return false;
    program.pixel_to_clip = glGetUniformLocation(program.name, "pixel_to_clip");
    GLint image = glGetUniformLocation(program.name, "image");
    glUseProgram(program.name);
    if (image >= 0) glUniform1i(image, 0);
    glUseProgram(0);
    return true;
}

// Attribute pointers start at vertex `first` of the frame's buffer: ImGui's 16-bit indices
// count from the start of their draw list (plus ImDrawCmd::VtxOffset), not from the buffer's.
void point_attributes_at(size_t first) {
    const auto stride = static_cast<GLsizei>(sizeof(ImDrawVert));
    const size_t base = first * sizeof(ImDrawVert);
    auto at = [base](size_t member) { return reinterpret_cast<const void*>(base + member); };
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, pos)));
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, stride, at(offsetof(ImDrawVert, uv)));
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, stride, at(offsetof(ImDrawVert, col)));
}

// Everything ImGui draws with, set from scratch (also on ImDrawCallback_ResetRenderState).
void set_render_state(const ImDrawData& data, int fb_width, int fb_height) {
    glViewport(0, 0, fb_width, fb_height);
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_STENCIL_TEST);
    glEnable(GL_SCISSOR_TEST);
    const float sx = 2.0f / data.DisplaySize.x, sy = -2.0f / data.DisplaySize.y;
    for (const Program* program : {&r.plain, &r.textured}) {   // textured stays in use
        glUseProgram(program->name);
        glUniform4f(program->pixel_to_clip, sx, sy, -1.0f - data.DisplayPos.x * sx, 1.0f - data.DisplayPos.y * sy);
    }
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
    glActiveTexture(GL_TEXTURE0);
}

// The frame's draw lists, concatenated, into the two buffers (orphaning last frame's storage).
void upload(const ImDrawData& data) {
    r.vertices.resize(static_cast<size_t>(data.TotalVtxCount));
    r.indices.resize(static_cast<size_t>(data.TotalIdxCount));
    size_t v = 0, i = 0;
    for (int n = 0; n < data.CmdListsCount; ++n) {
        const ImDrawList& list = *data.CmdLists[n];
        std::memcpy(&r.vertices[v], list.VtxBuffer.Data, list.VtxBuffer.Size * sizeof(ImDrawVert));
        std::memcpy(&r.indices[i], list.IdxBuffer.Data, list.IdxBuffer.Size * sizeof(ImDrawIdx));
        v += static_cast<size_t>(list.VtxBuffer.Size);
        i += static_cast<size_t>(list.IdxBuffer.Size);
    }
    glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(r.vertices.size() * sizeof(ImDrawVert)), r.vertices.data(),
                 GL_STREAM_DRAW);
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(r.indices.size() * sizeof(ImDrawIdx)),
                 r.indices.data(), GL_STREAM_DRAW);   // bound to the VAO
}

// ImGui's clip rectangle (display coordinates) as a scissor box in framebuffer pixels, whose y
// grows upwards; false when nothing of it is on the framebuffer.
bool scissor_for(const ImDrawData& data, const ImVec4& clip, int fb_width, int fb_height) {
    const ImVec2 origin = data.DisplayPos, scale = data.FramebufferScale;
    float x0 = (clip.x - origin.x) * scale.x, y0 = (clip.y - origin.y) * scale.y;
    float x1 = (clip.z - origin.x) * scale.x, y1 = (clip.w - origin.y) * scale.y;
    x0 = x0 < 0.0f ? 0.0f : x0;
    y0 = y0 < 0.0f ? 0.0f : y0;
    x1 = x1 > float(fb_width) ? float(fb_width) : x1;
    y1 = y1 > float(fb_height) ? float(fb_height) : y1;
    if (x1 <= x0 || y1 <= y0) return false;
    glScissor(int(x0), int(float(fb_height) - y1), int(x1 - x0), int(y1 - y0));
    return true;
}

void draw_indices(const Program& program, GLuint& in_use, size_t first, size_t count) {
    if (count == 0) return;
    if (program.name != in_use) glUseProgram(in_use = program.name);
    glDrawElements(GL_TRIANGLES, static_cast<GLsizei>(count), kIndexType,
                   reinterpret_cast<const void*>(first * sizeof(ImDrawIdx)));
}

// One font-atlas command: its triangles in order, plain runs of at least kPlainRunMinArea
// (display px²) through the plain program, everything else through the textured one.
void draw_atlas_command(const ImDrawVert* vertices, size_t first, size_t count, GLuint& in_use) {
    const ImDrawIdx* idx = r.indices.data();
    size_t pending = first;       // start of the part not drawn yet
    size_t plain_start = first;   // start of the current plain run
    float plain_area = 0.0f;
    auto close_plain_run = [&](size_t end) {
        if (plain_area >= kPlainRunMinArea) {
            draw_indices(r.textured, in_use, pending, plain_start - pending);
            draw_indices(r.plain, in_use, plain_start, end - plain_start);
            pending = end;
        }
        plain_area = 0.0f;
    };
    for (size_t t = first; t < first + count; t += 3) {
        const ImDrawVert &a = vertices[idx[t]], &b = vertices[idx[t + 1]], &c = vertices[idx[t + 2]];
        const bool plain = a.uv.x == r.white_uv.x && a.uv.y == r.white_uv.y && b.uv.x == r.white_uv.x &&
                           b.uv.y == r.white_uv.y && c.uv.x == r.white_uv.x && c.uv.y == r.white_uv.y;
        if (!plain) {
            close_plain_run(t);
            plain_start = t + 3;
            continue;
        }
        plain_area += 0.5f *
                      std::fabs((b.pos.x - a.pos.x) * (c.pos.y - a.pos.y) - (c.pos.x - a.pos.x) * (b.pos.y - a.pos.y));
    }
    close_plain_run(first + count);
    draw_indices(r.textured, in_use, pending, first + count - pending);
}

void upload_fonts() {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    if (!r.font_texture) glGenTextures(1, &r.font_texture);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, r.font_texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    glBindTexture(GL_TEXTURE_2D, 0);
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(r.font_texture)));
    r.white_uv = io.Fonts->TexUvWhitePixel;
}

}   // namespace

bool imgui_renderer_init() {
    imgui_renderer_shutdown();
    for (int i = 0; i < 64 && glGetError() != GL_NO_ERROR; ++i) {}   // errors from dead names
    ImGuiIO& io = ImGui::GetIO();
    io.BackendRendererName = "backprop-lab-webgl2";
    io.BackendFlags |= ImGuiBackendFlags_RendererHasVtxOffset;
    if (!build(r.textured, {bpl_shaders::ui_frag_glsl, "ui.frag.glsl"}) ||
        !build(r.plain, {bpl_shaders::ui_solid_frag_glsl, "ui_solid.frag.glsl"}))
        return false;
    glGenVertexArrays(1, &r.vao);
    glGenBuffers(1, &r.vertex_buffer);
    glGenBuffers(1, &r.index_buffer);
    glBindVertexArray(r.vao);
    glBindBuffer(GL_ARRAY_BUFFER, r.vertex_buffer);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, r.index_buffer);
    for (GLuint a = 0; a < 3; ++a) glEnableVertexAttribArray(a);
    point_attributes_at(0);
    glBindVertexArray(0);
    upload_fonts();
    r.status.clear();
    return true;
}

void imgui_renderer_shutdown() {
    for (const Program* program : {&r.textured, &r.plain})
        if (program->name) glDeleteProgram(program->name);
    if (r.vao) glDeleteVertexArrays(1, &r.vao);
    if (r.vertex_buffer) glDeleteBuffers(1, &r.vertex_buffer);
    if (r.index_buffer) glDeleteBuffers(1, &r.index_buffer);
    if (r.font_texture) glDeleteTextures(1, &r.font_texture);
    r = Renderer{};
}

void imgui_renderer_reload_fonts() {
    if (r.textured.name) upload_fonts();
}

const char* imgui_renderer_status() { return r.status.c_str(); }

void imgui_renderer_draw(const ImDrawData* data) {
    if (!r.textured.name || !r.plain.name || !data || !data->Valid || data->CmdListsCount == 0) return;
    const int fb_width = int(data->DisplaySize.x * data->FramebufferScale.x);
    const int fb_height = int(data->DisplaySize.y * data->FramebufferScale.y);
    if (fb_width <= 0 || fb_height <= 0) return;
    set_render_state(*data, fb_width, fb_height);
    upload(*data);
    const GLuint font = r.font_texture;
    size_t list_vertex = 0, list_index = 0;   // where the current list starts in the buffers
    GLuint bound = 0, in_use = r.textured.name;
    for (int n = 0; n < data->CmdListsCount; ++n) {
        const ImDrawList& list = *data->CmdLists[n];
        size_t pointed_at = SIZE_MAX;
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) {   // may change any state: set and bind again before drawing
                if (cmd.UserCallback != ImDrawCallback_ResetRenderState) cmd.UserCallback(&list, &cmd);
                set_render_state(*data, fb_width, fb_height);
                bound = 0;
                in_use = r.textured.name;
                pointed_at = SIZE_MAX;
                continue;
            }
            if (cmd.ElemCount == 0 || !scissor_for(*data, cmd.ClipRect, fb_width, fb_height)) continue;
            const size_t first_vertex = list_vertex + cmd.VtxOffset;
            if (first_vertex != pointed_at) point_attributes_at(pointed_at = first_vertex);
            const GLuint texture = texture_name(cmd.GetTexID());
            if (texture != bound) glBindTexture(GL_TEXTURE_2D, bound = texture);
            const size_t first_index = list_index + cmd.IdxOffset;
            if (texture == font) draw_atlas_command(&r.vertices[first_vertex], first_index, cmd.ElemCount, in_use);
            else draw_indices(r.textured, in_use, first_index, cmd.ElemCount);
        }
        list_vertex += static_cast<size_t>(list.VtxBuffer.Size);
        list_index += static_cast<size_t>(list.IdxBuffer.Size);
    }
    // The defaults the map renderer and main.cpp's clear rely on.
    glDisable(GL_SCISSOR_TEST);
    glBindVertexArray(0);
    glUseProgram(0);
    glBindTexture(GL_TEXTURE_2D, 0);
}
