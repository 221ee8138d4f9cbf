// The code, side by side: our transcription of the reference NumPy program (or the engine's
// loops that do the same, as engine/dense_reference.hpp writes them), the line of the phase that ran last highlighted; under it, with
// seed-faithful settings, the `Epoch N, Loss: X` lines the Python program prints for this run.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>
#include "learn.hpp"
#include "number_text.hpp"
#include "panels.hpp"
#include "ui_theme.hpp"

namespace {

enum Tag { none, fwd_hidden, fwd_out, loss, out_delta, hidden_delta, grads, update, print };
struct CodeLine {
    std::string text;
    Tag tag;
};

std::vector<CodeLine> numpy_lines(const bpl::Config& c) {
    std::string h = std::to_string(c.hidden_units[0]), lr = bpl::format_shortest(c.lr);
    return {
        {"X = np.array([[0, 0], [0, 1], [1, 0], [1, 1]])", none},
        {"y = np.array([[0], [1], [1], [0]])", none},
        {"def sigmoid(x): return 1 / (1 + np.exp(-x))", none},
        {"def sigmoid_derivative(a): return a * (1 - a)", none},
        {"np.random.seed(" + std::to_string(c.seed) + ")", none},
        {"W1 = np.random.randn(2, " + h + ")", none},
        {"b1 = np.zeros((1, " + h + "))", none},
        {"W2 = np.random.randn(" + h + ", 1)", none},
        {"b2 = np.zeros((1, 1))", none},
        {"lr = " + lr, none},
        {"for epoch in range(10000):", none},
        {"    # 1 forward pass", none},
        {"    hidden_output = sigmoid(X @ W1 + b1)", fwd_hidden},
        {"    output = sigmoid(hidden_output @ W2 + b2)", fwd_out},
        {"    # 2 loss", none},
        {"    loss = np.mean((y - output) ** 2)", loss},
        {"    # 3 backpropagation", none},
        {"    d_output = (output - y) \\", out_delta},
        {"        * sigmoid_derivative(output)", out_delta},
        {"    d_hidden = (d_output @ W2.T) \\", hidden_delta},
        {"        * sigmoid_derivative(hidden_output)", hidden_delta},
        {"    dW2 = hidden_output.T @ d_output", grads},
        {"    db2 = np.sum(d_output, axis=0, keepdims=True)", grads},
        {"    dW1 = X.T @ d_hidden", grads},
        {"    db1 = np.sum(d_hidden, axis=0, keepdims=True)", grads},
        {"    # 4 gradient-descent update", none},
        {"    W2 -= dW2 * lr;  b2 -= db2 * lr", update},
        {"    W1 -= dW1 * lr;  b1 -= db1 * lr", update},
        {"    if epoch % 1000 == 0:", print},
        {"        print(f\"Epoch {epoch}, Loss: {loss}\")", print},
    };
}

// What the engine runs for one batch (engine/network.cpp), with each dense step written as the
// plain loops of engine/dense_reference.hpp: the fast kernels add in exactly this order (the
// tests check them against these loops bit for bit). in = X for layer 0, else a of the layer below.
std::vector<CodeLine> cpp_lines() {
    return {
        {"// one batch, rows r of the batch (engine/network.cpp)", none},
        {"// dense steps: engine/dense_reference.hpp", none},
        {"for (int l = 0; l < L; ++l) {  // forward", fwd_hidden},
        {"  for (r) for (j) {  // z = in @ W + b", fwd_hidden},
        {"    double s = in[r][0] * W[0][j];", fwd_hidden},
        {"    for (k = 1; k < I; ++k) s += in[r][k] * W[k][j];", fwd_hidden},
        {"    z[r][j] = s + b[j];", fwd_hidden},
        {"  }", fwd_hidden},
        {"  a = f(z);  // activation_forward", fwd_hidden},
        {"}", fwd_hidden},
        {"loss = loss_forward(a_out, y);  // batch mean", loss},
        {"δ_out = loss_backward(a_out, y);  // (a - y) * f'(a) for MSE", out_delta},
        {"for (int l = L - 2; l >= 0; --l) {  // hidden δ", hidden_delta},
        {"  for (r) for (k) {  // δ_l = δ_{l+1} @ W_{l+1}.T", hidden_delta},
        {"    double s = δ[r][0] * W[k][0];", hidden_delta},
        {"    for (j = 1; j < O; ++j) s += δ[r][j] * W[k][j];", hidden_delta},
        {"    δ_l[r][k] = s;", hidden_delta},
        {"  }", hidden_delta},
        {"  δ_l *= f'(a_l);  // activation_backward", hidden_delta},
        {"}", hidden_delta},
        {"for (int l = 0; l < L; ++l) {  // gradients", grads},
        {"  for (k) for (j) {  // dW = in.T @ δ", grads},
        {"    double s = in[0][k] * δ[0][j];", grads},
        {"    for (r = 1; r < R; ++r) s += in[r][k] * δ[r][j];", grads},
        {"    dW[k][j] = s;", grads},
        {"  }", grads},
        {"  for (j) db[j] = δ[0][j] + δ[1][j] + ...;  // sum of rows", grads},
        {"}", grads},
        {"parameters_update(net);  // W -= η * dW, b -= η * db (SGD)", update},
        {"// after the last batch: epoch_loss, ++epoch", print},
    };
}

Tag tag_of(const bpl::Network& net, const PhaseView& v, bool cpp) {
    if (!v.ran) return none;
    switch (v.phase.kind) {
        case bpl::PhaseKind::forward: return !cpp && v.phase.layer == net.num_layers - 1 ? fwd_out : fwd_hidden;
        case bpl::PhaseKind::loss: return loss;
        case bpl::PhaseKind::output_delta: return out_delta;
        case bpl::PhaseKind::hidden_delta: return hidden_delta;
        case bpl::PhaseKind::gradients: return grads;
        case bpl::PhaseKind::update: return update;
    }
    return none;
}

void draw_code(const AppState& app, const std::vector<CodeLine>& lines, Tag lit, Tag lit2, float height) {
    static Tag scrolled_to = none;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ui_color().plot_bg);
    ImGui::BeginChild("code", ImVec2(0, height), true, ImGuiWindowFlags_HorizontalScrollbar);
    ImGui::PushFont(g_fonts.mono);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    for (const CodeLine& line : lines) {
        bool on = line.tag != none && (line.tag == lit || line.tag == lit2);
        ImVec2 p = ImGui::GetCursorScreenPos();
        if (on) {
            float w = ImGui::GetWindowWidth();
            dl->AddRectFilled(ImVec2(p.x - 6, p.y - 1), ImVec2(p.x + w, p.y + ImGui::GetTextLineHeight() + 1),
                              theme::with_alpha(ui_color().mark_bg, 150));
            dl->AddRectFilled(ImVec2(p.x - 6, p.y - 1), ImVec2(p.x - 3, p.y + ImGui::GetTextLineHeight() + 1),
                              ui_color().accent);
        }
        ImGui::TextUnformatted(line.text.c_str());
        if (on && lit != scrolled_to) {
            ImGui::SetScrollHereY(0.5f);
            scrolled_to = lit;
        }
    }
    (void)app;
    ImGui::PopFont();
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

void draw_print_log(const AppState& app) {
    std::string why = learn_faithful_reasons(app);
    ImGui::PushTextWrapPos(0.0f);
    if (!why.empty()) {
        ImGui::TextColored(ui_vec4(ui_color().text_dim),
                           "Not seed-faithful: %s. Losses differ from the Python program's.", why.c_str());
        ImGui::PopTextWrapPos();
        return;
    }
    const PrintLog& log = app.print_log;
    const bpl::Config& c = app.config;
    std::string cmd =
        "reference.py --hidden " + std::to_string(c.hidden_units[0]) + " --lr " + bpl::format_shortest(c.lr) +
        (log.seeded_start ? " --seed " + std::to_string(c.seed) : std::string(" --init <the loaded weights>"));
    ImGui::TextColored(ui_vec4(ui_color().good_text), "✓ Seed-faithful: these are the losses %s prints", cmd.c_str());
    ImGui::PopTextWrapPos();
    ImGui::PushFont(g_fonts.mono);
    if (log.lines.empty()) ImGui::TextDisabled("(the first line comes when epoch 0 ends)");
    size_t first = log.lines.size() > 3 ? log.lines.size() - 3 : 0;
    for (size_t i = first; i < log.lines.size(); ++i)
        ImGui::Text("Epoch %lld, Loss: %s", log.lines[i].first, bpl::format_shortest(log.lines[i].second).c_str());
    ImGui::PopFont();
    // Under the lines, so they stay in view; the whole reason in the (?) tooltip.
    ImGui::TextDisabled("to the last digit where NumPy rounds exp like this page");
    ui_help(learn_faithful_note());
}

}   // namespace

void draw_code_panel(AppState& app) {
    bool& cpp = app.learn.show_cpp;
    for (int i = 0; i < 2; ++i) {
        bool on = cpp == (i == 1);
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::SmallButton(i == 0 ? "NumPy (reference)" : "C++ engine calls")) cpp = i == 1;
        if (on) ImGui::PopStyleColor();
        ImGui::SameLine();
    }
    ImGui::NewLine();
    PhaseView v = learn_phase_view(app.net);
    Tag lit = tag_of(app.net, v, cpp);
    Tag lit2 = v.epoch_done && v.epoch % 1000 == 0 ? print : none;
    float log_h = ImGui::GetTextLineHeightWithSpacing() * 5.6f;
    float code_h = std::max(ImGui::GetContentRegionAvail().y - log_h, 80.0f);
    draw_code(app, cpp ? cpp_lines() : numpy_lines(app.config), lit, lit2, code_h);
    draw_print_log(app);
}
