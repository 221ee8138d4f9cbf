# Every source file of the project, listed by hand (no file(GLOB)): a file added to a folder
# joins the build only when it is named here, and a listed file that is missing stops the
# configure (cmake/require.cmake).

# engine/: the network, standard library only
set(BPL_ENGINE_SOURCES
  ${CMAKE_SOURCE_DIR}/engine/activations.cpp
  ${CMAKE_SOURCE_DIR}/engine/choices.cpp
  ${CMAKE_SOURCE_DIR}/engine/config.cpp
  ${CMAKE_SOURCE_DIR}/engine/gradcheck.cpp
  ${CMAKE_SOURCE_DIR}/engine/json_reader.cpp
  ${CMAKE_SOURCE_DIR}/engine/losses.cpp
  ${CMAKE_SOURCE_DIR}/engine/network.cpp
  ${CMAKE_SOURCE_DIR}/engine/number_text.cpp
  ${CMAKE_SOURCE_DIR}/engine/optimizer.cpp
  ${CMAKE_SOURCE_DIR}/engine/rng.cpp
  ${CMAKE_SOURCE_DIR}/engine/settings.cpp
  ${CMAKE_SOURCE_DIR}/engine/trainer.cpp
  ${CMAKE_SOURCE_DIR}/engine/weights_json.cpp
)
set(BPL_ENGINE_HEADERS
  ${CMAKE_SOURCE_DIR}/engine/activations.hpp
  ${CMAKE_SOURCE_DIR}/engine/choices.hpp
  ${CMAKE_SOURCE_DIR}/engine/config.hpp
  ${CMAKE_SOURCE_DIR}/engine/dense.hpp
  ${CMAKE_SOURCE_DIR}/engine/dense_kernels.hpp
  ${CMAKE_SOURCE_DIR}/engine/dense_reference.hpp
  ${CMAKE_SOURCE_DIR}/engine/gradcheck.hpp
  ${CMAKE_SOURCE_DIR}/engine/json_reader.hpp
  ${CMAKE_SOURCE_DIR}/engine/losses.hpp
  ${CMAKE_SOURCE_DIR}/engine/network.hpp
  ${CMAKE_SOURCE_DIR}/engine/number_text.hpp
  ${CMAKE_SOURCE_DIR}/engine/optimizer.hpp
  ${CMAKE_SOURCE_DIR}/engine/rng.hpp
  ${CMAKE_SOURCE_DIR}/engine/settings.hpp
  ${CMAKE_SOURCE_DIR}/engine/trainer.hpp
  ${CMAKE_SOURCE_DIR}/engine/weights_json.hpp
  ${CMAKE_SOURCE_DIR}/engine/xor_data.hpp
)

# lab/: the page's model, platform-free (engine + standard library): session, modes, settings,
# formula text, JSON. Built natively (tested there) and into the page.
set(BPL_LAB_SOURCES
  ${CMAKE_SOURCE_DIR}/lab/api.cpp
  ${CMAKE_SOURCE_DIR}/lab/before_after.cpp
  ${CMAKE_SOURCE_DIR}/lab/formula_matrices.cpp
  ${CMAKE_SOURCE_DIR}/lab/formula_view.cpp
  ${CMAKE_SOURCE_DIR}/lab/frame.cpp
  ${CMAKE_SOURCE_DIR}/lab/guest.cpp
  ${CMAKE_SOURCE_DIR}/lab/grad_history.cpp
  ${CMAKE_SOURCE_DIR}/lab/history.cpp
  ${CMAKE_SOURCE_DIR}/lab/insight.cpp
  ${CMAKE_SOURCE_DIR}/lab/json_text.cpp
  ${CMAKE_SOURCE_DIR}/lab/learn.cpp
  ${CMAKE_SOURCE_DIR}/lab/learn_json.cpp
  ${CMAKE_SOURCE_DIR}/lab/lessons.cpp
  ${CMAKE_SOURCE_DIR}/lab/net_probe.cpp
  ${CMAKE_SOURCE_DIR}/lab/print_log.cpp
  ${CMAKE_SOURCE_DIR}/lab/session.cpp
  ${CMAKE_SOURCE_DIR}/lab/session_host.cpp
  ${CMAKE_SOURCE_DIR}/lab/settings_json.cpp
  ${CMAKE_SOURCE_DIR}/lab/url_params.cpp
)
set(BPL_LAB_HEADERS
  ${CMAKE_SOURCE_DIR}/lab/api.hpp
  ${CMAKE_SOURCE_DIR}/lab/app_state.hpp
  ${CMAKE_SOURCE_DIR}/lab/before_after.hpp
  ${CMAKE_SOURCE_DIR}/lab/formula_view.hpp
  ${CMAKE_SOURCE_DIR}/lab/frame.hpp
  ${CMAKE_SOURCE_DIR}/lab/guest.hpp
  ${CMAKE_SOURCE_DIR}/lab/guest_state.hpp
  ${CMAKE_SOURCE_DIR}/lab/grad_history.hpp
  ${CMAKE_SOURCE_DIR}/lab/history.hpp
  ${CMAKE_SOURCE_DIR}/lab/insight.hpp
  ${CMAKE_SOURCE_DIR}/lab/insight_state.hpp
  ${CMAKE_SOURCE_DIR}/lab/json_text.hpp
  ${CMAKE_SOURCE_DIR}/lab/learn.hpp
  ${CMAKE_SOURCE_DIR}/lab/learn_state.hpp
  ${CMAKE_SOURCE_DIR}/lab/lessons.hpp
  ${CMAKE_SOURCE_DIR}/lab/net_probe.hpp
  ${CMAKE_SOURCE_DIR}/lab/print_log.hpp
  ${CMAKE_SOURCE_DIR}/lab/session.hpp
  ${CMAKE_SOURCE_DIR}/lab/session_host.hpp
  ${CMAKE_SOURCE_DIR}/lab/settings_json.hpp
  ${CMAKE_SOURCE_DIR}/lab/thinning.hpp
  ${CMAKE_SOURCE_DIR}/lab/url_params.hpp
)

