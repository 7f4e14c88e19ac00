# One INTERFACE target carries every compile setting; every target links it.
add_library(tagdesk_settings INTERFACE)
add_library(Tagdesk::settings ALIAS tagdesk_settings)

target_compile_features(tagdesk_settings INTERFACE cxx_std_20)
target_compile_definitions(tagdesk_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_USE_QSTRINGBUILDER
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    TAGDESK_VERSION="${PROJECT_VERSION}")

if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(tagdesk_settings INTERFACE -Wall -Wextra -Wpedantic)
    if(TAGDESK_WERROR)
        target_compile_options(tagdesk_settings INTERFACE -Werror)
    endif()
    if(TAGDESK_SANITIZE)
        target_compile_options(tagdesk_settings INTERFACE
            -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
        target_link_options(tagdesk_settings INTERFACE -fsanitize=address,undefined)
    endif()
    # libFuzzer's coverage instrumentation on every target, so that the same sanitizer
    # build runs the test suite and the harnesses of tests/fuzz (which alone link the
    # fuzzer's main with -fsanitize=fuzzer); clang only, see
    # https://llvm.org/docs/LibFuzzer.html#fuzzer-usage
    if(TAGDESK_FUZZ)
        if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
            message(FATAL_ERROR "TAGDESK_FUZZ needs clang (libFuzzer); configure with CMAKE_CXX_COMPILER=clang++")
        endif()
        target_compile_options(tagdesk_settings INTERFACE -fsanitize=fuzzer-no-link)
    endif()
elseif(MSVC)
    target_compile_options(tagdesk_settings INTERFACE /W4 /permissive- /utf-8)
    if(TAGDESK_WERROR)
        target_compile_options(tagdesk_settings INTERFACE /WX)
    endif()
endif()
