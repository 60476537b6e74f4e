// SPDX-License-Identifier: MIT
#include "generator/generator.h"

#include <QTimeZone>

#include <array>

namespace Mesh {

namespace {

/** SplitMix64: tiny, fast and specified bit for bit, so a seed means the same catalog anywhere. */
class Rng
{
public:
    explicit Rng(quint64 seed) : m_state(seed) {}
    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    int below(int n) { return n <= 0 ? 0 : int(next() % quint64(n)); }
    bool chance(int percent) { return below(100) < percent; }
    template <typename T, size_t N> const T &pick(const std::array<T, N> &items)
    {
        return items[size_t(below(int(N)))];
    }

private:
    quint64 m_state;
};

struct DomainSpec
{
    const char *name;
    const char *color;
    std::array<const char *, 3> systems;
    std::array<const char *, 8> entities;
};

const std::array<DomainSpec, 10> kDomains = {{
    {"Sales", "#2f80ed", {"HubSpot", "Salesforce", "Gong"},
     {"deals", "opportunities", "quotes", "accounts", "pipeline", "forecast", "territories", "bookings"}},
    {"Marketing", "#9b51e0", {"HubSpot", "Marketo", "Google Ads"},
     {"campaigns", "leads", "web sessions", "email sends", "attribution", "events", "ad spend", "landing pages"}},
    {"Finance", "#27ae60", {"NetSuite", "SAP", "Stripe"},
     {"invoices", "payments", "revenue", "cost of goods sold", "ledger", "budgets", "refunds", "gross margin"}},
    {"Customer Success", "#f2994a", {"Gainsight", "Zendesk", "Intercom"},
     {"accounts health", "renewals", "churn events", "NPS responses", "tickets", "onboarding", "escalations", "usage"}},
    {"Product", "#eb5757", {"Jira", "Amplitude", "GitHub"},
     {"issues", "releases", "sprints", "feature usage", "experiments", "incidents", "roadmap", "pull requests"}},
    {"People", "#56ccf2", {"Workday", "Greenhouse", "Lattice"},
     {"workers", "headcount", "hires", "leavers", "compensation", "reviews", "candidates", "org chart"}},
    {"Manufacturing", "#828282", {"MES", "Plant historian", "SAP"},
     {"production runs", "downtime events", "scrap", "OEE", "work orders", "maintenance", "quality checks", "sensor readings"}},
    {"Supply Chain", "#bb6bd9", {"SAP", "Flexport", "Oracle SCM"},
     {"shipments", "purchase orders", "suppliers", "inventory", "lead times", "warehouses", "returns", "carriers"}},
    {"Logistics", "#219653", {"ShipBob", "Flexport", "Postgres"},
     {"deliveries", "routes", "fleet", "fuel", "parcels", "depots", "delays", "proof of delivery"}},
    {"Security", "#333333", {"Okta", "CrowdStrike", "Splunk"},
     {"sign-ins", "alerts", "devices", "vulnerabilities", "access reviews", "audit events", "phishing reports", "policies"}},
}};

const std::array<const char *, 8> kStages = {"raw", "staged", "curated", "daily", "monthly",
                                             "cleaned", "enriched", "snapshot"};
const std::array<const char *, 16> kTags = {
    "gold", "silver", "bronze", "certified", "pii", "finance-approved", "kpi-input", "realtime",
    "batch", "experimental", "gdpr", "sox", "board-report", "self-serve", "legacy", "streaming"};
const std::array<const char *, 4> kStatuses = {"active", "active", "draft", "deprecated"};
const std::array<const char *, 12> kFirst = {"Ana", "Bilal", "Chen", "Dana", "Emeka", "Farah",
                                             "Goran", "Hana", "Ivan", "Jia", "Kofi", "Lena"};
const std::array<const char *, 12> kLast = {"Silva", "Khan", "Wei", "Novak", "Okafor", "Haddad",
                                            "Petrov", "Sato", "Ionescu", "Li", "Mensah", "Berg"};

struct ColumnSpec
{
    const char *name;
    const char *type;
    const char *doc;
    const char *classification;
};

const std::array<ColumnSpec, 32> kColumns = {{
    {"id", "string", "Primary key of the record in the source system.", ""},
    {"created_at", "timestamp", "When the record was created, UTC.", ""},
    {"updated_at", "timestamp", "When the record last changed, UTC.", ""},
    {"customer_id", "string", "Customer identifier; joins to the customer master.", ""},
    {"account_name", "string", "Legal name of the customer account.", "PII.NonSensitive"},
    {"email", "string", "Contact email address.", "PII.Sensitive"},
    {"phone", "string", "Contact phone number in E.164 format.", "PII.Sensitive"},
    {"full_name", "string", "Full name of the person.", "PII.Sensitive"},
    {"country", "string", "ISO 3166-1 alpha-2 country code.", "PII.NonSensitive"},
    {"amount", "decimal", "Amount in the record currency.", ""},
    {"currency", "string", "ISO 4217 currency code.", ""},
    {"amount_usd", "decimal", "Amount converted to US dollars at the daily rate.", ""},
    {"status", "string", "Lifecycle status of the record.", ""},
    {"stage", "string", "Pipeline or workflow stage.", ""},
    {"probability", "decimal", "Win probability between 0 and 1.", ""},
    {"quantity", "integer", "Number of units.", ""},
    {"unit_cost", "decimal", "Cost per unit in US dollars.", ""},
    {"region", "string", "Sales region (AMER, EMEA, APAC).", ""},
    {"product_line", "string", "Product line the record belongs to.", ""},
    {"owner_id", "string", "Employee responsible for the record.", ""},
    {"score", "decimal", "Computed score, higher is better.", ""},
    {"is_active", "boolean", "Whether the record is active.", ""},
    {"event_date", "date", "Business date of the event.", ""},
    {"period", "string", "Fiscal period, e.g. 2026-Q3.", ""},
    {"ip_address", "string", "Client IP address at the time of the event.", "PII.Sensitive"},
    {"birth_date", "date", "Date of birth.", "PII.Sensitive"},
    {"job_title", "string", "Job title as entered in the HR system.", "PII.NonSensitive"},
    {"payload", "json", "Raw payload as received from the API.", ""},
    {"source_file", "string", "Name of the export file the row came from.", ""},
    {"duration_minutes", "integer", "Duration in minutes.", ""},
    {"defect_count", "integer", "Number of defects found.", ""},
    {"health", "string", "Health colour: green, yellow or red.", ""},
}};

QString cap(const QString &s)
{
    return s.isEmpty() ? s : s.left(1).toUpper() + s.mid(1);
}

QString slug(QString s)
{
    s = s.toLower();
    for (QChar &c : s)
        if (!c.isLetterOrNumber())
            c = QLatin1Char('-');
    return s;
}

} // namespace

bool Generator::populate(SqliteCatalogStore &store, const Progress &progress, CatalogError *error)
{
    Rng rng(m_options.seed);
    const int total = std::max(0, m_options.products);
    return store.transaction(
        [&](CatalogError *e) {
            for (const DomainSpec &d : kDomains) {
                if (!store.upsertDomain({0, QString::fromLatin1(d.name),
                                         QStringLiteral("The %1 domain.").arg(QString::fromLatin1(d.name)),
                                         QString::fromLatin1(d.color)},
                                        e))
                    return false;
            }
            // One owner per ~40 products, at least one per domain.
            const int userCount = std::max(int(kDomains.size()) * 2, total / 40);
            QStringList userIds;
            for (int i = 0; i < userCount; ++i) {
                const QString first = QString::fromLatin1(rng.pick(kFirst));
                const QString last = QString::fromLatin1(rng.pick(kLast));
                User u;
                u.id = QStringLiteral("%1.%2%3").arg(first.toLower(), last.toLower()).arg(i);
                u.displayName = first + QLatin1Char(' ') + last;
                u.email = u.id + QStringLiteral("@example.com");
                u.roles = {i % 10 == 0 ? QStringLiteral("steward") : QStringLiteral("owner")};
                u.domain = QString::fromLatin1(kDomains[size_t(i) % kDomains.size()].name);
                if (!store.upsertUser(u, e))
                    return false;
                userIds.append(u.id);
            }
            const Source source{0, QStringLiteral("generator"), QStringLiteral("generated"),
                                QStringLiteral("seed:%1").arg(m_options.seed),
                                QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC)};
            if (!store.upsertSource(source, e))
                return false;

            QStringList keys;
            keys.reserve(total);
            const QDateTime base(QDate(2026, 11, 1), QTime(6, 0), Qt::UTC);
            for (int i = 0; i < total; ++i) {
                const DomainSpec &d = kDomains[size_t(rng.below(int(kDomains.size())))];
                const QString system = QString::fromLatin1(rng.pick(d.systems));
                const QString entity = QString::fromLatin1(rng.pick(d.entities));
                const QString stage = QString::fromLatin1(rng.pick(kStages));
                Product p;
                p.name = QStringLiteral("%1 %2 %3").arg(cap(stage), system, entity);
                p.key = slug(QString::fromLatin1(d.name)) + QLatin1Char('.') + slug(system) +
                        QLatin1Char('-') + slug(entity) + QLatin1Char('-') + stage +
                        QLatin1Char('-') + QString::number(i);
                p.domain = QString::fromLatin1(d.name);
                const bool dark = rng.chance(3);
                p.ownerId = dark ? QString() : userIds.at(rng.below(int(userIds.size())));
                p.stewardId = userIds.at(rng.below(int(userIds.size())));
                p.status = QString::fromLatin1(rng.pick(kStatuses));
                p.sourceSystem = system;
                p.formats = {rng.chance(50) ? QStringLiteral("parquet") : QStringLiteral("json")};
                p.freshnessSlaHours = rng.pick(std::array<int, 4>{0, 1, 24, 168});
                p.version = QStringLiteral("1.%1.%2").arg(rng.below(10)).arg(rng.below(20));
                p.updatedAt = base.addSecs(-qint64(rng.below(400 * 24)) * 3600);
                p.sourceName = source.name;
                p.description =
                    dark ? QString()
                         : QStringLiteral("%1 %2 from %3, owned by the %4 domain.\n\n"
                                          "Refreshed %5. Use it for %6 reporting; the `id` "
                                          "column is stable across loads.")
                               .arg(cap(stage), entity, system, p.domain,
                                    p.freshnessSlaHours == 1 ? QStringLiteral("hourly")
                                                             : QStringLiteral("daily"),
                                    entity);
                const int tagCount = 1 + rng.below(3);
                for (int t = 0; t < tagCount; ++t) {
                    const QString tag = QString::fromLatin1(rng.pick(kTags));
                    if (!p.tags.contains(tag))
                        p.tags.append(tag);
                }
                Dataset ds;
                ds.name = slug(entity).replace(QLatin1Char('-'), QLatin1Char('_'));
                ds.format = p.formats.first();
                ds.location = QStringLiteral("s3://messy-lake/%1/%2/").arg(slug(p.domain), ds.name);
                ds.description = QStringLiteral("The %1 table.").arg(entity);
                const int columnCount =
                    std::max(1, m_options.columnsPerDataset - 3 + rng.below(7));
                const int startColumn = rng.below(int(kColumns.size()));
                for (int c = 0; c < columnCount; ++c) {
                    const ColumnSpec &spec = kColumns[size_t(startColumn + c) % kColumns.size()];
                    Column col;
                    col.name = c < int(kColumns.size())
                                   ? QString::fromLatin1(spec.name)
                                   : QStringLiteral("%1_%2").arg(QString::fromLatin1(spec.name)).arg(c);
                    col.type = QString::fromLatin1(spec.type);
                    col.description = dark ? QString() : QString::fromLatin1(spec.doc);
                    col.classification = dark ? QString() : QString::fromLatin1(spec.classification);
                    ds.columns.append(col);
                }
                p.datasets.append(ds);
                if (!store.upsertProduct(p, e))
                    return false;
                keys.append(p.key);

                // Lineage: most products read from one or two earlier ones (a DAG by creation
                // order), which gives ~1.5 edges per product.
                if (i > 0) {
                    const int inputs = rng.chance(20) ? 0 : 1 + rng.below(2);
                    for (int k = 0; k < inputs; ++k) {
                        const int from = std::max(0, i - 1 - rng.below(std::min(i, 200)));
                        const LineageEdge edge{keys.at(from), p.key,
                                               rng.chance(50) ? QStringLiteral("transform")
                                                              : QStringLiteral("aggregate"),
                                               QStringLiteral("job_%1").arg(i)};
                        if (!store.addLineageEdge(edge, e))
                            return false;
                    }
                }
                if (progress && (i % 1000 == 999 || i == total - 1) && !progress(i + 1, total)) {
                    if (e)
                        *e = {CatalogError::Code::Invalid, QStringLiteral("Cancelled.")};
                    return false;
                }
            }
            return true;
        },
        error);
}

bool Generator::writeCatalog(const QString &path, const Progress &progress, CatalogError *error)
{
    const QString name = QStringLiteral("Synthetic catalog (%1 products, seed %2)")
                             .arg(m_options.products)
                             .arg(m_options.seed);
    return SqliteCatalogStore::createComplete(
        path, name,
        [&](SqliteCatalogStore &store, CatalogError *e) {
            store.setSearchIndexDeferred(true);
            const bool ok = populate(store, progress, e);
            store.setSearchIndexDeferred(false);
            return ok && store.rebuildSearchIndex(e);
        },
        error);
}

} // namespace Mesh
