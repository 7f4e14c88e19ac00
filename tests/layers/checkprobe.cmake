# Builds one layer probe and checks the outcome: EXPECT=compiles, or EXPECT=refused with
# the compiler saying it cannot find HEADER (any other failure is not proof of a layer).
execute_process(
    COMMAND "${CMAKE_COMMAND}" --build "${BUILD_DIR}" --target "${TARGET}"
    RESULT_VARIABLE result OUTPUT_VARIABLE output ERROR_VARIABLE output)
string(REPLACE "." "\\." header_pattern "${HEADER}")
if(EXPECT STREQUAL "compiles")
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "${TARGET}: ${HEADER} should compile for this layer, but:\n${output}")
    endif()
    message(STATUS "${TARGET}: ${HEADER} compiles, as it should")
elseif(EXPECT STREQUAL "refused")
    if(result EQUAL 0)
        message(FATAL_ERROR "${TARGET}: ${HEADER} compiled, but this layer must not see it")
    endif()
    if(NOT output MATCHES "${header_pattern}: No such file or directory|'${header_pattern}' file not found|Cannot open include file: '${header_pattern}'")
        message(FATAL_ERROR "${TARGET}: the build failed, but not because ${HEADER} is out of reach:\n${output}")
    endif()
    message(STATUS "${TARGET}: ${HEADER} is out of reach, as it should be")
else()
    message(FATAL_ERROR "EXPECT must be compiles or refused, not '${EXPECT}'")
endif()
