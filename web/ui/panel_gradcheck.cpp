// Gradient check panel: runs the engine's finite-difference check on the current weights and
// lists, per parameter, backprop's gradient, the numerical one and their relative error.
#include <cmath>
#include <cstdio>
#include "insight.hpp"
#include "ui_theme.hpp"

namespace {

ImU32 error_color(double rel) {
    if (rel < 1e-6) return ui_color().good_text;
    if (rel < 1e-3) return ui_color().warn_text;   // amber: look closer
    return ui_color().bad_text;
}

void parameter_name(char* buf, size_t n, const bpl::GradCheckEntry& e) {
    if (e.is_bias) std::snprintf(buf, n, "b%d[%d]", e.layer + 1, e.col);
    else std::snprintf(buf, n, "W%d[%d,%d]", e.layer + 1, e.row, e.col);
}

// L1's |w| has no slope at 0: weights within ε of it are listed but not counted in the maximum.
void kinks_line(const AppState& app) {
    const int n = app.insight.grad_check.at_kinks;
    if (n == 0) return;
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().warn_text);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::Text("L1: %d weight%s within ε of 0 skipped: |w| has no slope there; backprop uses 0", n, n == 1 ? "" : "s");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void summary(const AppState& app) {
    const InsightState& s = app.insight;
    double worst = s.grad_check.max_rel_error;
    if (!std::isfinite(worst)) {   // diverged weights: there is no gradient to check
        ImGui::PushStyleColor(ImGuiCol_Text, ui_color().bad_text);
        ImGui::TextWrapped("No check possible: the weights are not finite numbers (training diverged). "
                           "Reset or lower the learning rate, then run the check again.");
        ImGui::PopStyleColor();
        return;
    }
    ImGui::PushFont(g_fonts.bold);
    ImGui::PushStyleColor(ImGuiCol_Text, error_color(worst));
    ImGui::Text("max relative error %.2e", worst);
    ImGui::PopStyleColor();
    ImGui::PopFont();
    ImGui::SameLine();
    const int rows = s.grad_check.rows;
    if (s.grad_check_epoch == app.net.epoch)
        ImGui::TextDisabled("at epoch %lld, over %d row%s", s.grad_check_epoch, rows, rows == 1 ? "" : "s");
    else
        ImGui::TextDisabled("at epoch %lld, over %d row%s; the weights have changed since", s.grad_check_epoch, rows,
                            rows == 1 ? "" : "s");
    kinks_line(app);
    ImGui::PushStyleColor(ImGuiCol_Text, ui_color().text_dim);
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(
        worst < 1e-5
            ? "Backprop's gradients agree with the slopes measured by nudging each weight ±10⁻⁶: the backward pass is "
              "right."
            : "A larger error means a bug in the backward pass, or gradients so tiny (saturated units) that the "
              "finite difference is mostly rounding noise.");
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void entries_table(const AppState& app) {
    const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("##gradcheck", 4, flags, ImVec2(0, ImGui::GetContentRegionAvail().y))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    ImGui::TableSetupColumn("parameter", ImGuiTableColumnFlags_WidthStretch, 0.8f);
    ImGui::TableSetupColumn("backprop ∂L/∂w", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("numerical", ImGuiTableColumnFlags_WidthStretch, 1.2f);
    ImGui::TableSetupColumn("rel. error", ImGuiTableColumnFlags_WidthStretch, 0.9f);
    ImGui::TableHeadersRow();
    ImGui::PushFont(g_fonts.mono);
    char name[32];
    for (const bpl::GradCheckEntry& e : app.insight.grad_check.entries) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        parameter_name(name, sizeof name, e);
        ImGui::TextUnformatted(name);
        ImGui::TableNextColumn();
        ImGui::Text("% .6e", e.backprop);
        ImGui::TableNextColumn();
        ImGui::Text("% .6e", e.numerical);
        ImGui::TableNextColumn();
        if (e.at_kink) {   // not counted: the difference straddles |w|'s kink
            ImGui::TextDisabled("kink");
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("|w| is within ε of 0: the finite difference straddles L1's kink, where "
                                  "backprop uses the subgradient 0. Left out of the maximum.");
            continue;
        }
        ImGui::PushStyleColor(ImGuiCol_Text, error_color(e.rel_error));
        ImGui::Text("%.1e", e.rel_error);
        ImGui::PopStyleColor();
    }
    ImGui::PopFont();
    ImGui::EndTable();
}

}   // namespace

void draw_grad_check_panel(AppState& app) {
    if (ImGui::Button("Run gradient check")) insight_run_grad_check(app);
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("For every weight w: numerical = (L(w + ε) − L(w − ε)) / 2ε with ε = 10⁻⁶,\n"
                          "over every training row (%d), penalty included, compared with the gradient\n"
                          "backpropagation computes.",
                          bpl::network_train_rows(app.net));
    ImGui::SameLine();
    ImGui::TextDisabled("relative error = |b − n| / (|b| + |n|)");
    if (app.insight.grad_check.entries.empty()) {
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted("Press the button to check every gradient of the current weights against a "
                               "finite-difference estimate.");
        ImGui::PopTextWrapPos();
        return;
    }
    summary(app);
    entries_table(app);
}
