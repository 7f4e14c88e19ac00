#include "server/faults.h"

#include "server/adminendpoints.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>

#include <cstring>

namespace tagdesk::sandbox {

bool ServiceFaults::any() const {
    return errorRate > 0 || latencyMaxMs > 0 || hangRate > 0 || dropRate > 0 || malformedRate > 0 ||
           busyRate > 0 || (stormEvery > 0 && stormLength > 0);
}

const QStringList &FaultPlan::serviceNames() {
    static const QStringList names{QStringLiteral("shopify"), QStringLiteral("ximilar"),
                                   QStringLiteral("pixyle"), QStringLiteral("openai"),
                                   QStringLiteral("images")};
    return names;
}

namespace {

// Sets one named setting; an error names what was wrong.
Status setFault(ServiceFaults &f, const QString &key, const QJsonValue &value,
                const QString &where) {
    auto rate = [&](double &target) -> Status {
        const double v = value.toDouble(-1);
        if (!value.isDouble() || v < 0 || v > 1)
            return Error::invalid(
                QStringLiteral("%1: %2 must be a number from 0 to 1").arg(where, key));
        target = v;
        return {};
    };
    auto count = [&](int &target) -> Status {
        if (!value.isDouble() || value.toDouble() < 0)
            return Error::invalid(
                QStringLiteral("%1: %2 must be a whole number ≥ 0").arg(where, key));
        target = value.toInt();
        return {};
    };
    if (key == QLatin1String("errorRate"))
        return rate(f.errorRate);
    if (key == QLatin1String("hangRate"))
        return rate(f.hangRate);
    if (key == QLatin1String("dropRate"))
        return rate(f.dropRate);
    if (key == QLatin1String("malformedRate"))
        return rate(f.malformedRate);
    if (key == QLatin1String("busyRate"))
        return rate(f.busyRate);
    if (key == QLatin1String("errorStatus")) {
        const int s = value.toInt();
        if (s < 400 || s > 599)
            return Error::invalid(
                QStringLiteral("%1: errorStatus must be an HTTP status from 400 to 599")
                    .arg(where));
        f.errorStatus = s;
        return {};
    }
    if (key == QLatin1String("latencyMs")) {
        const QJsonArray range = value.toArray();
        if (range.size() != 2 || range.at(0).toInt(-1) < 0 ||
            range.at(1).toInt(-1) < range.at(0).toInt())
            return Error::invalid(
                QStringLiteral("%1: latencyMs must be [min, max] in milliseconds").arg(where));
        f.latencyMinMs = range.at(0).toInt();
        f.latencyMaxMs = range.at(1).toInt();
        return {};
    }
    if (key == QLatin1String("retryAfterSeconds")) {
        const double v = value.toDouble(-1);
        if (!value.isDouble() || v < 0 || v > 3600)
            return Error::invalid(
                QStringLiteral("%1: retryAfterSeconds must be from 0 to 3600 seconds").arg(where));
        f.retryAfterSeconds = v;
        return {};
    }
    if (key == QLatin1String("operations")) {
        // A JSON array, or one string of names joined by '+' (the --fault form).
        const QStringList names = value.isArray()
                                      ? value.toVariant().toStringList()
                                      : value.toString().split(u'+', Qt::SkipEmptyParts);
        if (names.isEmpty())
            return Error::invalid(
                QStringLiteral("%1: operations must name GraphQL operations").arg(where));
        f.operations = names;
        return {};
    }
    if (key == QLatin1String("stormEvery"))
        return count(f.stormEvery);
    if (key == QLatin1String("stormLength"))
        return count(f.stormLength);
    return Error::invalid(QStringLiteral("%1: unknown fault setting '%2' (known: errorRate, "
                                         "errorStatus, latencyMs, hangRate, dropRate, "
                                         "malformedRate, stormEvery, stormLength, "
                                         "retryAfterSeconds, operations)")
                              .arg(where, key));
}

Status checkEditFields(const QJsonObject &fields, const QString &where) {
    static const QStringList known{
        QStringLiteral("title"),           QStringLiteral("tags"),    QStringLiteral("productType"),
        QStringLiteral("descriptionHtml"), QStringLiteral("vendor"),  QStringLiteral("status"),
        QStringLiteral("totalInventory"),  QStringLiteral("category")};
    for (auto it = fields.begin(); it != fields.end(); ++it)
        if (!known.contains(it.key()) && !isMetafieldEdit(it.key()))
            return Error::invalid(QStringLiteral("%1: cannot edit '%2' (editable: %3)")
                                      .arg(where, it.key(), known.join(QStringLiteral(", "))));
    return {};
}

} // namespace

Result<FaultPlan> FaultPlan::fromJson(const QByteArray &json, const QString &name) {
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (!doc.isObject())
        return Error::invalid(
            QStringLiteral("%1 is not a JSON object: %2").arg(name, parseError.errorString()));
    const QJsonObject root = doc.object();
    FaultPlan plan;
    for (auto it = root.begin(); it != root.end(); ++it)
        if (it.key() != QLatin1String("seed") && it.key() != QLatin1String("services") &&
            it.key() != QLatin1String("remoteEdits"))
            return Error::invalid(QStringLiteral("%1: unknown key '%2' (known: seed, services, "
                                                 "remoteEdits)")
                                      .arg(name, it.key()));
    plan.seed = quint64(root.value(QStringLiteral("seed")).toDouble(1));
    const QJsonObject services = root.value(QStringLiteral("services")).toObject();
    for (auto it = services.begin(); it != services.end(); ++it) {
        if (!serviceNames().contains(it.key()))
            return Error::invalid(
                QStringLiteral("%1: unknown service '%2' (known: %3)")
                    .arg(name, it.key(), serviceNames().join(QStringLiteral(", "))));
        ServiceFaults f;
        const QJsonObject settings = it.value().toObject();
        for (auto s = settings.begin(); s != settings.end(); ++s)
            if (Status st =
                    setFault(f, s.key(), s.value(), name + QStringLiteral(" services.") + it.key());
                !st)
                return st.error();
        plan.services.insert(it.key(), f);
    }
    const QJsonArray edits = root.value(QStringLiteral("remoteEdits")).toArray();
    for (qsizetype i = 0; i < edits.size(); ++i) {
        const QJsonObject e = edits.at(i).toObject();
        const QString where = QStringLiteral("%1 remoteEdits[%2]").arg(name).arg(i);
        RemoteEdit edit;
        edit.product = e.value(QStringLiteral("product")).toString();
        edit.afterRequests = e.value(QStringLiteral("afterRequests")).toInt(1);
        edit.beforeOperation = e.value(QStringLiteral("beforeOperation")).toString();
        edit.service = e.value(QStringLiteral("service")).toString(QStringLiteral("shopify"));
        edit.fields = e.value(QStringLiteral("set")).toObject();
        if (!edit.product.startsWith(QLatin1String("gid://shopify/Product/")))
            return Error::invalid(
                QStringLiteral("%1: product must be a gid://shopify/Product/… id").arg(where));
        if (!serviceNames().contains(edit.service))
            return Error::invalid(
                QStringLiteral("%1: unknown service '%2'").arg(where, edit.service));
        if (edit.fields.isEmpty())
            return Error::invalid(
                QStringLiteral("%1: \"set\" must name the fields to change").arg(where));
        if (Status st = checkEditFields(edit.fields, where); !st)
            return st.error();
        plan.remoteEdits.append(edit);
    }
    return plan;
}

Status FaultPlan::addFlag(const QString &spec) {
    const qsizetype colon = spec.indexOf(u':');
    const QString service = spec.left(colon);
    if (colon < 0 || !serviceNames().contains(service))
        return Error::invalid(QStringLiteral("--fault %1: expected SERVICE:key=value,… with "
                                             "SERVICE one of %2")
                                  .arg(spec, serviceNames().join(QStringLiteral(", "))));
    ServiceFaults &f = services[service];
    for (const QString &pair : spec.mid(colon + 1).split(u',', Qt::SkipEmptyParts)) {
        const QString key = pair.section(u'=', 0, 0).trimmed();
        const QString value = pair.section(u'=', 1).trimmed();
        static const QHash<QString, QString> shortNames{
            {QStringLiteral("error"), QStringLiteral("errorRate")},
            {QStringLiteral("status"), QStringLiteral("errorStatus")},
            {QStringLiteral("hang"), QStringLiteral("hangRate")},
            {QStringLiteral("drop"), QStringLiteral("dropRate")},
            {QStringLiteral("malformed"), QStringLiteral("malformedRate")},
            {QStringLiteral("busy"), QStringLiteral("busyRate")},
            {QStringLiteral("retryAfter"), QStringLiteral("retryAfterSeconds")}};
        const QString name = shortNames.value(key, key);
        if (name == QLatin1String("operations")) {
            if (Status st = setFault(f, name, value, QStringLiteral("--fault ") + spec); !st)
                return st;
            continue;
        }
        QJsonValue v;
        if (name == QLatin1String("latency") || name == QLatin1String("latencyMs")) {
            const QStringList range = value.split(u'-');
            v = QJsonArray{range.value(0).toInt(), range.value(range.size() - 1).toInt()};
            if (Status st =
                    setFault(f, QStringLiteral("latencyMs"), v, QStringLiteral("--fault ") + spec);
                !st)
                return st;
            continue;
        }
        bool ok = false;
        const double number = value.toDouble(&ok);
        if (!ok)
            return Error::invalid(
                QStringLiteral("--fault %1: %2 needs a number, got '%3'").arg(spec, key, value));
        if (Status st = setFault(f, name, number, QStringLiteral("--fault ") + spec); !st)
            return st;
    }
    return {};
}

Status FaultPlan::addRemoteEditFlag(const QString &spec) {
    // gid://shopify/Product/1@3:title=New title
    const qsizetype at = spec.indexOf(u'@');
    const qsizetype colon = spec.indexOf(u':', at);
    if (at < 0 || colon < 0)
        return Error::invalid(QStringLiteral("--remote-edit %1: expected "
                                             "GID@AFTER_REQUESTS:field=value")
                                  .arg(spec));
    RemoteEdit edit;
    edit.product = spec.left(at);
    bool ok = false;
    edit.afterRequests = spec.mid(at + 1, colon - at - 1).toInt(&ok);
    if (!ok || edit.afterRequests < 1)
        return Error::invalid(
            QStringLiteral("--remote-edit %1: the request count after @ must be ≥ 1").arg(spec));
    const QString field = spec.mid(colon + 1).section(u'=', 0, 0);
    const QString value = spec.mid(colon + 1).section(u'=', 1);
    if (field == QLatin1String("tags"))
        edit.fields.insert(field,
                           QJsonArray::fromStringList(value.split(u',', Qt::SkipEmptyParts)));
    else if (field == QLatin1String("totalInventory"))
        edit.fields.insert(field, value.toInt());
    else
        edit.fields.insert(field, value);
    if (Status st = checkEditFields(edit.fields, QStringLiteral("--remote-edit ") + spec); !st)
        return st;
    remoteEdits.append(edit);
    return {};
}

FaultInjector::FaultInjector(FaultPlan plan)
    : m_plan(std::move(plan))
    , m_busyRandom(quint32(m_plan.seed * 2654435761u + 17)) {
    m_editDone.fill(false, m_plan.remoteEdits.size());
}

FaultInjector::Decision FaultInjector::decide(const QString &service,
                                              const QString &operationName) {
    Decision d;
    const qint64 n = ++m_counts[service];
    for (qsizetype i = 0; i < m_plan.remoteEdits.size(); ++i) {
        const RemoteEdit &e = m_plan.remoteEdits.at(i);
        const bool due =
            e.beforeOperation.isEmpty() ? n >= e.afterRequests : e.beforeOperation == operationName;
        if (!m_editDone.at(i) && e.service == service && due) {
            m_editDone[i] = true;
            d.editsDue.append(e);
        }
    }
    auto it = m_plan.services.constFind(service);
    if (it == m_plan.services.constEnd() || !it->any())
        return d;
    const ServiceFaults &f = *it;
    if (f.busyRate > 0 && m_busyRandom.generateDouble() < f.busyRate)
        d.busyProduct = m_busyRandom.generateDouble();
    if (!m_random.contains(service)) {
        // One generator per service, so one service's traffic does not shift another's.
        const QByteArray h = QCryptographicHash::hash(service.toUtf8(), QCryptographicHash::Sha1);
        quint64 mix = 0;
        memcpy(&mix, h.constData(), sizeof mix);
        m_random.insert(service, QRandomGenerator(quint32(m_plan.seed ^ mix)));
    }
    QRandomGenerator &rng = m_random[service];
    // Draw every number every time, so one setting does not change the others' sequence.
    const double errorDraw = rng.generateDouble();
    const double hangDraw = rng.generateDouble();
    const double dropDraw = rng.generateDouble();
    const double malformedDraw = rng.generateDouble();
    const double latencyDraw = rng.generateDouble();
    if (!f.operations.isEmpty() && !f.operations.contains(operationName))
        return d;
    d.retryAfterSeconds = f.retryAfterSeconds;
    if (f.latencyMaxMs > 0)
        d.latencyMs = f.latencyMinMs + int(latencyDraw * (f.latencyMaxMs - f.latencyMinMs + 1));
    if (f.stormEvery > 0 && f.stormLength > 0 && (n - 1) % f.stormEvery < f.stormLength)
        d.action = FaultAction::ThrottleStorm;
    else if (dropDraw < f.dropRate)
        d.action = FaultAction::Drop;
    else if (hangDraw < f.hangRate)
        d.action = FaultAction::Hang;
    else if (errorDraw < f.errorRate) {
        d.action = FaultAction::Error;
        d.errorStatus = f.errorStatus;
    } else if (malformedDraw < f.malformedRate)
        d.action = FaultAction::Malformed;
    return d;
}

QString faultActionName(FaultAction action) {
    switch (action) {
    case FaultAction::None:
        return {};
    case FaultAction::Error:
        return QStringLiteral("error");
    case FaultAction::Hang:
        return QStringLiteral("hang");
    case FaultAction::Drop:
        return QStringLiteral("drop");
    case FaultAction::Malformed:
        return QStringLiteral("malformed");
    case FaultAction::ThrottleStorm:
        return QStringLiteral("throttle-storm");
    }
    return {};
}

} // namespace tagdesk::sandbox
