// SPDX-License-Identifier: MIT
#include "federation/odcsadapter.h"

#include "contract/odcscontract.h"

namespace Mesh {

namespace {

/**
 * ODCS leaves classification values to the organisation ("public", "restricted", …); the
 * catalog's classification facet knows only PII.Sensitive / PII.NonSensitive. These words (or a
 * "pii" tag) mean personal data; anything else is kept as a column tag instead.
 */
void classify(Column &c)
{
    const QString raw = c.classification;
    const QString value = raw.toLower();
    const bool piiTag = c.tags.contains(QStringLiteral("pii"), Qt::CaseInsensitive);
    c.tags.removeIf([](const QString &t) { return t.compare(QLatin1String("pii"), Qt::CaseInsensitive) == 0; });
    if (value == QLatin1String("pii.sensitive") || value == QLatin1String("pii.nonsensitive")) {
        c.classification = value == QLatin1String("pii.sensitive") ? QStringLiteral("PII.Sensitive")
                                                                   : QStringLiteral("PII.NonSensitive");
        return;
    }
    if (piiTag || value.contains(QLatin1String("pii")) || value == QLatin1String("restricted") ||
        value == QLatin1String("confidential") || value == QLatin1String("sensitive")) {
        c.classification = QStringLiteral("PII.Sensitive");
    } else {
        c.classification.clear();
    }
    if (!raw.isEmpty() && !c.tags.contains(raw))
        c.tags << raw;
}

} // namespace

void OdcsAdapter::begin()
{
    const QByteArray url = source().url.toUtf8();
    get(url, false, [this, url](const QByteArray &body, const QByteArray &contentType) {
        const QByteArray type = contentType.toLower();
        if (type.startsWith("text/html")) {
            fail(QStringLiteral("%1 answered with a web page (text/html) instead of an ODCS "
                                "contract; check the URL in Sources.")
                     .arg(where(url)));
            return;
        }
        QString error;
        if (!map(body, where(url), &m_snapshot, &error))
            fail(error + QStringLiteral(" Nothing was changed."));
    });
}

bool OdcsAdapter::map(const QByteArray &yaml, const QString &where, SourceSnapshot *out,
                      QString *error)
{
    // The contract reader of model/contract (Odcs::parse, Odcs::toProduct) does the standard;
    // this adds what a federated source needs: catalog classifications and an origin.
    const OdcsParseResult parsed = Odcs::parse(yaml);
    if (!parsed.ok()) {
        *error = QStringLiteral("%1 is not a valid ODCS v3 contract (%2).")
                     .arg(where, parsed.errors.isEmpty() ? QStringLiteral("unreadable")
                                                         : parsed.errors.first().toString());
        return false;
    }
    const OdcsContract &contract = *parsed.contract;
    OdcsProductMapping mapping = Odcs::toProduct(contract);
    Product &p = mapping.product;
    if (p.key.isEmpty()) {
        *error = QStringLiteral("%1: the contract has no id, so its product has no key.").arg(where);
        return false;
    }
    if (p.sourceSystem.isEmpty())
        p.sourceSystem = QStringLiteral("ODCS");
    for (int i = 0; i < p.datasets.size() && i < contract.schema.size(); ++i) {
        Dataset &ds = p.datasets[i];
        if (ds.format.isEmpty())
            ds.format = contract.schema[i].physicalType;
        if (ds.location.isEmpty())
            ds.location = contract.schema[i].physicalName;
        if (!ds.format.isEmpty() && !p.formats.contains(ds.format))
            p.formats << ds.format;
        for (Column &c : ds.columns)
            classify(c);
    }
    for (const OdcsTeamMember &m : contract.team)
        if (!m.username.isEmpty())
            out->users.append(User{m.username, m.name, {}, {}, {}});
    for (const OdcsIssue &w : parsed.warnings)
        out->warnings << w.toString();
    out->warnings << mapping.warnings;
    out->products.append(p);
    return true;
}

} // namespace Mesh
