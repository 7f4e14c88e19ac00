#pragma once

#include "domain/secretstore.h"

#include <QLineEdit>

namespace tagdesk::ui {

// A field for a token, key or password. What is stored is never shown back: the field
// stays empty with "Stored: shpat_…1234" as its placeholder; typing replaces the secret,
// leaving it empty keeps it.
class SecretField : public QLineEdit {
    Q_OBJECT
public:
    explicit SecretField(QWidget *parent = nullptr);

    // Reads the stored secret under `key` to describe it (asynchronously).
    void showStored(SecretStore &secrets, const QString &key);
    // What the user typed, or empty to keep the stored secret.
    QString typed() const { return text().trimmed(); }
    // The stored secret as read, if any (for "Test connection" when nothing was typed).
    const QString &stored() const { return m_stored; }
    // Saves what was typed under `key`; nothing typed saves nothing.
    QFuture<Status> save(SecretStore &secrets, const QString &key) const;

    // "shpat_…1234": enough to recognise a secret, not enough to use it.
    static QString masked(const QString &secret);

private:
    QString m_stored;
};

} // namespace tagdesk::ui
