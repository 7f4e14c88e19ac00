// Compiled only by the layer tests (tests/layers/CMakeLists.txt): includes the one header
// named by TAGDESK_PROBE_HEADER with exactly the include paths a layer's target gets.
#include TAGDESK_PROBE_HEADER

int tagdeskLayerProbe() {
    return 0;
}
