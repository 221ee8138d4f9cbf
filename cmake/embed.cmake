# bpl_embed_files(<target> <header name> <namespace> <text|binary> <files…>): generates
# ${CMAKE_BINARY_DIR}/generated/<header> from the files at build time and adds it to <target>.
function(bpl_embed_files target header namespace mode)
  set(files ${ARGN})
  set(out "${CMAKE_BINARY_DIR}/generated/${header}")
  string(REPLACE ";" "|" joined "${files}")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DOUTPUT=${out} -DNAMESPACE=${namespace} -DMODE=${mode}
            "-DINPUTS=${joined}" -P ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    DEPENDS ${files} ${CMAKE_SOURCE_DIR}/cmake/embed_files.cmake
    COMMENT "Embedding ${header}"
    VERBATIM)
  target_sources(${target} PRIVATE "${out}")
  target_include_directories(${target} PRIVATE "${CMAKE_BINARY_DIR}/generated")
endfunction()
