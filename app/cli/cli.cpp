#include "cli.h"

#include "clioutput.h"
#include "common/demostore.h"
#include "pipeline/jobdatabase.h"
#include "pipeline/jobservice.h"
#include "pipeline/reviewservice.h"
#include "reviewcommands.h"
#include "runcommand.h"
#include "settings/account.h"
#include "settings/systemkeychain.h"
#include "synccommand.h"
#include "util/appinfo.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

#include <algorithm>
#include <functional>

namespace tagdesk::cli {

namespace {

struct Texts {
    Q_DECLARE_TR_FUNCTIONS(Cli)
};

const char *const usageHeader =
    R"(Usage: tagdesk-cli [--db PATH] [--demo] [--store URL] [--json] <command>

Review AI image-tagging suggestions for a Shopify catalog, and sync them safely.

Commands:
)";

const char *const usageOptions = R"(
Options of 'jobs create' for writing values:
  --to DESTINATIONS     where approved values go (default tags,metafields): tags,
                        metafields, type, alt, description, category, category-metafields
  --tag-template T      default "{attribute}:{value}"
  --alt-template T      default "{title} – {colour} {pattern} {category}"
  --type-from A         category (default) or subcategory
  --only-empty          write only into empty fields
  --remove-tags T,...   tags to remove on push (Tagdesk removes no other tag it did not write)
  --metafield-type A=T  the metafield type of one attribute (default single_line_text_field)

Options (before or after the command):
  --db PATH      the job database (a file, or postgresql://user@host:port/db);
                 default: the app-data folder
  --demo         use the demo store (built in, offline) and its own demo database
  --demo-reset   with --demo: start the demo store and database afresh
  --store URL    the Shopify store, e.g. https://example.myshopify.com
  --json         print JSON instead of text
  --version      print the version
  --help         print this help

Exit codes: 0 ok, 1 usage error, 2 failed, 3 finished with some products failed or in conflict.
)";

class Runner;

// One command: the words that name it, the function that runs it, and its lines in the
// usage text (empty when another command's lines show it too).
struct Command {
    QStringList words;
    std::function<int(Runner &)> handler;
    const char *usage;
};

class Runner {
public:
    Runner(Preferences preferences, QTextStream &out, QTextStream &err)
        : m_preferences(std::move(preferences))
        , m_out(out)
        , m_err(err) {}

    int run(const QStringList &arguments);

    // Every command; the dispatcher looks words up here, the usage text lists them.
    static const QList<Command> &commands();
    static QString usageText(const QString &group = {});

private:
    // The command the words name (the longest match wins: "conflicts resolve 4" before
    // "conflicts 4"), or nullptr.
    const Command *findCommand() const;
    void parseOptions();
    int fail(const Error &error) { return reportError(m_err, error); }
    int usage(const QString &message) {
        m_err << "tagdesk-cli: " << message << Qt::endl
              << "Run 'tagdesk-cli --help' for usage." << Qt::endl;
        return UsageError;
    }
    void printJson(const QJsonValue &value) {
        const QJsonDocument doc =
            value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
        m_out << doc.toJson(QJsonDocument::Indented);
    }

    // Only the options that belong to the command may be given.
    bool onlyOptions(const QStringList &allowed);
    Result<qint64> jobId(int index);
    // The job id of a command that takes the `allowed` options, at word `index`; nullopt
    // once the reason is reported, with the exit code in m_exit.
    std::optional<qint64> commandJob(const QStringList &allowed, int index);
    Status openStorage();

    int jobsList();
    int jobsCreate();
    int jobsShow();
    int jobsArchive(bool archived);
    int jobsRun();
    int reviewApprove();
    int reviewReject();
    int reportReview(qint64 jobId, const QString &what);
    int reviewDecide();
    int reviewUndo();
    int reviewPreview();
    int sync(WorkKind mode);
    int history();
    int exportJob();
    int conflicts();
    int conflictsResolve();
    Result<QStringList> productList(const QString &option);
    // The store and taggers a command talks to: the demo's (started in this process), or
    // the configured ones (--store, the environment, Settings, the keychain).
    Result<RunOptions> runOptions();
    const JobReader &reader() const { return m_database->reader(); }
    OfflineCommand offline(qint64 jobId) {
        return {reader(), *m_writer, jobId, m_json, m_out, m_err};
    }

