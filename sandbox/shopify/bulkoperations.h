#pragma once

#include "graphql/ast.h"
#include "graphql/schema.h"
#include "util/jsonwriter.h"

#include <QDateTime>
#include <QObject>

#include <functional>
#include <memory>

namespace tagdesk::sandbox {

class ShopifyStore;
class StagedUploads;
struct ShopContext;

// Shopify bulk operations: a query run over the whole store, its result written as JSONL
// (nested connections as lines of their own carrying __parentId: with groupObjects right
// under their parent, without it after every parent, as Shopify does not promise where
// they come — https://shopify.dev/docs/api/usage/bulk-operations/queries), or a
// mutation run once per line of an uploaded JSONL file, with one result line per input
// line carrying __lineNumber. Work runs in slices on the event loop, so an operation is
// CREATED, then RUNNING, then COMPLETED while the server keeps answering.
class BulkOperations : public QObject {
    Q_OBJECT
public:
    // Runs one mutation document with one line's variables; returns the answer object as
    // JSON ({"data":…} and maybe "errors").
    using LineRunner = std::function<QByteArray(
        const QString &mutation, const QJsonObject &variables, const QStringList &scopes)>;

    BulkOperations(const graphql::Schema &schema, ShopContext &context, StagedUploads &uploads,
                   LineRunner runner, QObject *parent = nullptr);
    ~BulkOperations() override;

    struct StartResult {
        QString id; // empty on failure
        QStringList field;
        QString error;
        QString code;
    };
    StartResult startQuery(const QString &query, const QStringList &scopes, bool groupObjects);
    StartResult startMutation(const QString &mutation, const QString &stagedUploadPath,
                              const QStringList &scopes);
    QString cancel(const QString &id); // empty on success, else why not

    struct Info {
        QString id;
        QString type; // QUERY, MUTATION
        QString status;
        QString errorCode;
        QDateTime createdAt;
        QDateTime completedAt;
        qint64 objectCount = 0;
        qint64 rootObjectCount = 0;
        qint64 fileSize = 0;
        QString url;
        QString query;
    };
    std::optional<Info> info(const QString &id) const;
    // The most recent operation of a type (currentBulkOperation).
    QString currentId(const QString &type) const;
    // The JSONL of a finished operation, by the number in its download URL.
    std::optional<QByteArray> result(qint64 number) const;

    // Rows handled per slice of event-loop time.
    void setSliceSize(int rows) { m_sliceSize = std::max(1, rows); }
    // Time between slices; the first slice starts at once.
    void setSliceDelay(int ms) { m_sliceDelayMs = std::max(0, ms); }

Q_SIGNALS:
    void finished(const QString &id);

private:
    struct Operation;
    void schedule(const std::shared_ptr<Operation> &op, int delayMs = 0);
    void runSlice(const std::shared_ptr<Operation> &op);
    void runQuerySlice(Operation &op);
    void runMutationSlice(Operation &op);
    void finish(Operation &op, const QString &status);
    int running() const;
    StartResult limitReached(StartResult result) const;
    std::shared_ptr<Operation> newOperation(const QString &type, const QString &document,
                                            const QStringList &scopes);

    const graphql::Schema &m_schema;
    ShopContext &m_context;
    StagedUploads &m_uploads;
    LineRunner m_runner;
    QList<std::shared_ptr<Operation>> m_operations;
    qint64 m_next = 1;
    int m_sliceSize = 500;
    int m_sliceDelayMs = 0;
};

graphql::Resolved bulkOperationObject(ShopContext &context, const QString &id);

} // namespace tagdesk::sandbox
