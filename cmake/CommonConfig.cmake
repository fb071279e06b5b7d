# One INTERFACE target carries the language level, warnings and Qt's strictness flags for every target.
add_library(gongdan_common INTERFACE)
target_compile_features(gongdan_common INTERFACE cxx_std_20)
target_compile_definitions(gongdan_common INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CONTEXTLESS_CONNECT
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_USE_QSTRINGBUILDER
    QT_NO_KEYWORDS)
target_compile_options(gongdan_common INTERFACE -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor
    -Wold-style-cast -Wcast-align -Woverloaded-virtual -Wimplicit-fallthrough)
if(GONGDAN_WERROR)
    target_compile_options(gongdan_common INTERFACE -Werror)
endif()
set(CMAKE_EXPORT_COMPILE_COMMANDS ON)
