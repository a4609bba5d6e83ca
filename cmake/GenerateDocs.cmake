# cmake -DRG_BINARY=... -DRG_OUT=... -P GenerateDocs.cmake: the man page and the three completion scripts,
# written by the built binary from its own CLI definitions (rootguard man, rootguard completion SHELL), in
# English whatever the builder's locale.
set(ENV{LANG} C)
set(ENV{LC_ALL} C)
set(ENV{LC_MESSAGES} C)
file(MAKE_DIRECTORY "${RG_OUT}")
foreach(pair "man;rootguard.1" "completion;bash;rootguard.bash" "completion;zsh;_rootguard" "completion;fish;rootguard.fish")
  list(POP_BACK pair file)
  execute_process(COMMAND "${RG_BINARY}" ${pair} OUTPUT_FILE "${RG_OUT}/${file}.tmp" RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "rootguard ${pair} failed: ${result}")
  endif()
  file(RENAME "${RG_OUT}/${file}.tmp" "${RG_OUT}/${file}")
endforeach()
