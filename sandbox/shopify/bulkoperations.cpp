#include "shopify/bulkoperations.h"

#include "graphql/executor.h"
#include "graphql/parser.h"
#include "graphql/validator.h"
#include "shopify/gid.h"
#include "shopify/shopcontext.h"
#include "shopify/shopifyschema.h"
#include "shopify/stageduploads.h"
#include "shopify/store.h"

#include <QJsonDocument>
#include <QTimer>

namespace tagdesk::sandbox {

using namespace graphql;

namespace {

constexpr int maxConcurrentOperations = 5; // 2026-01: five bulk operations per shop
constexpr int maxConnections = 5;
constexpr int maxNestedConnectionLevels = 2;

bool isConnectionType(const Schema &schema, const QString &type) {
    const TypeDef *t = schema.type(type);
    return t && !t->connectionNode.isEmpty() && !t->connectionEdge;
}

// Counts connection fields and how deeply they nest below the top-level one.
void measureConnections(const Schema &schema, const Document &doc, const SelectionSet &set,
                        const TypeDef &parent, int level, int &count, int &deepest) {
    for (const Selection &s : set) {
        if (s.kind == Selection::Kind::FragmentSpread) {
            auto f = doc.fragments.constFind(s.name);
            if (f != doc.fragments.constEnd())
                if (const TypeDef *t = schema.type(f->typeCondition))
                    measureConnections(schema, doc, f->selections, *t, level, count, deepest);
            continue;
        }
        if (s.kind == Selection::Kind::InlineFragment) {
            const TypeDef *t = s.typeCondition.isEmpty() ? &parent : schema.type(s.typeCondition);
            if (t)
                measureConnections(schema, doc, s.selections, *t, level, count, deepest);
            continue;
        }
        const FieldDef *f = parent.field(s.name);
        const TypeDef *t = f ? schema.type(f->type.named) : nullptr;
        if (!t || t->isLeaf())
            continue;
        int next = level;
        if (isConnectionType(schema, t->name)) {
            ++count;
            deepest = std::max(deepest, level);
            next = level + 1;
        }
        measureConnections(schema, doc, s.selections, *t, next, count, deepest);
    }
}

} // namespace

struct BulkOperations::Operation {
    Info info;
    qint64 number = 0;
    QStringList scopes;
    bool cancelRequested = false;
    QByteArray result;
    // Query operations.
    std::unique_ptr<Document> document;
    std::unique_ptr<Executor> executor;
    std::shared_ptr<const ConnectionPage> roots;
    QList<const SelectionSet *> rootNodeSets;
    qsizetype nextRoot = 0;
    bool grouped = false;
    QByteArray children; // ungrouped: the child lines, written after every parent

