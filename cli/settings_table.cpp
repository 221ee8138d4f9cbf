// settings-table: prints the settings table for the page's JavaScript (--js, the build writes it
// to settings.js) or for the README (--markdown, checked by tests/structure/readme_settings.py).
#include <cstdio>
#include <cstring>
#include <string>
#include "settings_json.hpp"

int main(int argc, char** argv) {
    std::string text;
    if (argc == 2 && std::strcmp(argv[1], "--js") == 0) text = settings_js();
    else if (argc == 2 && std::strcmp(argv[1], "--json") == 0) text = settings_json() + "\n";
    else if (argc == 2 && std::strcmp(argv[1], "--markdown") == 0) text = settings_markdown();
    else {
        std::fprintf(stderr, "usage: %s --js | --json | --markdown\n", argc > 0 ? argv[0] : "settings-table");
        return 2;
    }
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
}
