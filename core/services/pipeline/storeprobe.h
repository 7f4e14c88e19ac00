#pragma once

#include "domain/shopifystore.h"

#include <QFuture>
#include <QObject>

#include <memory>

namespace tagdesk {

// Asks a store who it is with credentials that are not saved yet (Settings' "Test
// connection"): its name, its domain and the token's scopes. A new question forgets the
// one before.
class StoreProbe : public QObject {
    Q_OBJECT
public:
    explicit StoreProbe(QObject *parent = nullptr);
    ~StoreProbe() override;

    QFuture<Result<ShopConnection>> identify(const ShopifyStore &store,
                                             const ShopifyCredentials &credentials);

private:
    struct Line; // the network access and the client, private to the pipeline
    std::unique_ptr<Line> m_line;
};

} // namespace tagdesk
