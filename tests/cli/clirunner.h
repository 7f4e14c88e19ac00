#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QStringList>

namespace tagdesk::test {

struct CliResult {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;

    QJsonDocument json() const { return QJsonDocument::fromJson(out); }
    std::string describe() const;
};

// Runs the real tagdesk-cli binary as a user would, with a private HOME so the default
// database and settings never touch the developer's own.
class CliRunner {
public:
    CliRunner();
    CliResult run(const QStringList &arguments) const;
    // Runs any command (e.g. the CLI through setpriv or a shell) in the same environment.
    CliResult runCommand(const QStringList &command) const;
    static QString cliPath();
    QProcessEnvironment &environment() { return m_env; }
    const QProcessEnvironment &environment() const { return m_env; }
    QString home() const { return m_home; }

private:
    QString m_home;
    QProcessEnvironment m_env;
};

} // namespace tagdesk::test
