// One GLSL ES 3.00 program from two embedded sources (shaders/*.glsl): compile, link, and on
// failure the compiler's message on the console and a short reason for the page.
#pragma once
#include <GLES3/gl3.h>
#include <string>

struct ShaderSource {
    const char* text;
    const char* name;   // file name, for messages
};

// The linked program, or 0 with `error` set (the full log goes to stderr).
GLuint gl_program_build(const ShaderSource& vertex, const ShaderSource& fragment, std::string& error);
