// Calls from C++ into site/bridge.js (window.__bplHost). Strings go out as UTF-8 pointers that
// the JS side copies at once; nothing here is ever evaluated as code.
#include "host.hpp"
#include <cstdlib>
#include <emscripten.h>

EM_JS(void, js_started, (), {
    if (window.__bplHost) window.__bplHost.started();
});
EM_JS(void, js_guest_attach, (), {
    if (window.__bplGuest) window.__bplGuest.attach(Module);
});
EM_JS(void, js_frame_drawn, (), {
    if (window.__bplHost) window.__bplHost.frameDrawn();
});
EM_JS(void, js_state_changed, (const char* reason), {
    if (window.__bplHost) window.__bplHost.stateChanged(UTF8ToString(reason));
});
EM_JS(char*, js_location_search, (), {
    var s = window.__bplHost ? String(window.__bplHost.locationSearch()) : "";
    var n = lengthBytesUTF8(s) + 1;
    var p = _malloc(n);
    if (p) stringToUTF8(s, p, n);
    return p;
});
EM_JS(void, js_replace_url, (const char* query), {
    if (window.__bplHost) window.__bplHost.replaceUrl(UTF8ToString(query));
});
EM_JS(void, js_copy_link, (const char* query, int embed_snippet), {
    if (window.__bplHost) window.__bplHost.copyLink(UTF8ToString(query), embed_snippet !== 0);
});
EM_JS(void, js_open_full_page, (const char* query), {
    if (window.__bplHost) window.__bplHost.openFullPage(UTF8ToString(query));
});
EM_JS(double, js_random_seed, (), {
    var a = new Uint32Array(1);
    if (window.crypto && window.crypto.getRandomValues) window.crypto.getRandomValues(a);
    else a[0] = Math.floor(Math.random() * 4294967296);
    return a[0];
});

namespace {

class PageHost final : public SessionHost {
public:
    double now_ms() const override { return emscripten_get_now(); }
    void state_changed(const char* reason) override { js_state_changed(reason); }
    void copy_link(const std::string& query, bool embed_snippet) override {
        js_copy_link(query.c_str(), embed_snippet ? 1 : 0);
    }
    void open_full_page(const std::string& query) override { js_open_full_page(query.c_str()); }
    uint32_t random_seed() override { return static_cast<uint32_t>(js_random_seed()); }
};

}   // namespace

SessionHost& page_session_host() {
    static PageHost host;
    return host;
}

void host_started() { js_started(); }
void host_frame_drawn() { js_frame_drawn(); }
void host_guest_attach() { js_guest_attach(); }

std::string host_location_search() {
    char* text = js_location_search();
    if (!text) return {};
    std::string out(text);
    std::free(text);
    return out;
}

void host_replace_url(const std::string& query) { js_replace_url(query.c_str()); }
