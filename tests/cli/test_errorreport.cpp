// Every kind of error has one exit code and one way to read, wherever it is met.
#include "cli/errorreport.h"
#include "util/errortext.h"

#include <gtest/gtest.h>

#include <QList>
#include <QTextStream>

#include <set>

using namespace tagdesk;

TEST(ErrorReport, EveryKindHasItsExitCodeAndItsWords) {
    using C = Error::Code;
    struct Case {
        Error error;
        int exitCode;
        const char *line;
    };
    const QList<Case> cases{
        {Error::failed(QStringLiteral("m")), cli::Failed, "m"},
        {Error::invalid(QStringLiteral("m")), cli::UsageError, "m"},
        {Error::notFound(QStringLiteral("m")), cli::Failed, "Not found: m"},
        {Error::notAllowed(QStringLiteral("m")), cli::Failed, "Not allowed: m"},
        {Error::storage(QStringLiteral("m")), cli::Failed, "Database error: m"},
        {Error::locked(QStringLiteral("m")), cli::Failed, "Database in use: m"},
        {Error::unavailable(QStringLiteral("m")), cli::Failed, "Unavailable: m"},
        {Error::quota(QStringLiteral("m")), cli::Failed, "Quota used up: m"},
        {Error::tokenRejected(QStringLiteral("m")), cli::Failed, "Token rejected: m"},
        {Error::scopeMissing(QStringLiteral("m")), cli::Failed, "Scope missing: m"},
        {Error::scopeMissing(QStringLiteral("m"), QStringLiteral("write_products")), cli::Failed,
         "Scope missing (write_products): m"},
        {Error::unreachable(QStringLiteral("m")), cli::Failed, "Unreachable: m"},
        {Error::throttled(QStringLiteral("m")), cli::Failed, "Throttled: m"},
        {Error::refused(QStringLiteral("m")), cli::Failed, "Refused by the store: m"},
        {Error::localIo(QStringLiteral("m")), cli::Failed, "File error: m"},
    };
    std::set<C> covered;
    for (const Case &c : cases) {
        covered.insert(c.error.code);
        EXPECT_EQ(cli::exitCodeFor(c.error), c.exitCode) << c.line;
        EXPECT_EQ(errorText(c.error), QString::fromUtf8(c.line));
        QString written;
        QTextStream err(&written);
        EXPECT_EQ(cli::reportError(err, c.error), c.exitCode);
        EXPECT_EQ(written,
                  QStringLiteral("tagdesk-cli: ") + QString::fromUtf8(c.line) + QLatin1Char('\n'));
    }
    EXPECT_EQ(covered.size(), std::size_t(C::LocalIo) + 1) << "a kind without a case";
}

TEST(ErrorReport, OnlyWhatCanWaitIsTransient) {
    EXPECT_TRUE(Error::unreachable({}).isTransient());
    EXPECT_TRUE(Error::throttled({}).isTransient());
    EXPECT_TRUE(Error::unavailable({}).isTransient());
    EXPECT_FALSE(Error::tokenRejected({}).isTransient());
    EXPECT_FALSE(Error::scopeMissing({}).isTransient());
    EXPECT_FALSE(Error::refused({}).isTransient());
}
