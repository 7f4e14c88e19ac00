#include "shopify/bulkmutation.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QPromise>
#include <QTimer>
#include <QUuid>

#include <memory>
#include <optional>

namespace tagdesk::bulkmutation {

namespace {
struct Texts {
    Q_DECLARE_TR_FUNCTIONS(BulkMutation)
};

struct Running {
    ShopifyClient *client = nullptr;
    QString document;
    QByteArray jsonl;
    qsizetype lines = 0;
    int pollMs = 1000;
    QPromise<Result<QList<QJsonObject>>> promise;

    void fail(const Error &e) {
        promise.addResult(Result<QList<QJsonObject>>(e));
        promise.finish();
    }
    QString shop() const { return client->store().domain(); }
};

using Run = std::shared_ptr<Running>;

QString firstUserError(const QJsonObject &payload) {
    const QJsonArray errors = payload.value(QLatin1String("userErrors")).toArray();
    return errors.isEmpty() ? QString()
                            : errors.first().toObject().value(QLatin1String("message")).toString();
}

void readResults(Run r, const QUrl &url) {
    HttpRequest request;
    request.url = url;
    request.purpose = Texts::tr("reading the results of a bulk update on %1").arg(r->shop());
    // An incomplete file is asked for again, as any malformed answer is. The last attempt's
    // reading is kept, so a file of thousands of lines is parsed once, not twice.
    auto parsed = std::make_shared<std::optional<QList<QJsonObject>>>();
    request.classify = [lines = r->lines, parsed](const HttpResponse &response) {
        AttemptOutcome outcome = HttpClient::classifyByStatus(response);
        *parsed = std::nullopt;
        if (outcome.kind != AttemptOutcome::Kind::Success)
            return outcome;
        *parsed = parseResults(response.body, lines);
        if (!*parsed)
            outcome.kind = AttemptOutcome::Kind::Malformed;
        return outcome;
    };
    r->client->http()->send(request).then(
        r->client, [r, parsed](const Result<HttpResponse> &answer) {
            if (!answer)
                return r->fail(answer.error());
            if (!answer->isSuccess())
                return r->fail(Error::failed(Texts::tr("%1 did not give the bulk update's results "
                                                       "(HTTP %2)")
                                                 .arg(r->shop())
                                                 .arg(answer->status)));
            if (!*parsed)
                return r->fail(Error::failed(
                    Texts::tr("The results of the bulk update on %1 could not be read: the file "
                              "does not answer each of its %n line(s)",
                              nullptr, int(r->lines))
                        .arg(r->shop())));
            r->promise.addResult(Result<QList<QJsonObject>>(std::move(**parsed)));
            r->promise.finish();
        });
}

void poll(Run r, const QString &id) {
    r->client->bulkOperation(id).then(r->client, [r, id](const Result<BulkOperationStatus> &s) {
        if (!s)
            return r->fail(s.error());
        if (!s->finished()) {
            QTimer::singleShot(r->pollMs, r->client, [r, id] { poll(r, id); });
            return;
        }
        if (s->status != QLatin1String("COMPLETED"))
            return r->fail(Error::failed(Texts::tr("The bulk update on %1 ended %2 (%3)")
                                             .arg(r->shop(), s->status, s->errorCode)));
        if (s->url.isEmpty()) // nothing ran, so nothing to read
            return r->fail(
                Error::failed(Texts::tr("The bulk update on %1 gave no results").arg(r->shop())));
        readResults(r, s->url);
    });
}

void start(Run r, const QString &stagedPath) {
    auto text = ShopifyClient::documentText(r->document);
    if (!text)
        return r->fail(text.error());
    r->client
        ->execute(QStringLiteral("BulkMutationRun"),
                  {{QStringLiteral("mutation"), text.value()},
                   {QStringLiteral("stagedUploadPath"), stagedPath}})
        .then(r->client, [r](const Result<QJsonObject> &data) {
            if (!data)
                return r->fail(data.error());
            const QJsonObject payload =
                data->value(QLatin1String("bulkOperationRunMutation")).toObject();
            if (const QString e = firstUserError(payload); !e.isEmpty())
                return r->fail(Error::failed(
                    Texts::tr("%1 would not start a bulk update: %2").arg(r->shop(), e)));
            const QString id = payload.value(QLatin1String("bulkOperation"))
                                   .toObject()
                                   .value(QLatin1String("id"))
                                   .toString();
            if (id.isEmpty())
                return r->fail(Error::failed(
                    Texts::tr("%1 started a bulk update without an id").arg(r->shop())));
            poll(r, id);
        });
}

void upload(Run r, const QJsonObject &target) {
    QList<std::pair<QString, QString>> parameters;
    QString key;
    for (const QJsonValue &v : target.value(QLatin1String("parameters")).toArray()) {
        const QString name = v.toObject().value(QLatin1String("name")).toString();
        const QString value = v.toObject().value(QLatin1String("value")).toString();
        parameters.append({name, value});
        if (name == QLatin1String("key"))
            key = value;
    }
    const QByteArray boundary = "tagdesk-" + QUuid::createUuid().toByteArray(QUuid::Id128);
    HttpRequest request;
    request.method = "POST";
    request.url = QUrl(target.value(QLatin1String("url")).toString());
    request.headers.append({"Content-Type", "multipart/form-data; boundary=" + boundary});
    request.body = multipartBody(parameters, r->jsonl, boundary);
    request.purpose = Texts::tr("uploading a bulk update to %1").arg(r->shop());
    r->client->http()->send(request).then(r->client, [r, key](const Result<HttpResponse> &sent) {
        if (!sent)
            return r->fail(sent.error());
        if (!sent->isSuccess())
            return r->fail(Error::failed(Texts::tr("%1 refused the bulk update's upload (HTTP %2)")
                                             .arg(r->shop())
                                             .arg(sent->status)));
        start(r, key);
    });
}
} // namespace

// The results file of a bulk mutation holds one JSON line per line of variables, each
// with the __lineNumber of the line it answers: its `data`, or its `errors`
// (shopify.dev/docs/api/usage/bulk-operations/imports). A file lacking some of them was cut
// short or is something else served with 200 (an error page): nullopt, never "those lines
// did not run" — the mutation ran, and which of its lines landed is not known from it.
std::optional<QList<QJsonObject>> parseResults(const QByteArray &body, qsizetype lines) {
    QList<QJsonObject> out(lines);
    QList<bool> seen(lines, false);
    qsizetype found = 0;
    for (const QByteArray &line : body.split('\n')) {
        if (line.trimmed().isEmpty())
            continue;
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        const qsizetype index = o.value(QLatin1String("__lineNumber")).toInteger(-1);
        if (index < 0 || index >= lines || seen.at(index))
            continue;
        seen[index] = true;
        ++found;
        out[index] =
            o.contains(QLatin1String("data"))
                ? o.value(QLatin1String("data")).toObject()
                : QJsonObject{{QStringLiteral("errors"), o.value(QLatin1String("errors"))}};
    }
    if (found < lines)
        return std::nullopt;
    return out;
}

QByteArray multipartBody(const QList<std::pair<QString, QString>> &parameters,
                         const QByteArray &file, const QByteArray &boundary) {
    QByteArray body;
    for (const auto &[name, value] : parameters) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + name.toUtf8() + "\"\r\n\r\n";
        body += value.toUtf8() + "\r\n";
    }
    body += "--" + boundary + "\r\n";
    body += "Content-Disposition: form-data; name=\"file\"; filename=\"variables.jsonl\"\r\n";
    body += "Content-Type: text/jsonl\r\n\r\n";
    body += file + "\r\n";
    body += "--" + boundary + "--\r\n";
    return body;
}