# web/: the page, one folder per layer (tests/structure/check_layers.py checks who includes what)
# web/render/: GL only
set(BPL_RENDER_SOURCES
  ${CMAKE_SOURCE_DIR}/web/render/gl_program.cpp
  ${CMAKE_SOURCE_DIR}/web/render/map_renderer.cpp
)
set(BPL_RENDER_HEADERS
  ${CMAKE_SOURCE_DIR}/web/render/gl_program.hpp
  ${CMAKE_SOURCE_DIR}/web/render/map_renderer.hpp
  ${CMAKE_SOURCE_DIR}/web/render/palette.hpp
)
# web/ui/: the ImGui panels
set(BPL_UI_SOURCES
  ${CMAKE_SOURCE_DIR}/web/ui/drag_scroll.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/layout.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/layout_embed.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/layout_report.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/layout_stacked.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/mode_switch.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/network_layout.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/network_phase_overlay.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/network_tooltips.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_code.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_controls.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_flowchart.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_formulas.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_grad_norms.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_gradcheck.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_insights.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_lessons.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_loss.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_maps.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_network.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_notices.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_predictions.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/panel_rewind.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/plot_line.cpp
  ${CMAKE_SOURCE_DIR}/web/ui/ui_theme.cpp
)
set(BPL_UI_HEADERS
  ${CMAKE_SOURCE_DIR}/web/ui/drag_scroll.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/layout.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/layout_parts.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/layout_report.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/network_layout.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/network_phase_overlay.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/network_tooltips.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/panels.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/plot_line.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/theme_colors.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/ui_theme.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/viz_labels.hpp
  ${CMAKE_SOURCE_DIR}/web/ui/viz_palette.hpp
)
# web/platform/: Emscripten, SDL, the JS exports, the ImGui renderer backend, main()
set(BPL_PLATFORM_SOURCES
  ${CMAKE_SOURCE_DIR}/web/platform/frame_loop.cpp
  ${CMAKE_SOURCE_DIR}/web/platform/host.cpp
  ${CMAKE_SOURCE_DIR}/web/platform/imgui_renderer.cpp
  ${CMAKE_SOURCE_DIR}/web/platform/input_events.cpp
  ${CMAKE_SOURCE_DIR}/web/platform/js_api.cpp
  ${CMAKE_SOURCE_DIR}/web/platform/keyboard.cpp
  ${CMAKE_SOURCE_DIR}/web/platform/link_trims.cpp
  ${CMAKE_SOURCE_DIR}/web/platform/main.cpp
)
set(BPL_PLATFORM_HEADERS
  ${CMAKE_SOURCE_DIR}/web/platform/frame_loop.hpp
  ${CMAKE_SOURCE_DIR}/web/platform/host.hpp
  ${CMAKE_SOURCE_DIR}/web/platform/imgui_renderer.hpp
  ${CMAKE_SOURCE_DIR}/web/platform/input_events.hpp
  ${CMAKE_SOURCE_DIR}/web/platform/js_api.hpp
  ${CMAKE_SOURCE_DIR}/web/platform/keyboard.hpp
)
set(BPL_WEB_SOURCES ${BPL_RENDER_SOURCES} ${BPL_UI_SOURCES} ${BPL_PLATFORM_SOURCES})
set(BPL_WEB_HEADERS ${BPL_RENDER_HEADERS} ${BPL_UI_HEADERS} ${BPL_PLATFORM_HEADERS})

# tests/: one doctest file per engine file (and the whole-engine checks), and the browser tests
set(BPL_TEST_FILES
  ${CMAKE_SOURCE_DIR}/tests/test_activations.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_config.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_dense.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_gradcheck.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_history.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_json_reader.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_lab_modes.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_lab_session.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_lab_settings.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_losses.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_network.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_number_text.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_optimizer.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_pinned_weights.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_reference.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_rng.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_theme_contrast.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_trainer.cpp
  ${CMAKE_SOURCE_DIR}/tests/test_weights_json.cpp
)
set(BPL_BROWSER_TESTS
  ${CMAKE_SOURCE_DIR}/tests/browser/api.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/csp.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/embed.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/formulas.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/guest.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/hostile.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/insight.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/keyboard.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/lessons.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/lifecycle.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/maps.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/phases.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/robustness.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/smoke.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/speed.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/theme.test.mjs
  ${CMAKE_SOURCE_DIR}/tests/browser/url_params.test.mjs
)

bpl_require_files("listed sources (part of the repository: git checkout -- .)" ${BPL_ENGINE_SOURCES}
  ${BPL_ENGINE_HEADERS} ${BPL_LAB_SOURCES} ${BPL_LAB_HEADERS} ${BPL_WEB_SOURCES} ${BPL_WEB_HEADERS} ${BPL_TEST_FILES} ${BPL_BROWSER_TESTS})
