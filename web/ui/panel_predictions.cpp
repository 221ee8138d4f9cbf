// The predictions table: a truth table's 4 rows with input, target, output (with a bar) and
// error, live; clicking a row selects it for the network diagram. A point cloud: points, right,
// accuracy and loss of the training and test sets, and the followed point's output.
#include <cmath>
#include <cstdio>
#include <string>
#include "network.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"
#include "url_params.hpp"
#include "viz_points.hpp"

static void output_bar(double out) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 0.55f;
    float y = p.y + (ImGui::GetTextLineHeight() - h) * 0.5f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w, y + h), ui_color().grid, 3.0f);
    if (std::isfinite(out)) {
        float f = float(std::fmin(std::fmax(out, 0.0), 1.0));
        dl->AddRectFilled(ImVec2(p.x, y), ImVec2(p.x + w * f, y + h), ui_color().accent, 3.0f);
    }
    ImGui::Dummy(ImVec2(w, ImGui::GetTextLineHeight()));
}

// Fixed four decimals for outputs in the usual range; a diverged or linear output that has
// grown huge switches to 3 significant digits so the column keeps its width.
static void number_cell(double v, ImU32 colour) {
    ImGui::PushFont(g_fonts.mono);
    if (!std::isfinite(v)) {
        ImGui::TextDisabled("—");
    } else {
        char buf[32];
        std::snprintf(buf, sizeof buf, std::fabs(v) < 1000.0 ? "%+.4f" : "%+.2e", v);
        ImGui::PushStyleColor(ImGuiCol_Text, colour);
        ImGui::TextUnformatted(v >= 0 ? buf + 1 : buf);   // no '+' on positive values
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
}

static void draw_row(AppState& app, int r) {
    const double out = bpl::network_output(app.net)[r];
    const double target = app.net.y[static_cast<size_t>(r)];   // a truth table's rows stay in order
    const double err = out - target;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(r);
    bool selected = app.selected_row == r;
    ImGui::PushFont(g_fonts.mono);
    const char* name = bpl::kRowNames[r];
    char label[8] = {name[0], ' ', ' ', name[1], '\0'};   // "0  1": the inputs x₁ and x₂
    if (ImGui::Selectable(label, selected, ImGuiSelectableFlags_SpanAllColumns))
        apply_param(app, "row", selected ? "all" : std::to_string(r));   // the address bar follows
    ImGui::PopFont();
    ImGui::PopID();
    ImGui::TableNextColumn();
    ImGui::PushFont(g_fonts.mono);
    ImGui::Text("%.0f", target);
    ImGui::PopFont();
    ImGui::TableNextColumn();
    if (app.net.diverged) {   // the last outputs before the overflow are not data to read
        ImGui::TextDisabled("diverged");
    } else {
        number_cell(out, ui_color().text);
    }
    ImGui::TableNextColumn();
    output_bar(app.net.diverged ? NAN : out);
    ImGui::TableNextColumn();
    ImU32 colour = std::fabs(err) < 0.1 ? ui_color().good_text
                 : std::fabs(err) > 0.4 ? ui_color().bad_text
                                        : ui_color().text;
    if (app.net.diverged) ImGui::TextDisabled("—");
    else number_cell(err, colour);
    ImGui::TableNextColumn();
    bool right = !app.net.diverged && std::isfinite(out) && (out >= 0.5) == (target >= 0.5);
    ImGui::PushStyleColor(ImGuiCol_Text, right ? ui_color().good_text : ui_color().bad_text);
    ImGui::TextUnformatted(std::isfinite(out) && !app.net.diverged ? (right ? "✓" : "✕") : "");
    ImGui::PopStyleColor();
}

static bool row_right(const AppState& app, int r) {
    const double out = bpl::network_output(app.net)[r];
    return !app.net.diverged && std::isfinite(out) && (out >= 0.5) == (app.net.y[static_cast<size_t>(r)] >= 0.5);
}

static void dim_wrapped(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(text);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

// One set's row: name, points, right, accuracy, loss (from app.eval, the current weights).
static void set_row(const AppState& app, const char* name, int count, int right, double loss) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(name);
    ImGui::PushFont(g_fonts.mono);
    ImGui::TableNextColumn();
    ImGui::Text("%d", count);
    ImGui::TableNextColumn();
    if (count == 0 || app.net.diverged) {
        for (int k = 0; k < 3; ++k) {
            if (k) ImGui::TableNextColumn();
            ImGui::TextDisabled("—");
        }
        ImGui::PopFont();
        return;
    }
    ImGui::Text("%d", right);
    ImGui::TableNextColumn();
    double accuracy = 100.0 * right / count;
    ImGui::PushStyleColor(ImGuiCol_Text, accuracy >= 90.0  ? ui_color().good_text
                                         : accuracy < 60.0 ? ui_color().bad_text
                                                           : ui_color().text);
    ImGui::Text("%.1f %%", accuracy);
    ImGui::PopStyleColor();
    ImGui::TableNextColumn();
    ImGui::Text("%.4g", loss);
    ImGui::PopFont();
}

// The followed point: its inputs, target and output (click a point on the map to follow another).
static void followed_point_line(const AppState& app) {
    const bpl::Network& net = app.net;
    viz::DataPoint p = viz::data_point(net, viz::followed_point(app));
    double out = bpl::network_eval(net, p.x0, p.x1);
    const char* minus = "−";
    char a[16], b[16];
    viz::signed_text(a, sizeof a, p.x0, 2, minus);
    viz::signed_text(b, sizeof b, p.x1, 2, minus);
    ImGui::Text("Point %d (%s): x = (%s, %s), target %g", p.index, p.train ? "training" : "test", a, b, p.target);
    if (net.diverged || !std::isfinite(out)) {
        ImGui::TextDisabled("ŷ: diverged");
        return;
    }
    bool right = (out >= 0.5) == (p.target >= 0.5);
    ImGui::Text("ŷ = %.4f", out);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Text, right ? ui_color().good_text : ui_color().bad_text);
    ImGui::TextUnformatted(right ? "✓ right" : "✕ wrong");
    ImGui::PopStyleColor();
}