QFuture<Result<QList<QJsonObject>>> run(ShopifyClient *client, const QString &document,
                                        const QList<QJsonObject> &variables, int pollMs) {
    auto r = std::make_shared<Running>();
    r->client = client;
    r->document = document;
    r->lines = variables.size();
    r->pollMs = pollMs;
    for (const QJsonObject &v : variables)
        r->jsonl += QJsonDocument(v).toJson(QJsonDocument::Compact) + '\n';
    r->promise.start();
    QFuture<Result<QList<QJsonObject>>> future = r->promise.future();
    if (variables.isEmpty()) {
        r->promise.addResult(Result<QList<QJsonObject>>(QList<QJsonObject>{}));
        r->promise.finish();
        return future;
    }
    const QJsonObject input{{QStringLiteral("resource"), QStringLiteral("BULK_MUTATION_VARIABLES")},
                            {QStringLiteral("filename"), QStringLiteral("variables.jsonl")},
                            {QStringLiteral("mimeType"), QStringLiteral("text/jsonl")},
                            {QStringLiteral("httpMethod"), QStringLiteral("POST")}};
    client
        ->execute(QStringLiteral("StagedUploadsCreate"),
                  {{QStringLiteral("input"), QJsonArray{input}}})
        .then(client, [r](const Result<QJsonObject> &data) {
            if (!data)
                return r->fail(data.error());
            const QJsonObject payload =
                data->value(QLatin1String("stagedUploadsCreate")).toObject();
            if (const QString e = firstUserError(payload); !e.isEmpty())
                return r->fail(Error::failed(
                    Texts::tr("%1 gave no place to upload a bulk update: %2").arg(r->shop(), e)));
            const QJsonObject target =
                payload.value(QLatin1String("stagedTargets")).toArray().first().toObject();
            if (target.isEmpty())
                return r->fail(Error::failed(
                    Texts::tr("%1 gave no place to upload a bulk update").arg(r->shop())));
            upload(r, target);
        });
    return future;
}

} // namespace tagdesk::bulkmutation
