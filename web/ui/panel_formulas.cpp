// Live formulas: the phase that ran last as a formula, the same formula with the engine's numbers,
// and the batch matrices as tables (cells that just changed flash and roll to their new value).
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>
#include "session.hpp"
#include "formula_view.hpp"
#include "learn.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

namespace {

using bpl::kRowNames;
constexpr float kTableScale = 0.87f;   // tables at ~13 px: two 4-unit tables side by side
const ImVec2 kCellPadding(3.0f, 0.0f);

void cell_text(char* buf, size_t size, double v, double max_abs, bool whole) {
    const char* fmt = whole ? "%.0f" : max_abs >= 0.1 ? "%.3f" : max_abs >= 0.001 ? "%.4f" : "%.2e";
    std::snprintf(buf, size, fmt, std::fabs(v));
    if (!std::isfinite(v)) std::snprintf(buf, size, "%s", "?");
}

// Sample rows: a truth table's row name, or the number of the cloud point in that x/y row.
std::string label_of(const bpl::Network& net, int layer, int index, bool sample_rows) {
    if (sample_rows && net.data.cloud) {
        size_t r = static_cast<size_t>(index);
        return r < net.row_point.size() ? std::to_string(net.row_point[r]) : "?";
    }
    if (sample_rows) return kRowNames[index & 3];
    if (layer < -1) return "";
    return formula_unit_name(net, layer, index);
}

// "… 42 more rows in this batch" under a cut batch matrix; false when nothing was cut.
bool more_rows_text(const MatrixView& m, char* buf, size_t size) {
    if (!m.sample_rows || m.more_rows <= 0) return false;
    std::snprintf(buf, size, "… %d more row%s in this batch", m.more_rows, m.more_rows == 1 ? "" : "s");
    return true;
}

// The table's width as drawn (scaled font, tight padding), for placing the next one beside it.
float matrix_width(const MatrixView& m) {
    double max_abs = 0.0;
    for (int i = 0; i < m.rows * m.cols; ++i)
        if (std::isfinite(m.data[i])) max_abs = std::max(max_abs, std::fabs(m.data[i]));
    ImGui::PushFont(g_fonts.mono);
    float cell = ImGui::CalcTextSize(max_abs >= 0.1     ? "-0.000"
                                     : max_abs >= 0.001 ? "-0.0000"
                                                        : "-0.00e-00")
                         .x *
                     kTableScale +
                 2 * kCellPadding.x + 1.0f;
    ImGui::PopFont();
    float label = ImGui::CalcTextSize("h¹₁₀").x * kTableScale + 2 * kCellPadding.x;
    char more[48];
    float under = more_rows_text(m, more, sizeof more) ? ImGui::CalcTextSize(more).x * kTableScale : 0.0f;
    return std::max({label + cell * static_cast<float>(m.cols) + 4.0f,
                     ImGui::CalcTextSize(m.title.c_str()).x * kTableScale, under});
}

void matrix_cell(const MatrixView& m, int r, int c, double max_abs, bool whole, float ease, float flash) {
    int i = r * m.cols + c;
    double now = m.data[i];
    bool changed = m.prev && m.prev[i] != now && std::isfinite(m.prev[i]);
    double shown = changed && ease < 1.0f ? m.prev[i] + (now - m.prev[i]) * ease : now;
    if (changed && flash > 0.0f)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                               theme::with_alpha(ui_color().mark_bg, static_cast<int>(200 * flash)));
    else if (r == m.hl_row || c == m.hl_col)
        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg,
                               theme::with_alpha(ui_color().accent, r == m.hl_row && c == m.hl_col ? 60 : 24));
    char buf[32];
    cell_text(buf, sizeof buf, shown, max_abs, whole);
    ImGui::TextUnformatted(shown < 0 ? "−" : " ");
    ImGui::SameLine(0, 0);
    ImGui::TextUnformatted(buf);
}

void draw_matrix(const AppState& app, const MatrixView& m, int id, float ease, float flash) {
    ImGui::BeginGroup();
    ImGui::SetWindowFontScale(kTableScale);
    ImGui::TextUnformatted(m.title.c_str());
    double max_abs = 0.0;
    bool whole = true;   // X and y: 0 and 1, printed as such
    for (int i = 0; i < m.rows * m.cols; ++i) {
        if (std::isfinite(m.data[i])) max_abs = std::max(max_abs, std::fabs(m.data[i]));
        whole = whole && m.data[i] == std::floor(m.data[i]) && std::fabs(m.data[i]) < 10;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_BordersOuter |
                            ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_NoHostExtendX;
    ImGui::PushID(id);
    ImGui::PushStyleVar(ImGuiStyleVar_CellPadding, kCellPadding);
    if (ImGui::BeginTable("m", m.cols + 1, flags)) {
        ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed);
        for (int c = 0; c < m.cols; ++c) ImGui::TableSetupColumn(label_of(app.net, m.col_layer, c, false).c_str());
        if (m.col_layer >= -1) ImGui::TableHeadersRow();
        for (int r = 0; r < m.rows; ++r) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextDisabled("%s",
                                label_of(app.net, m.row_layer, m.sample_rows ? m.row0 + r : r, m.sample_rows).c_str());
            ImGui::PushFont(g_fonts.mono);   // numbers in the mono face; labels stay proportional
            for (int c = 0; c < m.cols; ++c) {
                ImGui::TableNextColumn();
                matrix_cell(m, r, c, max_abs, whole, ease, flash);
            }
            ImGui::PopFont();
        }
        ImGui::EndTable();
    }
    char more[48];
    if (more_rows_text(m, more, sizeof more)) ImGui::TextDisabled("%s", more);
    ImGui::PopStyleVar();
    ImGui::PopID();
    ImGui::SetWindowFontScale(1.0f);
    ImGui::EndGroup();
}

