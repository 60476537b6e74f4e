// SPDX-License-Identifier: MIT
// meshctl governance, alerts and contract: compliance with the mesh's policies, data quality
// alerts and ODCS data contracts.
#include "cli.h"

#include "access/accessservice.h"
#include "contract/contractservice.h"
#include "governance/governanceservice.h"
#include "quality/qualityservice.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QMap>
#include <QSaveFile>

#include <cstdio>
#include <unistd.h>

namespace Mesh::Cli {

namespace {

const char kGovernanceUsage[] =
    "Usage: meshctl governance FILE [--json]\n"
    "       meshctl governance set FILE KIND [PARAMETER] [--domain D] [--disable] [--as USER]\n"
    "Scores per domain and product, and every violation grouped by domain and owner.\n"
    "KIND: required-owner, description-min-length N, column-classification,\n"
    "      kpi-freshness-sla MAX_HOURS, naming-convention REGEX, pii-access-policy.\n"
    "Global policies (no --domain) are the governance council's; a domain's stewards may add or\n"
    "tighten their domain's.\n";

const char kAlertsUsage[] =
    "Usage: meshctl alerts FILE [--json] [--no-scan] [--product KEY] [--all]\n"
    "       meshctl alerts ack|resolve FILE ID [--note TEXT] [--as USER]\n"
    "       meshctl alerts affecting FILE PRODUCT [--json]\n"
    "Scans the products (freshness, duplicates, schema drift, null spikes, contract checks) and\n"
    "lists the open alerts; kind is missing, duplicate, drift or null-spike. `affecting` lists\n"
    "the alerts on a product and everything upstream of it (what a KPI tile shows).\n";

const char kContractUsage[] =
    "Usage: meshctl contract import FILE CONTRACT.yaml [--as USER] [--server URL]\n"
    "       meshctl contract export FILE PRODUCT [--out X.yaml] [--server URL]\n"
    "       meshctl contract check FILE PRODUCT [--json] [--server URL]\n"
    "Open Data Contract Standard v3.0.x and v3.1.0 documents. `check` exits 1 when the product\n"
    "breaks its contract. With --server URL, FILE is the team catalog's local cache: import\n"
    "saves the contract on the team server (for a product it has) as --as USER; export and\n"
    "check first pull the server's changes.\n";


QString pct(double score)
{
    return QString::number(score, 'f', score >= 99.95 || score == 0 ? 0 : 1) + QLatin1Char('%');
}

QString pad(const QString &s, int width)
{
    return s.size() >= width ? s : s + QString(width - s.size(), QLatin1Char(' '));
}

QString isoTime(const QDateTime &t)
{
    return t.isValid() ? t.toUTC().toString(Qt::ISODate) : QString();
}

int governanceSet(const QStringList &args)
{
    Command c(QStringLiteral("governance set"));
    c.parser.setApplicationDescription(QString::fromUtf8(kGovernanceUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("KIND"), QStringLiteral("Policy kind."));
    c.parser.addPositionalArgument(QStringLiteral("PARAMETER"), QStringLiteral("Its parameter."));
    c.option(QStringLiteral("domain"), QStringLiteral("Set the domain's policy (default: global)."),
             QStringLiteral("D"));
    c.option(QStringLiteral("disable"), QStringLiteral("Switch the policy off."));
    c.option(QStringLiteral("as"), QStringLiteral("Act as USER (demo catalog only; audited)."),
             QStringLiteral("USER"));
    if (int r = c.parse(args, 2, 3); r != -1)
        return r == -2 ? Ok : r;
    GovernancePolicy policy;
    if (!GovernancePolicy::kindFromName(c.positional(1), &policy.kind)) {
        QStringList kinds;
        for (auto k : GovernancePolicy::allKinds())
            kinds.append(GovernancePolicy::kindName(k));
        return fail(Usage, QStringLiteral("unknown policy kind “%1”; use one of %2")
                               .arg(c.positional(1), kinds.join(QStringLiteral(", "))));
    }
    policy.parameter = c.positional(2);
    policy.scope = c.value(QStringLiteral("domain"));
    policy.enabled = !c.isSet(QStringLiteral("disable"));
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const std::optional<QString> user = actingUser(c, *store, &code);
    if (!user)
        return code;
    const AccessOutcome o = GovernanceService(*store).setPolicy(*user, policy);
    if (!o.ok())
        return accessExit(o, PartlyFailed);
    out(o.message + QLatin1Char('\n'));
    return Ok;
}

int alertsTransition(const QStringList &args, bool resolve)
{
    const QString name = resolve ? QStringLiteral("alerts resolve") : QStringLiteral("alerts ack");
    Command c(name);
    c.parser.setApplicationDescription(QString::fromUtf8(kAlertsUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("ID"), QStringLiteral("Alert id."));
    c.option(QStringLiteral("note"), QStringLiteral("Why, for the audit log."),
             QStringLiteral("TEXT"));
    c.option(QStringLiteral("as"), QStringLiteral("Act as USER (demo catalog only; audited)."),
             QStringLiteral("USER"));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    bool ok = false;
    QString idText = c.positional(1);
    if (idText.startsWith(QLatin1Char('#')))
        idText = idText.mid(1);
    const qint64 id = idText.toLongLong(&ok);
    if (!ok || id <= 0)
        return fail(Usage, QStringLiteral("ID must be an alert number, got “%1”; see `meshctl "
                                          "alerts FILE`")
                               .arg(c.positional(1)));
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const std::optional<QString> user = actingUser(c, *store, &code);
    if (!user)
        return code;
    QualityService service(*store);
    const QString note = c.value(QStringLiteral("note"));
    const AccessOutcome o =
        resolve ? service.resolve(*user, id, note) : service.acknowledge(*user, id, note);
    if (!o.ok())
        return accessExit(o, PartlyFailed);
    out(o.message + QLatin1Char('\n'));
    return Ok;
}

QJsonObject alertJson(const QualityAlert &a)
{
    QJsonObject o{{QStringLiteral("id"), a.id},
                  {QStringLiteral("product"), a.finding.productKey},
                  {QStringLiteral("kind"), QualityFinding::kindName(a.finding.kind)},
                  {QStringLiteral("severity"), a.finding.severity},
                  {QStringLiteral("state"), QualityAlert::stateName(a.state)},
                  {QStringLiteral("title"), a.finding.title},
                  {QStringLiteral("detail"), a.finding.detail},
                  {QStringLiteral("first_seen"), isoTime(a.firstSeen)},
                  {QStringLiteral("last_seen"), isoTime(a.lastSeen)}};
    if (!a.acknowledgedBy.isEmpty()) {
        o.insert(QStringLiteral("acknowledged_by"), a.acknowledgedBy);
        o.insert(QStringLiteral("acknowledged_at"), isoTime(a.acknowledgedAt));
    }
    if (!a.resolvedBy.isEmpty()) {
        o.insert(QStringLiteral("resolved_by"), a.resolvedBy);
        o.insert(QStringLiteral("resolved_at"), isoTime(a.resolvedAt));
    }
    if (!a.note.isEmpty())
        o.insert(QStringLiteral("note"), a.note);
    return o;
}

QString alertLine(const QualityAlert &a)
{
    return QStringLiteral("#%1  %2  %3  %4  %5\n      %6\n")
        .arg(a.id)
        .arg(pad(QualityFinding::kindName(a.finding.kind), 10), pad(a.finding.severity, 8),
             pad(QualityAlert::stateName(a.state), 12),
             a.finding.productKey + QStringLiteral(": ") + a.finding.title, a.finding.detail);
}

int alertsAffecting(const QStringList &args)
{
    Command c(QStringLiteral("alerts affecting"));
    c.parser.setApplicationDescription(QString::fromUtf8(kAlertsUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    if (!store->productByKey(c.positional(1)))
        return fail(
            Usage,
            QStringLiteral("there is no product “%1” in %2").arg(c.positional(1), c.positional(0)));
    const QList<AffectingAlert> list = QualityService(*store).alertsAffecting(c.positional(1));
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const AffectingAlert &a : list) {
            QJsonObject o = alertJson(a.alert);
            o.insert(QStringLiteral("distance"), a.distance);
            o.insert(QStringLiteral("path"), QJsonArray::fromStringList(a.path));
            array.append(o);
        }
        outJson({{QStringLiteral("product"), c.positional(1)}, {QStringLiteral("alerts"), array}});
        return Ok;
    }
    if (list.isEmpty())
        out(QStringLiteral("No open alerts on %1 or upstream of it.\n").arg(c.positional(1)));
    for (const AffectingAlert &a : list)
        out(alertLine(a.alert) +
            (a.distance == 0
                 ? QString()
                 : QStringLiteral("      via %1\n").arg(a.path.join(QStringLiteral(" → ")))));
    return Ok;
}

int alertsList(const QStringList &args)
{
    Command c(QStringLiteral("alerts"));
    c.parser.setApplicationDescription(QString::fromUtf8(kAlertsUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    c.option(QStringLiteral("no-scan"), QStringLiteral("List stored alerts without scanning."));
    c.option(QStringLiteral("product"), QStringLiteral("Only this product."),
             QStringLiteral("KEY"));
    c.option(QStringLiteral("all"), QStringLiteral("Include resolved alerts."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const QString product = c.value(QStringLiteral("product"));
    if (!product.isEmpty() && !store->productByKey(product))
        return fail(Usage,
                    QStringLiteral("there is no product “%1” in %2").arg(product, c.positional(0)));
    QualityService service(*store);
    QualityScanSummary summary;
    const bool scanning = !c.isSet(QStringLiteral("no-scan")) && !store->isReadOnly();
    if (scanning) {
        const bool tty = isatty(STDERR_FILENO);
        summary = service.scan(product, nullptr, [tty](int done, int total) {
            if (tty)
                std::fprintf(stderr, "\rscanning… %d / %d", done, total);
        });
        if (tty)
            std::fprintf(stderr, "\n");
    }
    const QList<QualityAlert> list = service.alerts(product, c.isSet(QStringLiteral("all")));
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const QualityAlert &a : list)
            array.append(alertJson(a));
        outJson({{QStringLiteral("file"), QFileInfo(store->path()).absoluteFilePath()},
                 {QStringLiteral("scanned"), scanning ? summary.products : 0},
                 {QStringLiteral("raised"), summary.raised},
                 {QStringLiteral("alerts"), array},
                 {QStringLiteral("problems"), QJsonArray::fromStringList(summary.problems)}});
    } else {
        if (scanning)
            out(QStringLiteral("Scanned %1 products: %2 new alert(s), %3 still open.\n\n")
                    .arg(summary.products)
                    .arg(summary.raised)
                    .arg(summary.refreshed));
        else if (store->isReadOnly())
            out(QStringLiteral("The catalog is read-only: stored alerts only, no scan.\n\n"));
        if (list.isEmpty())
            out(QStringLiteral("No open alerts.\n"));
        for (const QualityAlert &a : list)
            out(alertLine(a));
        for (const QString &p : summary.problems)
            out(QStringLiteral("warning: %1\n").arg(p));
    }
    return summary.problems.isEmpty() ? Ok : PartlyFailed;
}

} // namespace

std::optional<QByteArray> contractFile(const QString &path, int *code)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *code = fail(Usage, QStringLiteral("cannot read %1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

int invalidContract(const QString &path, const QList<OdcsIssue> &errors)
{
    QStringList lines;
    for (const OdcsIssue &e : errors)
        lines.append(e.toString());
    return fail(Usage, QStringLiteral("%1 is not a valid ODCS v3 contract: %2")
                           .arg(path, lines.join(QStringLiteral("; "))));
}

namespace {

int contractImport(const QStringList &args)
{
    Command c(QStringLiteral("contract import"));
    c.parser.setApplicationDescription(QString::fromUtf8(kContractUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("CONTRACT"), QStringLiteral("ODCS YAML file."));
    c.option(QStringLiteral("as"), QStringLiteral("Act as USER (demo catalog only; audited)."),
             QStringLiteral("USER"));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    const std::optional<QByteArray> yaml = contractFile(c.positional(1), &code);
    if (!yaml)
        return code;
    auto store = openCatalog(c.positional(0), &code);
    if (!store)
        return code;
    const std::optional<QString> user = actingUser(c, *store, &code);
    if (!user)
        return code;
    const ContractImport result = ContractService(*store).importContract(*user, *yaml);
    if (!result.errors.isEmpty())
        return invalidContract(c.positional(1), result.errors);
    if (!result.outcome.ok())
        return accessExit(result.outcome, PartlyFailed);
    out(result.outcome.message + QLatin1Char('\n'));
    for (const QString &w : result.warnings)
        out(QStringLiteral("warning: %1\n").arg(w));
    return Ok;
}

int contractExport(const QStringList &args)
{
    Command c(QStringLiteral("contract export"));
    c.parser.setApplicationDescription(QString::fromUtf8(kContractUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
    c.option(QStringLiteral("out"), QStringLiteral("Write the YAML here (default: stdout)."),
             QStringLiteral("X.yaml"));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    QString error;
    const std::optional<QByteArray> yaml =
        ContractService(*store).exportContract(c.positional(1), &error);
    if (!yaml)
        return fail(Usage, error);
    if (!c.isSet(QStringLiteral("out"))) {
        std::fwrite(yaml->constData(), 1, size_t(yaml->size()), stdout);
        return Ok;
    }
    QSaveFile f(c.value(QStringLiteral("out")));
    if (!f.open(QIODevice::WriteOnly) || f.write(*yaml) != yaml->size() || !f.commit())
        return fail(Usage, QStringLiteral("cannot write %1: %2")
                               .arg(c.value(QStringLiteral("out")), f.errorString()));
    out(QStringLiteral("Wrote the contract of %1 to %2\n")
            .arg(c.positional(1), c.value(QStringLiteral("out"))));
    return Ok;
}

int contractCheck(const QStringList &args)
{
    Command c(QStringLiteral("contract check"));
    c.parser.setApplicationDescription(QString::fromUtf8(kContractUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.parser.addPositionalArgument(QStringLiteral("PRODUCT"), QStringLiteral("Product key."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 2, 2); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    ContractService service(*store);
    QString error;
    bool stored = false;
    service.contractOf(c.positional(1), &stored);
    const std::optional<ContractCheckResult> result = service.check(c.positional(1), &error);
    if (!result)
        return fail(Usage, error);
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray checks;
        for (const ContractCheckItem &i : result->items)
            checks.append(QJsonObject{{QStringLiteral("check"), i.what},
                                      {QStringLiteral("passed"), i.passed},
                                      {QStringLiteral("problem"), i.problem}});
        outJson({{QStringLiteral("product"), c.positional(1)},
                 {QStringLiteral("contract"),
                  stored ? QStringLiteral("imported") : QStringLiteral("derived from metadata")},
                 {QStringLiteral("checks"), checks},
                 {QStringLiteral("failed"), result->failed()}});
    } else {
        out(QStringLiteral("%1: %2 contract, %3 checks, %4 failed\n")
                .arg(c.positional(1),
                     stored ? QStringLiteral("imported") : QStringLiteral("metadata-derived"))
                .arg(result->items.size())
                .arg(result->failed()));
        for (const ContractCheckItem &i : result->items)
            out(QStringLiteral("  %1 %2%3\n")
                    .arg(i.passed ? QStringLiteral("ok  ") : QStringLiteral("FAIL"), i.what,
                         i.passed ? QString() : QStringLiteral(" — ") + i.problem));
    }
    return result->failed() == 0 ? Ok : 1;
}

} // namespace

int cmdGovernance(const QStringList &args)
{
    if (args.value(0) == QStringLiteral("set"))
        return governanceSet(args.mid(1));
    Command c(QStringLiteral("governance"));
    c.parser.setApplicationDescription(QString::fromUtf8(kGovernanceUsage));
    c.parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("Catalog file."));
    c.option(QStringLiteral("json"), QStringLiteral("Print JSON."));
    if (int r = c.parse(args, 1, 1); r != -1)
        return r == -2 ? Ok : r;
    int code = Ok;
    auto store = openCatalog(c.positional(0), &code, SqliteCatalogStore::OpenMode::ReadOnly);
    if (!store)
        return code;
    const GovernanceReport report = GovernanceService(*store).report();
    if (c.isSet(QStringLiteral("json"))) {
        QJsonArray policies, domains, products, violations;
        for (const GovernancePolicy &p : report.policies)
            policies.append(QJsonObject{
                {QStringLiteral("scope"), p.isGlobal() ? QStringLiteral("global") : p.scope},
                {QStringLiteral("kind"), GovernancePolicy::kindName(p.kind)},
                {QStringLiteral("parameter"), p.parameter},
                {QStringLiteral("enabled"), p.enabled},
                {QStringLiteral("summary"), p.summary()},
                {QStringLiteral("updated_by"), p.updatedBy},
                {QStringLiteral("updated_at"), isoTime(p.updatedAt)}});
        for (const DomainCompliance &d : report.domains)
            domains.append(QJsonObject{{QStringLiteral("domain"), d.domain},
                                       {QStringLiteral("products"), d.products},
                                       {QStringLiteral("compliant_products"), d.compliantProducts},
                                       {QStringLiteral("violations"), d.violations},
                                       {QStringLiteral("score"), qRound(d.score * 10) / 10.0}});
        for (const ProductCompliance &p : report.products)
            products.append(QJsonObject{{QStringLiteral("key"), p.productKey},
                                        {QStringLiteral("name"), p.productName},
                                        {QStringLiteral("domain"), p.domain},
                                        {QStringLiteral("owner"), p.ownerId},
                                        {QStringLiteral("checks"), p.checks},
                                        {QStringLiteral("passed"), p.passed},
                                        {QStringLiteral("score"), qRound(p.score() * 10) / 10.0}});
        for (const GovernanceViolation &v : report.violations)
            violations.append(QJsonObject{
                {QStringLiteral("product"), v.productKey},
                {QStringLiteral("domain"), v.domain},
                {QStringLiteral("owner"), v.ownerId},
                {QStringLiteral("policy"), GovernancePolicy::kindName(v.kind)},
                {QStringLiteral("scope"), v.scope.isEmpty() ? QStringLiteral("global") : v.scope},
                {QStringLiteral("message"), v.message},
                {QStringLiteral("field"), v.field}});
        outJson({{QStringLiteral("file"), QFileInfo(store->path()).absoluteFilePath()},
                 {QStringLiteral("score"), qRound(report.overallScore * 10) / 10.0},
                 {QStringLiteral("policies"), policies},
                 {QStringLiteral("domains"), domains},
                 {QStringLiteral("products"), products},
                 {QStringLiteral("violations"), violations}});
        return Ok;
    }
    QString text = QStringLiteral("Compliance %1 over %2 products, %3 violation(s)\n\nPolicies\n")
                       .arg(pct(report.overallScore))
                       .arg(report.products.size())
                       .arg(report.violations.size());
    for (const GovernancePolicy &p : report.policies)
        text += QStringLiteral("  %1 %2%3\n")
                    .arg(pad(p.isGlobal() ? QStringLiteral("global") : p.scope, 18), p.summary(),
                         p.enabled ? QString() : QStringLiteral(" (off)"));
    text += QStringLiteral("\n%1 %2 %3 %4\n")
                .arg(pad(QStringLiteral("domain"), 20), pad(QStringLiteral("score"), 7),
                     pad(QStringLiteral("compliant"), 10), QStringLiteral("violations"));
    for (const DomainCompliance &d : report.domains)
        text += QStringLiteral("%1 %2 %3 %4\n")
                    .arg(pad(d.domain.isEmpty() ? QStringLiteral("(no domain)") : d.domain, 20),
                         pad(pct(d.score), 7),
                         pad(QStringLiteral("%1/%2").arg(d.compliantProducts).arg(d.products), 10))
                    .arg(d.violations);
    text += QStringLiteral("\nProducts\n");
    for (const ProductCompliance &p : report.products)
        text += QStringLiteral("  %1 %2 %3/%4 checks\n")
                    .arg(pad(p.productKey, 36), pad(pct(p.score()), 7))
                    .arg(p.passed)
                    .arg(p.checks);
    // Violations grouped by domain, then owner.
    QMap<QString, QMap<QString, QList<GovernanceViolation>>> grouped;
    for (const GovernanceViolation &v : report.violations)
        grouped[v.domain][v.ownerId].append(v);
    text += QStringLiteral("\nViolations\n");
    for (auto d = grouped.cbegin(); d != grouped.cend(); ++d) {
        text +=
            QStringLiteral("%1\n").arg(d.key().isEmpty() ? QStringLiteral("(no domain)") : d.key());
        for (auto o = d->cbegin(); o != d->cend(); ++o) {
            text += QStringLiteral("  owner %1\n")
                        .arg(o.key().isEmpty() ? QStringLiteral("(none)") : o.key());
            for (const GovernanceViolation &v : *o)
                text += QStringLiteral("    %1  [%2, %3] %4  → %5\n")
                            .arg(v.productKey, GovernancePolicy::kindName(v.kind),
                                 v.scope.isEmpty() ? QStringLiteral("global") : v.scope, v.message,
                                 v.field);
        }
    }
    if (report.violations.isEmpty())
        text += QStringLiteral("  none\n");
    out(text);
    return Ok;
}

int cmdAlerts(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("ack") || sub == QStringLiteral("acknowledge"))
        return alertsTransition(args.mid(1), false);
    if (sub == QStringLiteral("resolve"))
        return alertsTransition(args.mid(1), true);
    if (sub == QStringLiteral("affecting"))
        return alertsAffecting(args.mid(1));
    return alertsList(args);
}

int cmdContract(const QStringList &args)
{
    const QString sub = args.value(0);
    if (sub == QStringLiteral("import"))
        return contractImport(args.mid(1));
    if (sub == QStringLiteral("export"))
        return contractExport(args.mid(1));
    if (sub == QStringLiteral("check"))
        return contractCheck(args.mid(1));
    if (sub == QStringLiteral("--help") || sub == QStringLiteral("-h")) {
        out(QString::fromUtf8(kContractUsage));
        return Ok;
    }
    return fail(Usage, sub.isEmpty()
                           ? QStringLiteral("contract needs import, export or check; see "
                                            "`meshctl contract --help`")
                           : QStringLiteral("unknown contract command “%1”: use import, export or "
                                            "check")
                                 .arg(sub));
}

} // namespace Mesh::Cli
