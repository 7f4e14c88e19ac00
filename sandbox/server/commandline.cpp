#include "server/commandline.h"

#include <QCommandLineParser>
#include <QFile>

#include <cmath>

namespace tagdesk::sandbox {

Result<SandboxOptions> parseSandboxArguments(const QStringList &arguments) {
    QCommandLineParser p;
    p.setApplicationDescription(
        QStringLiteral("An offline stand-in for the Shopify Admin GraphQL API and the image "
                       "taggers, on 127.0.0.1."));
    p.addHelpOption();
    p.addVersionOption();
    auto option = [&](const char *name, const char *description, const char *value) {
        p.addOption(QCommandLineOption(QString::fromLatin1(name), QString::fromLatin1(description),
                                       QString::fromLatin1(value)));
    };
    option("port", "Port to listen on (default: a free one).", "N");
    option("state", "Store state file; created if missing, reused by later runs.", "FILE");
    option("catalog", "Load a Shopify products.json or GraphQL product export.", "FILE");
    option("products", "Grow the catalog synthetically to N products.", "N");
    option("token", "Admin API access token with full access (default shpat_sandbox).", "TOKEN");
    option("read-only-token", "An extra token without write scopes.", "TOKEN");
    option("ximilar-token",
           "The Ximilar token the tagger endpoints accept (default "
           "sandbox-ximilar).",
           "TOKEN");
    option("openai-key", "The OpenAI key the tagger endpoints accept (default sk-sandbox).", "KEY");
    option("scoped-token",
           "An extra token with the access scopes listed, e.g. "
           "shpat_x=read_products,write_products. Repeatable.",
           "TOKEN=SCOPES");
    option("shop-domain", "The shop's myshopify domain (default tagdesk-sandbox.myshopify.com).",
           "DOMAIN");
    p.addOption(QCommandLineOption(
        QStringLiteral("distinct-images"),
        QStringLiteral("Serve every image with bytes of its own (the photo with a comment "
                       "naming the image), not the shared bundled photo.")));
    option("original-size",
           "Serve the bundled photos (~400 px wide) scaled up to PX on their long side, as "
           "the large originals a store holds (e.g. 2048); renditions asked for with "
           "Image.url(transform:) are scaled down from them.",
           "PX");
    option("shop-id", "The shop's number in its id gid://shopify/Shop/N (default 1).", "N");
    option("client-id", "Client id for the client-credentials grant.", "ID");
    option("client-secret", "Client secret for the client-credentials grant.", "SECRET");
    option("bucket", "Cost bucket size in points (default 2000).", "SIZE");
    option("restore", "Cost bucket restore rate in points per second (default 100).", "PER_SECOND");
    option("throttle-mode", "Answer an overdrawn bucket with 200 + THROTTLED or with 429.",
           "200|429");
    option("max-cost", "Single query cost limit (default 1000).", "POINTS");
    option("faults",
           "Faults file (JSON): error rates, latency, hangs, drops, malformed "
           "bodies, throttle storms, remote edits.",
           "FILE");
    option("fault",
           "A service's faults, e.g. shopify:errorRate=0.1,errorStatus=503,"
           "latency=10-200,hang=0.01,drop=0.01,malformed=0.01,busy=0.2,stormEvery=20,"
           "stormLength=3. Repeatable.",
           "SPEC");
    option("remote-edit",
           "Edit a product as a merchant after K Shopify requests, e.g. "
           "gid://shopify/Product/1@5:title=Changed. Repeatable.",
           "SPEC");
    option("seed",
           "Seed for fault injection and for the code a stale compareDigest is refused "
           "with (default 1).",
           "N");
    option("bulk-slice",
           "Rows a bulk operation handles per slice of event-loop time "
           "(default 500).",
           "ROWS");
    option("bulk-delay",
           "Pause between bulk operation slices, to watch RUNNING or cancel "
           "(default 0).",
           "MS");
    if (!p.parse(arguments))
        return Error::invalid(p.errorText());
    if (p.isSet(QStringLiteral("help")))
        p.showHelp(0);
    if (p.isSet(QStringLiteral("version")))
        p.showVersion();
    if (!p.positionalArguments().isEmpty())
        return Error::invalid(
            QStringLiteral("Unexpected argument: %1").arg(p.positionalArguments().first()));

    SandboxOptions o;
    auto number = [&](const char *name, double min, double max) -> std::optional<double> {
        const QString text = p.value(QString::fromLatin1(name));
        bool ok = false;
        const double v = text.toDouble(&ok);
        if (!ok || v < min || v > max)
            return std::nullopt;
        return v;
    };
    auto bad = [](const char *name, const QString &what) {
        return Error::invalid(QStringLiteral("--%1 %2").arg(QString::fromLatin1(name), what));
    };
    if (p.isSet(QStringLiteral("port"))) {
        const auto v = number("port", 0, 65535);
        if (!v)
            return bad("port",
                       QStringLiteral("must be a port number from 0 (any free port) to 65535"));
        o.config.port = quint16(*v);
    }
    o.config.statePath = p.value(QStringLiteral("state"));
    o.catalogPath = p.value(QStringLiteral("catalog"));
    if (p.isSet(QStringLiteral("products"))) {
        const auto v = number("products", 1, 10'000'000);
        if (!v)
            return bad("products", QStringLiteral("must be a whole number ≥ 1"));
        o.products = int(*v);
    }
    ShopifyConfig &s = o.config.shopify;
    if (p.isSet(QStringLiteral("token")))
        s.token = p.value(QStringLiteral("token"));
    if (s.token.isEmpty())
        return bad("token", QStringLiteral("must not be empty"));
    s.readOnlyToken = p.value(QStringLiteral("read-only-token"));
    TaggerCredentials &taggers = o.config.taggers;
    if (p.isSet(QStringLiteral("ximilar-token")))
        taggers.ximilarToken = p.value(QStringLiteral("ximilar-token"));
    if (p.isSet(QStringLiteral("openai-key")))
        taggers.openAiKey = p.value(QStringLiteral("openai-key"));
    if (taggers.ximilarToken.isEmpty() || taggers.openAiKey.isEmpty())
        return bad(taggers.ximilarToken.isEmpty() ? "ximilar-token" : "openai-key",
                   QStringLiteral("must not be empty"));
    for (const QString &spec : p.values(QStringLiteral("scoped-token"))) {
        const QString token = spec.section(QLatin1Char('='), 0, 0);
        if (token.isEmpty() || !spec.contains(QLatin1Char('=')))
            return bad("scoped-token",
                       QStringLiteral("must be TOKEN=SCOPE,SCOPE…, not '%1'").arg(spec));
        s.scopedTokens.insert(
            token, spec.section(QLatin1Char('='), 1).split(QLatin1Char(','), Qt::SkipEmptyParts));
    }
    s.distinctImages = p.isSet(QStringLiteral("distinct-images"));
    if (p.isSet(QStringLiteral("original-size"))) {
        // Shopify's transforms take sides of 1 to 5760 px (ImageTransformInput).
        const auto v = number("original-size", 1, 5760);
        if (!v || *v != std::floor(*v))
            return bad("original-size", QStringLiteral("must be a whole number of pixels "
                                                       "from 1 to 5760"));
        s.originalLongSide = int(*v);
    }
    if (p.isSet(QStringLiteral("shop-domain")))
        s.shop.domain = p.value(QStringLiteral("shop-domain"));
    if (p.isSet(QStringLiteral("shop-id"))) {
        const auto v = number("shop-id", 1, 1e15);
        if (!v)
            return bad("shop-id", QStringLiteral("must be a whole number ≥ 1"));
        s.shop.id = QStringLiteral("gid://shopify/Shop/%1").arg(qint64(*v));
    }
    if (p.isSet(QStringLiteral("client-id")))
        s.clientId = p.value(QStringLiteral("client-id"));
    if (p.isSet(QStringLiteral("client-secret")))
        s.clientSecret = p.value(QStringLiteral("client-secret"));
    if (p.isSet(QStringLiteral("bucket"))) {
        const auto v = number("bucket", 1, 1e9);
        if (!v)
            return bad("bucket", QStringLiteral("must be a positive number of points"));
        s.bucketSize = *v;
    }
    if (p.isSet(QStringLiteral("restore"))) {
        const auto v = number("restore", 0.001, 1e9);
        if (!v)
            return bad("restore", QStringLiteral("must be a positive number of points per second"));
        s.restoreRate = *v;
    }
    if (p.isSet(QStringLiteral("max-cost"))) {
        const auto v = number("max-cost", 1, 1e9);
        if (!v)
            return bad("max-cost", QStringLiteral("must be a positive number of points"));
        s.maxQueryCost = int(*v);
    }
    if (p.isSet(QStringLiteral("throttle-mode"))) {
        const QString mode = p.value(QStringLiteral("throttle-mode"));
        if (mode == QLatin1String("200"))
            s.throttleMode = ThrottleMode::Http200;
        else if (mode == QLatin1String("429"))
            s.throttleMode = ThrottleMode::Http429;
        else
            return bad("throttle-mode", QStringLiteral("must be 200 or 429, not '%1'").arg(mode));
    }
    if (p.isSet(QStringLiteral("faults"))) {
        const QString path = p.value(QStringLiteral("faults"));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            return Error::invalid(
                QStringLiteral("Cannot read the faults file %1: %2").arg(path, file.errorString()));
        auto plan = FaultPlan::fromJson(file.readAll(), path);
        if (!plan)
            return plan.error();
        o.config.faults = std::move(plan).value();
    }
    for (const QString &spec : p.values(QStringLiteral("fault")))
        if (Status st = o.config.faults.addFlag(spec); !st)
            return st.error();
    for (const QString &spec : p.values(QStringLiteral("remote-edit")))
        if (Status st = o.config.faults.addRemoteEditFlag(spec); !st)
            return st.error();
    if (p.isSet(QStringLiteral("seed"))) {
        const auto v = number("seed", 0, 1.8e19);
        if (!v)
            return bad("seed", QStringLiteral("must be a whole number ≥ 0"));
        o.config.faults.seed = quint64(*v);
        o.config.shopify.seed = quint64(*v);
    }
    if (p.isSet(QStringLiteral("bulk-slice"))) {
        const auto v = number("bulk-slice", 1, 1e9);
        if (!v)
            return bad("bulk-slice", QStringLiteral("must be a whole number ≥ 1"));
        s.bulkSliceSize = int(*v);
    }
    if (p.isSet(QStringLiteral("bulk-delay"))) {
        const auto v = number("bulk-delay", 0, 86'400'000);
        if (!v)
            return bad("bulk-delay", QStringLiteral("must be milliseconds ≥ 0"));
        s.bulkSliceDelayMs = int(*v);
    }
    return o;
}

} // namespace tagdesk::sandbox