    // Mutation operations.
    QString mutation;
    QList<QJsonObject> lines;
    qsizetype nextLine = 0;
};

BulkOperations::BulkOperations(const Schema &schema, ShopContext &context, StagedUploads &uploads,
                               LineRunner runner, QObject *parent)
    : QObject(parent)
    , m_schema(schema)
    , m_context(context)
    , m_uploads(uploads)
    , m_runner(std::move(runner)) {
}

BulkOperations::~BulkOperations() = default;

int BulkOperations::running() const {
    int n = 0;
    for (const auto &op : m_operations)
        if (op->info.status == QLatin1String("CREATED") ||
            op->info.status == QLatin1String("RUNNING") ||
            op->info.status == QLatin1String("CANCELING"))
            ++n;
    return n;
}

BulkOperations::StartResult
BulkOperations::startQuery(const QString &query, const QStringList &scopes, bool groupObjects) {
    StartResult r;
    r.field = {QStringLiteral("query")};
    r.code = QStringLiteral("INVALID");
    auto parsed = parseDocument(query);
    if (auto *e = std::get_if<GraphQLError>(&parsed)) {
        r.error = QStringLiteral("Invalid bulk query: %1").arg(e->message);
        return r;
    }
    auto doc = std::make_unique<Document>(std::get<Document>(std::move(parsed)));
    if (doc->operations.size() != 1 || doc->operations.first().type != QLatin1String("query")) {
        r.error = QStringLiteral("Invalid bulk query: the document must contain exactly one query");
        return r;
    }
    const graphql::Operation &op = doc->operations.first();
    if (!op.variables.isEmpty()) {
        r.error = QStringLiteral("Invalid bulk query: bulk queries cannot take variables");
        return r;
    }
    const QList<GraphQLError> errors = validate(m_schema, *doc, op, {});
    if (!errors.isEmpty()) {
        r.error = QStringLiteral("Invalid bulk query: %1").arg(errors.first().message);
        return r;
    }
    const TypeDef &root = *m_schema.type(m_schema.queryType);
    auto executor = std::make_unique<Executor>(m_schema, *doc, QJsonObject{});
    executor->setUnboundedConnections(true);
    const auto fields = executor->collectFields(root.name, {&op.selections});
    for (const auto &f : fields) {
        const QString name = f.selections.first()->name;
        if (name == QLatin1String("node") || name == QLatin1String("nodes")) {
            r.error = QStringLiteral("Bulk queries cannot contain top level `node` or `nodes` "
                                     "fields.");
            return r;
        }
    }
    const FieldDef *rootField =
        fields.size() == 1 ? root.field(fields.first().selections.first()->name) : nullptr;
    if (!rootField || !isConnectionType(m_schema, rootField->type.named)) {
        r.error = QStringLiteral("Invalid bulk query: the query must have exactly one top-level "
                                 "field, and it must be a connection.");
        return r;
    }
    int connections = 0;
    int deepest = 0;
    measureConnections(m_schema, *doc, op.selections, root, 0, connections, deepest);
    if (connections > maxConnections) {
        r.error = QStringLiteral("Bulk queries cannot contain more than %1 connections.")
                      .arg(maxConnections);
        return r;
    }
    if (deepest > maxNestedConnectionLevels) {
        r.error = QStringLiteral("Bulk queries cannot contain connections with a nesting depth "
                                 "greater than %1.")
                      .arg(maxNestedConnectionLevels);
        return r;
    }
    if (running() >= maxConcurrentOperations)
        return limitReached(r);
    auto operation = newOperation(QStringLiteral("QUERY"), query, scopes);
    operation->document = std::move(doc);
    operation->executor = std::move(executor);
    operation->grouped = groupObjects;
    m_operations.append(operation);
    schedule(operation);
    return {operation->info.id, {}, {}, {}};
}

BulkOperations::StartResult BulkOperations::limitReached(StartResult r) const {
    r.code = QStringLiteral("LIMIT_REACHED");
    r.error = QStringLiteral("A maximum of %1 bulk operations can run at once for this app "
                             "and shop.")
                  .arg(maxConcurrentOperations);
    return r;
}

std::shared_ptr<BulkOperations::Operation> BulkOperations::newOperation(const QString &type,
                                                                        const QString &document,
                                                                        const QStringList &scopes) {
    auto operation = std::make_shared<Operation>();
    operation->number = m_next++;
    operation->info.id = gidFor(u"BulkOperation", operation->number);
    operation->info.type = type;
    operation->info.status = QStringLiteral("CREATED");
    operation->info.createdAt = m_context.store.now();
    operation->info.query = document;
    operation->scopes = scopes;
    return operation;
}

BulkOperations::StartResult BulkOperations::startMutation(const QString &mutation,
                                                          const QString &stagedUploadPath,
                                                          const QStringList &scopes) {
    StartResult r;
    r.field = {QStringLiteral("mutation")};
    r.code = QStringLiteral("INVALID_MUTATION");
    auto parsed = parseDocument(mutation);
    if (auto *e = std::get_if<GraphQLError>(&parsed)) {
        r.error = QStringLiteral("Failed to parse the mutation - %1").arg(e->message);
        return r;
    }
    const Document doc = std::get<Document>(std::move(parsed));
    if (doc.operations.size() != 1 || doc.operations.first().type != QLatin1String("mutation")) {
        r.error = QStringLiteral("The document must contain exactly one mutation operation.");
        return r;
    }
    const graphql::Operation &op = doc.operations.first();
    QList<GraphQLError> errors = validate(m_schema, doc, op, {});
    if (!errors.isEmpty()) {
        r.error = QStringLiteral("Invalid mutation: %1").arg(errors.first().message);
        return r;
    }
    int rootFields = 0;
    for (const Selection &s : op.selections)
        rootFields += s.kind == Selection::Kind::Field ? 1 : 0;
    if (rootFields != 1) {
        r.error = QStringLiteral("Bulk mutations must contain exactly one mutation field.");
        return r;
    }
    const auto file = m_uploads.file(stagedUploadPath);
    if (!file) {
        r.field = {QStringLiteral("stagedUploadPath")};
        r.code = QStringLiteral("NO_SUCH_FILE");
        r.error = QStringLiteral("The JSONL file could not be found. Try uploading the file "
                                 "again, and check that you've entered the URL correctly for the "
                                 "stagedUploadPath mutation argument.");
        return r;
    }
    QList<QJsonObject> lines;
    const QList<QByteArray> raw = file->split('\n');
    for (qsizetype i = 0; i < raw.size(); ++i) {
        const QByteArray line = raw.at(i).trimmed();
        if (line.isEmpty() && i == raw.size() - 1)
            break;
        const QJsonDocument vars = QJsonDocument::fromJson(line);
        if (!vars.isObject()) {
            r.field = {QStringLiteral("stagedUploadPath")};
            r.code = QStringLiteral("INVALID_STAGED_UPLOAD_FILE");
            r.error = QStringLiteral("The staged upload file is not valid JSONL: line %1 is not "
                                     "a JSON object.")
                          .arg(i + 1);
            return r;
        }
        lines.append(vars.object());
    }
    if (running() >= maxConcurrentOperations)
        return limitReached(r);
    auto operation = newOperation(QStringLiteral("MUTATION"), mutation, scopes);
    operation->mutation = mutation;
    operation->lines = std::move(lines);
    m_operations.append(operation);
    schedule(operation);
    return {operation->info.id, {}, {}, {}};
}

QString BulkOperations::cancel(const QString &id) {
    for (const auto &op : std::as_const(m_operations)) {
        if (op->info.id != id)
            continue;
        if (op->info.status != QLatin1String("CREATED") &&
            op->info.status != QLatin1String("RUNNING"))
            return QStringLiteral("A bulk operation cannot be canceled when it is %1")
                .arg(op->info.status.toLower());
        op->cancelRequested = true;
        op->info.status = QStringLiteral("CANCELING");
        schedule(op); // stop at once rather than after a slice delay
        return {};
    }
    return QStringLiteral("Bulk operation does not exist");
}

void BulkOperations::schedule(const std::shared_ptr<Operation> &op, int delayMs) {
    QTimer::singleShot(delayMs, this, [this, op] { runSlice(op); });
}

void BulkOperations::runSlice(const std::shared_ptr<Operation> &op) {
    if (op->info.completedAt.isValid())
        return; // finished (or canceled) while this slice was waiting
    if (op->cancelRequested) {
        finish(*op, QStringLiteral("CANCELED"));
        return;
    }
    op->info.status = QStringLiteral("RUNNING");
    if (op->info.type == QLatin1String("QUERY"))
        runQuerySlice(*op);
    else
        runMutationSlice(*op);
    if (op->info.status == QLatin1String("RUNNING"))
        schedule(op, m_sliceDelayMs);
}

void BulkOperations::runQuerySlice(Operation &op) {
    Executor &ex = *op.executor;
    const graphql::Operation &gqlOp = op.document->operations.first();
    auto isConnection = [this](const FieldDef &f) {
        return isConnectionType(m_schema, f.type.named);
    };
    // The selections that apply to one node of a connection field.
    auto nodeSets = [&ex, this](const Executor::CollectedField &connection,
                                const QString &connectionType) {
        QList<const SelectionSet *> sets;
        const TypeDef *conn = m_schema.type(connectionType);
        for (const auto &f :
             ex.collectFields(connectionType, Executor::subSelections(connection))) {
            const QString name = f.selections.first()->name;
            if (name == QLatin1String("nodes"))
                sets.append(Executor::subSelections(f));
            if (name == QLatin1String("edges"))
                for (const auto &e : ex.collectFields(conn->connectionNode + QStringLiteral("Edge"),
                                                      Executor::subSelections(f)))
                    if (e.selections.first()->name == QLatin1String("node"))
                        sets.append(Executor::subSelections(e));
        }
        return sets;
    };
    if (!op.roots) {
        const auto fields = ex.collectFields(m_schema.queryType, {&gqlOp.selections});
        const Executor::CollectedField &rootField = fields.first();
        const FieldDef *def = nullptr;
        const Resolved roots = ex.resolve(ObjectRef{m_schema.queryType, {}}, rootField, &def);
        if (roots.kind != Resolved::Kind::Connection || !def) {
            op.info.errorCode = QStringLiteral("INTERNAL_SERVER_ERROR");
            finish(op, QStringLiteral("FAILED"));
            return;
        }
        op.roots = roots.page;
        op.rootNodeSets = nodeSets(rootField, def->type.named);
    }
    std::function<void(const ObjectRef &, const QList<const SelectionSet *> &, const QString &)>
        writeNode = [&](const ObjectRef &object, const QList<const SelectionSet *> &sets,
                        const QString &parentId) {
            JsonWriter line;
            QJsonArray path;
            ex.writeObject(object, sets, line, path, isConnection, [&](JsonWriter &w) {
                if (!parentId.isEmpty()) {
                    w.key(QStringLiteral("__parentId"));
                    w.value(parentId);
                }
            });
            QByteArray &out = op.grouped || parentId.isEmpty() ? op.result : op.children;
            out += line.data();
            out += '\n';
            ++op.info.objectCount;
            const TypeDef *type = m_schema.type(object.type);
            QString id;
            for (const auto &f : ex.collectFields(object.type, sets)) {
                const FieldDef *def = type->field(f.selections.first()->name);
                if (!def || !isConnection(*def))
                    continue;
                const Resolved children = ex.resolve(object, f);
                if (children.kind != Resolved::Kind::Connection)
                    continue;
                if (id.isEmpty()) {
                    const QJsonObject noArgs;
                    id = type->field(QStringLiteral("id"))
                             ->resolve(ResolveInfo{object.source, noArgs, true})
                             .leaf.toString();
                }
                const auto childSets = nodeSets(f, def->type.named);
                for (const ObjectRef &child : children.page->nodes)
                    writeNode(child, childSets, id);
            }
        };
    const qsizetype end = std::min(op.roots->nodes.size(), op.nextRoot + m_sliceSize);
    for (; op.nextRoot < end; ++op.nextRoot) {
        writeNode(op.roots->nodes.at(op.nextRoot), op.rootNodeSets, {});
        ++op.info.rootObjectCount;
    }
    if (op.nextRoot >= op.roots->nodes.size())
        finish(op, QStringLiteral("COMPLETED"));
}

void BulkOperations::runMutationSlice(Operation &op) {
    const qsizetype end = std::min(op.lines.size(), op.nextLine + m_sliceSize);
    for (; op.nextLine < end; ++op.nextLine) {
        QByteArray answer = m_runner(op.mutation, op.lines.at(op.nextLine), op.scopes).trimmed();
        if (answer.endsWith('}'))
            answer.chop(1);
        op.result += answer;
        op.result += ",\"__lineNumber\":" + QByteArray::number(op.nextLine) + "}\n";
        ++op.info.objectCount;
        ++op.info.rootObjectCount;
    }
    if (op.nextLine >= op.lines.size())
        finish(op, QStringLiteral("COMPLETED"));
}

void BulkOperations::finish(Operation &op, const QString &status) {
    op.result += std::exchange(op.children, QByteArray());
    op.info.status = status;
    op.info.completedAt = m_context.store.now();
    op.info.fileSize = op.result.size();
    if (!op.result.isEmpty())
        op.info.url = m_context.baseUrl + QStringLiteral("/_sandbox/bulk/%1.jsonl").arg(op.number);
    op.executor.reset();
    op.roots.reset();
    Q_EMIT finished(op.info.id);
}

std::optional<BulkOperations::Info> BulkOperations::info(const QString &id) const {
    for (const auto &op : m_operations)
        if (op->info.id == id)
            return op->info;
    return std::nullopt;
}

QString BulkOperations::currentId(const QString &type) const {
    for (auto it = m_operations.crbegin(); it != m_operations.crend(); ++it)
        if ((*it)->info.type == type)
            return (*it)->info.id;
    return {};
}

std::optional<QByteArray> BulkOperations::result(qint64 number) const {
    for (const auto &op : m_operations)
        if (op->number == number && !op->info.url.isEmpty())
            return op->result;
    return std::nullopt;
}

Resolved bulkOperationObject(ShopContext &context, const QString &id) {
    const auto info = context.bulk ? context.bulk->info(id) : std::nullopt;
    if (!info)
        return Resolved::null();
    auto optional = [](const QString &v) {
        return v.isEmpty() ? Resolved::null() : Resolved::value(v);
    };
    Record r;
    r.insert(QStringLiteral("id"), Resolved::value(info->id));
    r.insert(QStringLiteral("type"), Resolved::value(info->type));
    r.insert(QStringLiteral("status"), Resolved::value(info->status));
    r.insert(QStringLiteral("errorCode"), optional(info->errorCode));
    r.insert(QStringLiteral("createdAt"), Resolved::value(isoTime(info->createdAt)));
    r.insert(QStringLiteral("completedAt"), optional(isoTime(info->completedAt)));
    r.insert(QStringLiteral("objectCount"), Resolved::value(QString::number(info->objectCount)));
    r.insert(QStringLiteral("rootObjectCount"),
             Resolved::value(QString::number(info->rootObjectCount)));
    r.insert(QStringLiteral("fileSize"), info->completedAt.isValid()
                                             ? Resolved::value(QString::number(info->fileSize))
                                             : Resolved::null());
    r.insert(QStringLiteral("url"), optional(info->url));
    r.insert(QStringLiteral("partialDataUrl"), Resolved::null());
    r.insert(QStringLiteral("query"), Resolved::value(info->query));
    return Resolved::objectOf(QStringLiteral("BulkOperation"), r);
}

} // namespace tagdesk::sandbox
