#include "util/processliveness.h"

#if defined(Q_OS_WIN)
#include <windows.h>
#else
#include <cerrno>
#include <csignal>
#endif

namespace tagdesk {

bool isProcessAlive(qint64 pid) {
    if (pid <= 0)
        return false;
#if defined(Q_OS_WIN)
    // https://learn.microsoft.com/windows/win32/api/processthreadsapi/nf-processthreadsapi-getexitcodeprocess
    HANDLE process = OpenProcess(PROCESS_QUERY_LIMITED_INFORMATION, FALSE, DWORD(pid));
    if (!process)
        return GetLastError() == ERROR_ACCESS_DENIED;
    DWORD code = 0;
    const bool running = GetExitCodeProcess(process, &code) && code == STILL_ACTIVE;
    CloseHandle(process);
    return running;
#else
    // kill(pid, 0) checks without sending anything: ESRCH means no such process, EPERM
    // one that exists but belongs to someone else
    // (https://man7.org/linux/man-pages/man2/kill.2.html).
    if (::kill(pid_t(pid), 0) == 0)
        return true;
    return errno == EPERM;
#endif
}

} // namespace tagdesk
