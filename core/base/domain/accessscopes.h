#pragma once

#include "domain/destination.h"
#include "util/result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace tagdesk {

// What a piece of work does with the store: a run only reads products; a sync or a revert
// writes them.
enum class StoreAccess { Read, Write };

// One Admin API access scope Tagdesk needs, and what for ("writing image alt text").
struct RequiredScope {
    QString handle;
    QString purpose;

    bool operator==(const RequiredScope &) const = default;
};

// The one list of the access scopes a job needs from the store's token
// (https://shopify.dev/docs/api/usage/access-scopes), from the places its values are
// written: read_products to read its products; to write them, write_products, and
// write_files as well for image alt text (fileUpdate, Tagdesk's alt-text write, asks for
// write_files: https://shopify.dev/docs/api/admin-graphql/latest/mutations/fileUpdate).
// Reads come first. A destination that needs other scopes adds them here.
QList<RequiredScope> requiredScopes(Destinations destinations, StoreAccess access);

// Whether `granted` (the token's scopes, as Shopify lists them) includes `handle`. A write
// scope implies its read scope: write_products grants read_products
// (https://shopify.dev/docs/api/usage/access-scopes).
bool scopeGranted(const QStringList &granted, const QString &handle);

// The scopes of `required` that `granted` lacks, in order.
QList<RequiredScope> missingScopes(const QList<RequiredScope> &required,
                                   const QStringList &granted);

// "The token for acme.myshopify.com lacks write_files, which writing image alt text needs.
// Give the app that access scope in the Shopify admin." — a ScopeMissing error naming it.
Error scopeMissingError(const QString &shopDomain, const RequiredScope &missing);

} // namespace tagdesk
