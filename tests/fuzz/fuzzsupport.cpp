#include "fuzzsupport.h"

// One QCoreApplication for the whole run, made before the first input
// (LLVMFuzzerInitialize is libFuzzer's hook for that).
extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv) {
    static QCoreApplication app(*argc, *argv);
    return 0;
}
