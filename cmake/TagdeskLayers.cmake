# The layers' rules that the target layout alone cannot express, checked when CMake
# configures: a source that breaks one fails the configure step with the line that does.

# Fails if a line of a file in `sources` matches `pattern`; `why` names the rule.
function(tagdesk_forbid_uses sources pattern why)
    foreach(source IN LISTS sources)
        file(STRINGS "${source}" hits REGEX "${pattern}")
        if(hits)
            message(FATAL_ERROR "${why}, but ${source} has: ${hits}")
        endif()
    endforeach()
endfunction()

# Fails if a file in `sources` includes a header matching `pattern`.
function(tagdesk_forbid_includes sources pattern why)
    tagdesk_forbid_uses("${sources}" "#include *[<\"](${pattern})" "${why}")
endfunction()

# Widgets never reach below ui/.
set(TAGDESK_WIDGETS_HEADERS "QtWidgets|QWidget|QApplication|QMainWindow|QDialog")