static void draw_cloud_predictions(AppState& app) {
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    const bpl::Evaluation& e = app.eval;
    if (ImGui::BeginTable("cloud_predictions", 5, flags)) {
        ImGui::TableSetupColumn("set");
        ImGui::TableSetupColumn("points");
        ImGui::TableSetupColumn("right");
        ImGui::TableSetupColumn("accuracy");
        ImGui::TableSetupColumn("loss");
        ImGui::TableHeadersRow();
        set_row(app, "training", e.train_count, e.train_right, e.train_loss);
        set_row(app, "test", e.test_count, e.test_right, e.test_loss);
        ImGui::EndTable();
    }
    followed_point_line(app);
    dim_wrapped("Right: the output is on the target's side of 0.5. Loss without the penalty, so the two compare. "
                "Click a point on the map to follow it.");
}

void draw_predictions_panel(AppState& app) {
    if (app.net.data.cloud) {
        draw_cloud_predictions(app);
        return;
    }
    ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("predictions", 6, flags)) return;
    float num = ImGui::CalcTextSize("-0.0000").x;
    ImGui::TableSetupColumn("x₁ x₂", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("y", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("ŷ (output)", ImGuiTableColumnFlags_WidthFixed);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("ŷ − y", ImGuiTableColumnFlags_WidthFixed, num);
    ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize());
    ImGui::TableHeadersRow();
    const int rows = bpl::network_samples(app.net);
    int right = 0;
    for (int r = 0; r < rows; ++r) {
        draw_row(app, r);
        right += row_right(app, r) ? 1 : 0;
    }
    ImGui::EndTable();
    ImGui::Text("%d/%d right", right, rows);
    dim_wrapped("✓ when the output rounds to the target. Click a row to follow it in the network.");
}