    Preferences m_preferences;
    QTextStream &m_out;
    QTextStream &m_err;
    QCommandLineParser m_parser;
    QStringList m_words;
    bool m_json = false;
    int m_exit = Ok;
    DatabaseConfig m_config;
    std::unique_ptr<JobDatabase> m_database;
    DatabaseWriter *m_writer = nullptr; // the database's
    std::unique_ptr<JobService> m_jobs;
    std::unique_ptr<SecretStore> m_keychain = systemKeychain();
    std::unique_ptr<DemoStore> m_demo;
    std::unique_ptr<Account> m_account; // declared after what it refers to
};

const QStringList globalOptions{QStringLiteral("db"), QStringLiteral("demo"),
                                QStringLiteral("demo-reset"), QStringLiteral("store"),
                                QStringLiteral("json")};

bool Runner::onlyOptions(const QStringList &allowed) {
    for (const QString &name : m_parser.optionNames()) {
        if (!globalOptions.contains(name) && !allowed.contains(name)) {
            usage(Texts::tr("'--%1' does not apply to '%2'")
                      .arg(name, m_words.mid(0, 2).join(QLatin1Char(' '))));
            return false;
        }
    }
    return true;
}

Result<qint64> Runner::jobId(int index) {
    if (m_words.size() <= index)
        return Error::invalid(
            Texts::tr("'%1' needs a job id").arg(m_words.mid(0, index).join(QLatin1Char(' '))));
    bool ok = false;
    const qint64 id = m_words[index].toLongLong(&ok);
    if (!ok || id <= 0)
        return Error::invalid(
            Texts::tr("'%1' is not a job id (job ids are whole numbers)").arg(m_words[index]));
    if (m_words.size() > index + 1)
        return Error::invalid(Texts::tr("Unexpected '%1'").arg(m_words[index + 1]));
    return id;
}

std::optional<qint64> Runner::commandJob(const QStringList &allowed, int index) {
    if (!onlyOptions(allowed)) {
        m_exit = UsageError;
        return std::nullopt;
    }
    const auto id = jobId(index);
    if (!id) {
        m_exit = fail(id.error());
        return std::nullopt;
    }
    return id.value();
}

Status Runner::openStorage() {
    DatabaseConfig config;
    if (m_parser.isSet(QStringLiteral("db"))) {
        auto fromOption = DatabaseConfig::fromLocation(m_parser.value(QStringLiteral("db")));
        if (!fromOption)
            return fromOption.error();
        config = fromOption.value();
    } else {
        config = DatabaseConfig::sqlite(DatabaseConfig::defaultSqlitePath(
            m_parser.isSet(QStringLiteral("demo")) ? QStringLiteral("demo.sqlite")
                                                   : QStringLiteral("tagdesk.sqlite")));
    }
    bool ok = false;
    const int busy = qEnvironmentVariableIntValue("TAGDESK_DB_BUSY_TIMEOUT_MS", &ok);
    if (ok && busy >= 0)
        config.busyTimeoutMs = busy;

    m_config = config;
    auto database = JobDatabase::open(config);
    if (!database)
        return database.error();
    m_database = std::move(database).value();
    m_writer = &m_database->writer();
    m_jobs = std::make_unique<JobService>(*m_writer);
    return {};
}

void Runner::parseOptions() {
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const auto valueOption = [](const char *name, const char *valueName, const char *help) {
        return QCommandLineOption(QLatin1String(name), QString::fromLatin1(help),
                                  QLatin1String(valueName));
    };
    const auto flag = [](const char *name, const char *help) {
        return QCommandLineOption(QLatin1String(name), QString::fromLatin1(help));
    };
    m_parser.addOptions({
        valueOption("db", "PATH", "job database"),
        flag("demo", "demo store"),
        flag("demo-reset", "reset the demo"),
        valueOption("store", "URL", "Shopify store"),
        flag("json", "JSON output"),
        flag("help", "help"),
        flag("version", "version"),
        flag("archived", "archived jobs"),
        valueOption("name", "NAME", "job name"),
        valueOption("query", "Q", "search query"),
        valueOption("collection", "ID", "collection"),
        valueOption("products", "GIDS", "products"),
        valueOption("tagger", "TAGGER", "tagger"),
        valueOption("images", "N", "images per product"),
        flag("all", "all products"),
        valueOption("min-confidence", "X", "confidence threshold"),
        valueOption("to", "DESTINATIONS", "where to save"),
        valueOption("csv", "FILE", "CSV file"),
        valueOption("product", "GID", "one product"),
        valueOption("attribute", "NAME", "attribute"),
        flag("accept", "accept"),
        flag("reject", "reject"),
        valueOption("value", "V", "edited value"),
        valueOption("count", "N", "how many"),
        valueOption("keep", "WHICH", "mine or theirs"),
        flag("retry-failed", "retry failed pushes"),
        valueOption("tag-template", "T", "tag template"),
        valueOption("alt-template", "T", "alt text template"),
        valueOption("type-from", "A", "product type source"),
        flag("only-empty", "only fill empty fields"),
        valueOption("remove-tags", "TAGS", "tags to remove on push"),
        valueOption("metafield-type", "ATTRIBUTE=TYPE", "a metafield type"),
    });
}

const QList<Command> &Runner::commands() {
    static const QList<Command> table{
        {{QStringLiteral("jobs"), QStringLiteral("list")},
         &Runner::jobsList,
         "  jobs list [--archived]                 list jobs (archived ones with --archived)\n"},
        {{QStringLiteral("jobs"), QStringLiteral("create")},
         &Runner::jobsCreate,
         "  jobs create --name NAME [--query Q | --collection ID | --products GID,...]\n"
         "              [--tagger local|ximilar|pixyle|openai] [--images N]\n"
         "              [--to ...] [--tag-template T] [--alt-template T] [--type-from A] "
         "[--only-empty]\n"
         "                                         create a job; prints its id\n"},
        {{QStringLiteral("jobs"), QStringLiteral("run")},
         &Runner::jobsRun,
         "  jobs run ID                            fetch and analyse the job's products\n"},
        {{QStringLiteral("jobs"), QStringLiteral("show")},
         &Runner::jobsShow,
         "  jobs show ID                           show a job, its products and suggestions\n"},
        {{QStringLiteral("jobs"), QStringLiteral("archive")},
         [](Runner &r) { return r.jobsArchive(true); },
         "  jobs archive ID | jobs unarchive ID    hide a finished job from the list, or bring "
         "it back\n"},
        {{QStringLiteral("jobs"), QStringLiteral("unarchive")},
         [](Runner &r) { return r.jobsArchive(false); },
         ""},
        {{QStringLiteral("review"), QStringLiteral("approve")},
         &Runner::reviewApprove,
         "  review approve ID (--all | --products GID,... | --min-confidence X)\n"
         "              [--to tags,metafields,type,alt,description,category,\n"
         "                    category-metafields]\n"},
        {{QStringLiteral("review"), QStringLiteral("reject")},
         &Runner::reviewReject,
         "  review reject ID --products GID,...\n"},
        {{QStringLiteral("review"), QStringLiteral("decide")},
         &Runner::reviewDecide,
         "  review decide ID --product GID --attribute NAME (--accept | --reject | --value V)\n"
         "                                         accept, reject or edit one suggested value\n"},
        {{QStringLiteral("review"), QStringLiteral("undo")},
         &Runner::reviewUndo,
         "  review undo ID [--count N]             take back the last N decisions (default 1);\n"
         "                                         a product already pushed is reverted first\n"},
        {{QStringLiteral("review"), QStringLiteral("preview")},
         &Runner::reviewPreview,
         "  review preview ID [--products GID,...] before -> after of each product, with "
         "problems\n"},
        {{QStringLiteral("sync")},
         [](Runner &r) { return r.sync(WorkKind::Push); },
         "  sync ID [--products GID,...] [--retry-failed]\n"
         "                                         push approved products to Shopify\n"},
        {{QStringLiteral("revert")},
         [](Runner &r) { return r.sync(WorkKind::Revert); },
         "  revert ID [--products GID,...]         put back the values a sync replaced\n"},
        {{QStringLiteral("conflicts")},
         &Runner::conflicts,
         "  conflicts ID                           products Shopify changed since they were "
         "fetched\n"},
        {{QStringLiteral("conflicts"), QStringLiteral("resolve")},
         &Runner::conflictsResolve,
         "  conflicts resolve ID --products GID,... --keep mine|theirs [--to DESTINATIONS]\n"
         "                                         settle conflicts (mine + --to: merge per "
         "field)\n"},
        {{QStringLiteral("history")},
         &Runner::history,
         "  history ID [--product GID]             every push and revert of a job\n"},
        {{QStringLiteral("export")},
         &Runner::exportJob,
         "  export ID --csv FILE                   write the job as a spreadsheet (UTF-8, RFC "
         "4180)\n"},
    };
    return table;
}

QString Runner::usageText(const QString &group) {
    QString text;
    for (const Command &c : commands()) {
        if (group.isEmpty() || c.words.first() == group)
            text += QString::fromUtf8(c.usage);
    }
    if (!group.isEmpty())
        return Texts::tr("Commands of '%1':").arg(group) + QLatin1Char('\n') + text;
    return QString::fromUtf8(usageHeader) + text + QString::fromUtf8(usageOptions);
}

const Command *Runner::findCommand() const {
    const Command *found = nullptr;
    for (const Command &c : commands()) {
        if (m_words.mid(0, c.words.size()) == c.words &&
            (!found || c.words.size() > found->words.size()))
            found = &c;
    }
    return found;
}

int Runner::run(const QStringList &arguments) {
    parseOptions();
    if (!m_parser.parse(QStringList{QStringLiteral("tagdesk-cli")} + arguments))
        return usage(m_parser.errorText());
    if (m_parser.isSet(QStringLiteral("help"))) {
        m_out << usageText();
        return Ok;
    }
    if (m_parser.isSet(QStringLiteral("version"))) {
        m_out << "tagdesk-cli " << applicationVersion() << Qt::endl;
        return Ok;
    }
    m_words = m_parser.positionalArguments();
    m_json = m_parser.isSet(QStringLiteral("json"));
    if (m_words.isEmpty())
        return usage(Texts::tr("No command given"));

    const Command *command = findCommand();
    if (!command) {
        // Never a fall-through: an unknown command or subcommand is a usage error, with
        // the commands it could have been.
        const QString group = m_words.first();
        const bool knownGroup =
            std::any_of(commands().begin(), commands().end(),
                        [&group](const Command &c) { return c.words.first() == group; });
        m_err << "tagdesk-cli: "
              << Texts::tr("Unknown command '%1'").arg(m_words.join(QLatin1Char(' '))) << Qt::endl
              << usageText(knownGroup ? group : QString());
        return UsageError;
    }

    if (m_parser.isSet(QStringLiteral("demo-reset"))) {
        if (!m_parser.isSet(QStringLiteral("demo")))
            return usage(Texts::tr("--demo-reset goes with --demo"));
        if (auto reset = DemoStore::reset(); !reset)
            return fail(reset.error());
    }
    if (auto opened = openStorage(); !opened)
        return fail(opened.error());

    return command->handler(*this);
}

int Runner::jobsList() {
    if (!onlyOptions({QStringLiteral("archived")}))
        return UsageError;
    if (m_words.size() > 2)
        return usage(Texts::tr("Unexpected '%1'").arg(m_words[2]));
    auto jobs = reader().jobs(m_parser.isSet(QStringLiteral("archived")));
    if (!jobs)
        return fail(jobs.error());
    if (m_json) {
        QJsonArray array;
        for (const JobSummary &s : jobs.value())
            array.append(jobJson(s));
        printJson(array);
    } else {
        m_out << jobTable(jobs.value());
    }
    return Ok;
}

int Runner::jobsCreate() {
    if (!onlyOptions({QStringLiteral("name"), QStringLiteral("query"), QStringLiteral("collection"),
                      QStringLiteral("products"), QStringLiteral("tagger"),
                      QStringLiteral("images"), QStringLiteral("to"),
                      QStringLiteral("tag-template"), QStringLiteral("alt-template"),
                      QStringLiteral("type-from"), QStringLiteral("only-empty"),
                      QStringLiteral("remove-tags"), QStringLiteral("metafield-type")}))
        return UsageError;
    if (m_words.size() > 2)
        return usage(
            Texts::tr("Unexpected '%1' (put a name with spaces in quotes)").arg(m_words[2]));
    if (!m_parser.isSet(QStringLiteral("name")))
        return usage(Texts::tr("'jobs create' needs --name"));

    NewJob request;
    request.name = m_parser.value(QStringLiteral("name"));
    request.writing = m_preferences.writeDefaults; // the templates chosen in Settings
    const int selections = int(m_parser.isSet(QStringLiteral("query"))) +
                           int(m_parser.isSet(QStringLiteral("collection"))) +
                           int(m_parser.isSet(QStringLiteral("products")));
    if (selections > 1)
        return usage(Texts::tr("Give at most one of --query, --collection and --products"));
    if (m_parser.isSet(QStringLiteral("query"))) {
        auto s = ProductSelection::fromQuery(m_parser.value(QStringLiteral("query")));
        if (!s)
            return fail(s.error());
        request.selection = s.value();
    } else if (m_parser.isSet(QStringLiteral("collection"))) {
        auto s = ProductSelection::fromCollection(m_parser.value(QStringLiteral("collection")));
        if (!s)
            return fail(s.error());
        request.selection = s.value();
    } else if (m_parser.isSet(QStringLiteral("products"))) {
        auto s = ProductSelection::fromProducts(
            m_parser.value(QStringLiteral("products")).split(QLatin1Char(',')));
        if (!s)
            return fail(s.error());
        request.selection = s.value();
    }
    if (m_parser.isSet(QStringLiteral("tagger"))) {
        const auto tagger = taggerFromKey(m_parser.value(QStringLiteral("tagger")));
        if (!tagger)
            return usage(Texts::tr("Unknown tagger '%1' (use local, ximilar, pixyle or openai)")
                             .arg(m_parser.value(QStringLiteral("tagger"))));
        request.tagger = *tagger;
    }
    if (m_parser.isSet(QStringLiteral("images"))) {
        bool ok = false;
        request.imagesPerProduct = m_parser.value(QStringLiteral("images")).toInt(&ok);
        if (!ok)
            return usage(Texts::tr("--images needs a whole number, not '%1'")
                             .arg(m_parser.value(QStringLiteral("images"))));
    }

    if (m_parser.isSet(QStringLiteral("to"))) {
        auto d = destinationsFromKeys(m_parser.value(QStringLiteral("to")));
        if (!d)
            return fail(d.error());
        request.destinations = d.value();
    }
    if (m_parser.isSet(QStringLiteral("tag-template")))
        request.writing.tagTemplate = m_parser.value(QStringLiteral("tag-template"));
    if (m_parser.isSet(QStringLiteral("alt-template")))
        request.writing.altTemplate = m_parser.value(QStringLiteral("alt-template"));
    if (m_parser.isSet(QStringLiteral("type-from")))
        request.writing.productTypeFrom = m_parser.value(QStringLiteral("type-from"));
    request.writing.onlyFillEmpty = m_parser.isSet(QStringLiteral("only-empty"));
    for (const QString &tag : m_parser.value(QStringLiteral("remove-tags")).split(QLatin1Char(',')))
        if (!tag.trimmed().isEmpty())
            request.writing.removeTags << tag.trimmed();
    for (const QString &pair : m_parser.values(QStringLiteral("metafield-type"))) {
        const qsizetype eq = pair.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return usage(
                Texts::tr("--metafield-type takes ATTRIBUTE=TYPE, e.g. colour=list.single_line_"
                          "text_field, not '%1'")
                    .arg(pair));
        request.writing.metafieldTypes.insert(pair.left(eq).trimmed(), pair.mid(eq + 1).trimmed());
    }

    const Result<Job> created = m_jobs->create(request).result();
    if (!created)
        return fail(created.error());
    if (m_json) {
        auto summary = reader().summary(created->id);
        if (!summary)
            return fail(summary.error());
        printJson(jobJson(summary.value()));
    } else {
        m_out << created->id << Qt::endl;
    }
    return Ok;
}

int Runner::jobsShow() {
    const auto id = commandJob({}, 2);
    if (!id)
        return m_exit;
    auto detail = reader().detail(id.value());
    if (!detail)
        return fail(detail.error());
    if (m_json)
        printJson(jobDetailJson(detail->summary, detail->products, detail->suggestions));
    else
        m_out << jobDetailText(detail->summary, detail->products, detail->suggestions);
    return Ok;
}

int Runner::jobsArchive(bool archived) {
    const auto id = commandJob({}, 2);
    if (!id)
        return m_exit;
    const Result<Job> job = m_jobs->setArchived(id.value(), archived).result();
    if (!job)
        return fail(job.error());
    if (m_json) {
        auto summary = reader().summary(id.value());
        if (!summary)
            return fail(summary.error());
        printJson(jobJson(summary.value()));
    } else {
        m_out << (archived ? Texts::tr("Archived job %1: %2") : Texts::tr("Unarchived job %1: %2"))
                     .arg(job->id)
                     .arg(job->name)
              << Qt::endl;
    }
    return Ok;
}

int Runner::jobsRun() {
    const auto id = commandJob({}, 2);
    if (!id)
        return m_exit;
    auto options = runOptions();
    if (!options)
        return fail(options.error());
    return runJob(id.value(), options.value(), m_config, *m_writer, m_out, m_err);
}

int Runner::reviewApprove() {
    const auto id = commandJob({QStringLiteral("all"), QStringLiteral("products"),
                                QStringLiteral("min-confidence"), QStringLiteral("to")},
                               2);
    if (!id)
        return m_exit;
    const int chosen = int(m_parser.isSet(QStringLiteral("all"))) +
                       int(m_parser.isSet(QStringLiteral("products"))) +
                       int(m_parser.isSet(QStringLiteral("min-confidence")));
    if (chosen != 1)
        return usage(Texts::tr(
            "'review approve' needs exactly one of --all, --products and --min-confidence"));
    ApprovalSelection selection;
    if (m_parser.isSet(QStringLiteral("products"))) {
        auto ids = ProductSelection::fromProducts(
            m_parser.value(QStringLiteral("products")).split(QLatin1Char(',')));
        if (!ids)
            return fail(ids.error());
        selection.kind = ApprovalSelection::Kind::Products;
        selection.productIds = ids->productIds;
    } else if (m_parser.isSet(QStringLiteral("min-confidence"))) {
        bool ok = false;
        selection.minConfidence = m_parser.value(QStringLiteral("min-confidence")).toDouble(&ok);
        if (!ok || selection.minConfidence < 0 || selection.minConfidence > 1)
            return usage(Texts::tr("--min-confidence needs a number from 0 to 1, not '%1'")
                             .arg(m_parser.value(QStringLiteral("min-confidence"))));
        selection.kind = ApprovalSelection::Kind::MinConfidence;
    }
    std::optional<Destinations> destinations;
    if (m_parser.isSet(QStringLiteral("to"))) {
        auto d = destinationsFromKeys(m_parser.value(QStringLiteral("to")));
        if (!d)
            return fail(d.error());
        destinations = d.value();
    }
    const Result<int> approved =
        ReviewService(*m_writer)
            .approve(id.value(), selection, destinations, m_preferences.reviewer)
            .result();
    if (!approved)
        return fail(approved.error());
    return reportReview(id.value(), Texts::tr("Approved %n product(s)", nullptr, approved.value()));
}

int Runner::reviewReject() {
    const auto id = commandJob({QStringLiteral("products")}, 2);
    if (!id)
        return m_exit;
    if (!m_parser.isSet(QStringLiteral("products")))
        return usage(Texts::tr("'review reject' needs --products"));
    auto ids = ProductSelection::fromProducts(
        m_parser.value(QStringLiteral("products")).split(QLatin1Char(',')));
    if (!ids)
        return fail(ids.error());
    const Result<int> rejected = ReviewService(*m_writer)
                                     .reject(id.value(), ids->productIds, m_preferences.reviewer)
                                     .result();
    if (!rejected)
        return fail(rejected.error());
    return reportReview(id.value(), Texts::tr("Rejected %n product(s)", nullptr, rejected.value()));
}

int Runner::reportReview(qint64 jobId, const QString &what) {
    auto summary = reader().summary(jobId);
    if (!summary)
        return fail(summary.error());
    if (m_json)
        printJson(jobJson(summary.value()));
    else
        m_out << what
              << Texts::tr("; job %1 is now %2").arg(jobId).arg(jobStatusText(summary->status))
              << Qt::endl;
    return Ok;
}

Result<RunOptions> Runner::runOptions() {
    if (m_parser.isSet(QStringLiteral("demo"))) {
        auto started = DemoStore::start();
        if (!started)
            return started.error();
        m_demo = std::move(started).value();
        m_account = m_demo->account(m_preferences);
    } else {
        m_account = std::make_unique<SavedAccount>(*m_keychain, m_preferences,
                                                   m_parser.value(QStringLiteral("store")));
    }
    return RunOptions{m_account.get()};
}

Result<QStringList> Runner::productList(const QString &option) {
    if (!m_parser.isSet(option))
        return QStringList();
    auto ids = ProductSelection::fromProducts(m_parser.value(option).split(QLatin1Char(',')));
    if (!ids)
        return ids.error();
    return ids->productIds;
}

int Runner::reviewDecide() {
    const auto id =
        commandJob({QStringLiteral("product"), QStringLiteral("attribute"),
                    QStringLiteral("accept"), QStringLiteral("reject"), QStringLiteral("value")},
                   2);
    if (!id)
        return m_exit;
    if (!m_parser.isSet(QStringLiteral("product")) || !m_parser.isSet(QStringLiteral("attribute")))
        return usage(Texts::tr("'review decide' needs --product and --attribute"));
    const int verdicts = int(m_parser.isSet(QStringLiteral("accept"))) +
                         int(m_parser.isSet(QStringLiteral("reject"))) +
                         int(m_parser.isSet(QStringLiteral("value")));
    if (verdicts != 1)
        return usage(
            Texts::tr("'review decide' needs exactly one of --accept, --reject and --value"));
    auto product = productList(QStringLiteral("product"));
    if (!product)
        return fail(product.error());
    AttributeDecision decision;
    decision.attribute = m_parser.value(QStringLiteral("attribute"));
    if (m_parser.isSet(QStringLiteral("accept")))
        decision.verdict = AttributeDecision::Verdict::Accepted;
    else if (m_parser.isSet(QStringLiteral("reject")))
        decision.verdict = AttributeDecision::Verdict::Rejected;
    else {
        decision.verdict = AttributeDecision::Verdict::Edited;
        decision.value = m_parser.value(QStringLiteral("value"));
    }
    return decideAttribute(offline(id.value()), product->value(0), decision,
                           m_preferences.reviewer);
}

int Runner::reviewUndo() {
    const auto id = commandJob({QStringLiteral("count")}, 2);
    if (!id)
        return m_exit;
    int count = 1;
    if (m_parser.isSet(QStringLiteral("count"))) {
        bool ok = false;
        count = m_parser.value(QStringLiteral("count")).toInt(&ok);
        if (!ok || count < 1)
            return usage(Texts::tr("--count needs a whole number of 1 or more, not '%1'")
                             .arg(m_parser.value(QStringLiteral("count"))));
    }
    // A decision whose product is already in the store is taken back by reverting that
    // push first, with the revert's conflict check; the undo follows only if it worked.
    auto pushed = reader().pushedByLastDecisions(id.value(), count);
    if (!pushed)
        return fail(pushed.error());
    SyncOptions revert;
    revert.mode = WorkKind::Revert;
    for (const JobProduct &p : pushed.value())
        revert.productIds << p.productId;
    if (!revert.productIds.isEmpty()) {
        revert.who = m_preferences.reviewer;
        revert.json = m_json;
        auto options = runOptions();
        if (!options)
            return fail(options.error());
        if (!m_json)
            m_out << Texts::tr("Already pushed: %1. Reverting in Shopify first.")
                         .arg(revert.productIds.join(QStringLiteral(", ")))
                  << Qt::endl;
        const int reverted =
            syncJob(id.value(), options.value(), revert, m_config, *m_writer, m_out, m_err);
        if (reverted != 0) {
            m_err << Texts::tr("Nothing was undone: the revert did not go through (see above).")
                  << Qt::endl;
            return reverted;
        }
    }
    return undoDecisions(offline(id.value()), count, m_preferences.reviewer);
}

int Runner::reviewPreview() {
    const auto id = commandJob({QStringLiteral("products")}, 2);
    if (!id)
        return m_exit;
    auto ids = productList(QStringLiteral("products"));
    if (!ids)
        return fail(ids.error());
    return previewJob(offline(id.value()), ids.value());
}

int Runner::sync(WorkKind mode) {
    const bool pushing = mode == WorkKind::Push;
    const auto id =
        commandJob(pushing ? QStringList{QStringLiteral("products"), QStringLiteral("retry-failed")}
                           : QStringList{QStringLiteral("products")},
                   1);
    if (!id)
        return m_exit;
    SyncOptions sync;
    sync.mode = mode;
    auto ids = productList(QStringLiteral("products"));
    if (!ids)
        return fail(ids.error());
    sync.productIds = ids.value();
    sync.retryFailed = m_parser.isSet(QStringLiteral("retry-failed"));
    sync.who = m_preferences.reviewer;
    sync.json = m_json;
    auto options = runOptions();
    if (!options)
        return fail(options.error());
    return syncJob(id.value(), options.value(), sync, m_config, *m_writer, m_out, m_err);
}

int Runner::history() {
    const auto id = commandJob({QStringLiteral("product")}, 1);
    if (!id)
        return m_exit;
    return showHistory(offline(id.value()), m_parser.value(QStringLiteral("product")));
}

int Runner::exportJob() {
    const auto id = commandJob({QStringLiteral("csv")}, 1);
    if (!id)
        return m_exit;
    if (!m_parser.isSet(QStringLiteral("csv")))
        return usage(Texts::tr("'export' needs --csv FILE"));
    return exportCsv(offline(id.value()), m_parser.value(QStringLiteral("csv")));
}

int Runner::conflicts() {
    const auto id = commandJob({}, 1);
    if (!id)
        return m_exit;
    return listConflicts(offline(id.value()));
}

int Runner::conflictsResolve() {
    const auto id =
        commandJob({QStringLiteral("products"), QStringLiteral("keep"), QStringLiteral("to")}, 2);
    if (!id)
        return m_exit;
    auto ids = productList(QStringLiteral("products"));
    if (!ids)
        return fail(ids.error());
    if (ids->isEmpty())
        return usage(Texts::tr("'conflicts resolve' needs --products"));
    ConflictChoice choice;
    const QString keep = m_parser.value(QStringLiteral("keep"));
    if (keep == QLatin1String("mine"))
        choice.keep = ConflictChoice::Keep::Mine;
    else if (keep == QLatin1String("theirs"))
        choice.keep = ConflictChoice::Keep::Theirs;
    else
        return usage(Texts::tr("'conflicts resolve' needs --keep mine or --keep theirs"));
    if (m_parser.isSet(QStringLiteral("to"))) {
        if (choice.keep != ConflictChoice::Keep::Mine)
            return usage(Texts::tr("--to goes with --keep mine"));
        auto d = destinationsFromKeys(m_parser.value(QStringLiteral("to")));
        if (!d)
            return fail(d.error());
        choice.only = d.value();
    }
    auto options = runOptions();
    if (!options)
        return fail(options.error());
    return resolveConflicts(id.value(), options.value(), ids.value(), choice, *m_writer, m_out,
                            m_err);
}

} // namespace

int run(const QStringList &arguments, const Preferences &preferences, QTextStream &out,
        QTextStream &err) {
    Runner runner(preferences, out, err);
    return runner.run(arguments);
}

} // namespace tagdesk::cli