void draw_matrices(const AppState& app, const FormulaView& v) {
    float ease = learn_ease(app);
    float since = static_cast<float>(session_now(app) - app.learn.changed_at);
    float flash = std::clamp(1.0f - since / kLearnFlashSeconds, 0.0f, 1.0f);
    float right = ImGui::GetCursorScreenPos().x + ImGui::GetContentRegionAvail().x;
    for (size_t i = 0; i < v.matrices.size(); ++i) {
        if (i > 0) {
            ImGui::SameLine(0, 10.0f);
            if (ImGui::GetCursorScreenPos().x + matrix_width(v.matrices[i]) > right) ImGui::NewLine();
        }
        draw_matrix(app, v.matrices[i], static_cast<int>(i), ease, flash);
    }
}

void dim_wrapped(const std::string& text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::TextWrapped("%s", text.c_str());
    ImGui::PopStyleColor();
}

// Wraps at spaces only (ImGui's wrapping also breaks after '.', which splits numbers).
void text_wrapped_at_spaces(const std::string& text) {
    float width = ImGui::GetContentRegionAvail().x;
    size_t start = 0, last_space = std::string::npos;
    for (size_t i = 0; i <= text.size(); ++i) {
        if (i < text.size() && text[i] != ' ') continue;
        if (ImGui::CalcTextSize(text.c_str() + start, text.c_str() + i).x > width && last_space != std::string::npos) {
            ImGui::TextUnformatted(text.c_str() + start, text.c_str() + last_space);
            start = last_space + 1;
        }
        last_space = i;
    }
    ImGui::TextUnformatted(text.c_str() + start);
}

void draw_lines(const FormulaView& v) {
    for (const FormulaLine& line : v.lines) {
        ImGui::PushStyleColor(ImGuiCol_Text, ui_color().accent);
        ImGui::TextWrapped("%s", line.symbolic.c_str());
        ImGui::PopStyleColor();
        ImGui::Indent(18.0f);
        ImGui::PushFont(g_fonts.bold);
        text_wrapped_at_spaces(line.numbers);
        ImGui::PopFont();
        ImGui::Unindent(18.0f);
    }
}

// Which rows the matrices hold: the whole truth table, its one row, or a cloud's batch.
std::string batch_caption(const AppState& app) {
    const bpl::Network& net = app.net;
    PhaseView pv = learn_phase_view(net);
    if (!net.data.cloud) {
        if (pv.rows >= net.data.samples) return "The whole batch (rows 00 01 10 11), as the program computes it:";
        return std::string("The batch is row ") + kRowNames[pv.row0 & 3] +
               "; the matrices hold all 4 rows, each as its own step left it:";
    }
    if (pv.rows == 1 && pv.row0 < static_cast<int>(net.row_point.size()))
        return "The batch is point " + std::to_string(net.row_point[static_cast<size_t>(pv.row0)]) +
               ", as the program computes it:";
    if (pv.rows >= net.data.train)
        return "The whole batch (all " + std::to_string(pv.rows) +
               " training points; rows labelled by point), as the "
               "program computes it:";
    return "Batch " + std::to_string(pv.batch + 1) + " of " + std::to_string(bpl::batches_per_epoch(net)) + " (" +
           std::to_string(pv.rows) +
           " points, shuffled each epoch; rows labelled by point), as the program computes it:";
}

}   // namespace

void draw_formulas_panel(AppState& app) {
    learn_update_focus(app, ImGui::GetFrameCount());
    FormulaView v = formula_view(app);
    ImGui::PushFont(g_fonts.bold);
    ImGui::TextUnformatted(v.title.c_str());
    ImGui::PopFont();
    if (!v.subject.empty()) dim_wrapped(v.subject + "  (hover the diagram to pick another)");
    draw_lines(v);
    if (!v.general.empty()) dim_wrapped("Table form: " + v.general);
    if (!v.note.empty()) dim_wrapped(v.note);
    if (v.matrices.empty()) return;
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::TextWrapped("%s", batch_caption(app).c_str());
    ImGui::PopStyleColor();
    draw_matrices(app, v);
}
