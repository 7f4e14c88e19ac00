#include "cli/clirunner.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>

#include <memory>

namespace tagdesk::test {

std::string CliResult::describe() const {
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
        .arg(exitCode)
        .arg(QString::fromUtf8(out), QString::fromUtf8(err))
        .toStdString();
}

CliRunner::CliRunner() {
    static std::vector<std::unique_ptr<QTemporaryDir>> homes; // live until the test ends
    homes.push_back(std::make_unique<QTemporaryDir>());
    m_home = homes.back()->path();
    m_env = QProcessEnvironment::systemEnvironment();
    m_env.insert(QStringLiteral("HOME"), m_home);
    m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_home + QStringLiteral("/data"));
    m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home + QStringLiteral("/config"));
    m_env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home + QStringLiteral("/cache"));
    m_env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
}

QString CliRunner::cliPath() {
    return QStringLiteral(TAGDESK_CLI_PATH);
}

CliResult CliRunner::run(const QStringList &arguments) const {
    return runCommand(QStringList{cliPath()} + arguments);
}

CliResult CliRunner::runCommand(const QStringList &command) const {
    QProcess p;
    p.setProcessEnvironment(m_env);
    p.start(command.first(), command.mid(1));
    CliResult r;
    if (!p.waitForStarted(-1))
        return r;
    p.closeWriteChannel();
    p.waitForFinished(-1);
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

} // namespace tagdesk::test
