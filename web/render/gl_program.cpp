// See gl_program.hpp. Status queries (glGetShaderiv, glGetProgramiv) are synchronous in WebGL;
// they run only when a program is built: at start and after a lost context returns.
#include "gl_program.hpp"
#include <cstdio>

namespace {

GLuint compile(GLenum kind, const ShaderSource& source, std::string& error) {
    GLuint shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source.text, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (ok) return shader;
    char log[2048] = "";
    glGetShaderInfoLog(shader, sizeof log, nullptr, log);
    std::fprintf(stderr, "%s failed to compile:\n%s\n", source.name, log);
    error = std::string(source.name) + " failed to compile; see the console";
    glDeleteShader(shader);
    return 0;
}

}   // namespace

GLuint gl_program_build(const ShaderSource& vertex, const ShaderSource& fragment, std::string& error) {
    GLuint vs = compile(GL_VERTEX_SHADER, vertex, error);
    GLuint fs = vs ? compile(GL_FRAGMENT_SHADER, fragment, error) : 0;
    if (!vs || !fs) {
        glDeleteShader(vs);
        return 0;
    }
    GLuint program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (ok) return program;
    char log[2048] = "";
    glGetProgramInfoLog(program, sizeof log, nullptr, log);
    std::fprintf(stderr, "%s + %s failed to link:\n%s\n", vertex.name, fragment.name, log);
    error = std::string(vertex.name) + " + " + fragment.name + " failed to link; see the console";
    glDeleteProgram(program);
    return 0;
}
