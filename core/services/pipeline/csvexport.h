#pragma once

#include "domain/job.h"
#include "storage/connection.h"

#include <QIODevice>
#include <QStringList>

namespace tagdesk {

// A job as a spreadsheet: one row per product, with Shopify's product-CSV column names
// where they exist (URL handle, Title, Tags, Type, Product category, Image alt text,
// "Colour (product.metafields.tagdesk.colour)", and for a job that writes category
// metafields "Color (product.metafields.shopify.color-pattern)" and the like) holding the
// values Tagdesk would write (the current ones where it writes nothing), then each
// attribute's suggestion, confidence and decision. UTF-8 with a byte-order mark and
// RFC 4180 quoting, so spreadsheets open it cleanly.
namespace csvexport {

// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
QString field(const QString &value);
QString row(const QStringList &fields); // with CRLF

// Writes the job to `device`; gives the number of product rows.
Result<int> write(Connection &conn, const Job &job, QIODevice &device);
// Writes the job to `path` atomically: a failed export leaves an older file intact.
Result<int> writeFile(Connection &conn, const Job &job, const QString &path);

} // namespace csvexport
} // namespace tagdesk
