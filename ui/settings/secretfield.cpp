#include "settings/secretfield.h"

#include "util/futures.h"

#include <QPointer>

namespace tagdesk::ui {

SecretField::SecretField(QWidget *parent)
    : QLineEdit(parent) {
    setEchoMode(QLineEdit::Password);
    setPlaceholderText(tr("Not stored"));
}

void SecretField::showStored(SecretStore &secrets, const QString &key) {
    setPlaceholderText(tr("Reading the keychain…"));
    QPointer<SecretField> self(this);
    secrets.read(key).then(this, [self](const Result<std::optional<QString>> &secret) {
        if (!self)
            return;
        if (!secret) {
            self->setPlaceholderText(tr("Keychain unavailable: %1").arg(secret.error().message));
            self->setToolTip(secret.error().message);
            return;
        }
        self->m_stored = secret.value().value_or(QString());
        self->setPlaceholderText(
            self->m_stored.isEmpty()
                ? tr("Not stored")
                : tr("Stored: %1 (type to replace)").arg(masked(self->m_stored)));
    });
}

QFuture<Status> SecretField::save(SecretStore &secrets, const QString &key) const {
    if (typed().isEmpty())
        return readyFuture(Status{});
    return secrets.write(key, typed());
}

QString SecretField::masked(const QString &secret) {
    if (secret.size() <= 8)
        return QStringLiteral("…");
    const qsizetype underscore = secret.indexOf(QLatin1Char('_'));
    const QString prefix =
        underscore > 0 && underscore <= 8 ? secret.left(underscore + 1) : QString();
    return prefix + QStringLiteral("…") + secret.right(4);
}

} // namespace tagdesk::ui
