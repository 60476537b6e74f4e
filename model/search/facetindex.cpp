// SPDX-License-Identifier: MIT
#include "search/facetindex.h"

#include "db/sqlite.h"

#include <sqlite3.h>

#include <algorithm>

namespace Mesh {

namespace {
constexpr int kTagSlot = 0;
constexpr int kClassificationSlot = 1;

int kindIndex(FacetKind kind)
{
    return int(kind);
}
} // namespace

int FacetIndex::Dictionary::intern(const QString &value, const QString &label)
{
    const auto it = index.constFind(value);
    if (it != index.constEnd())
        return *it;
    const int i = int(values.size());
    values.append(value);
    labels.append(label.isEmpty() ? value : label);
    index.insert(value, i);
    return i;
}

int FacetIndex::singleSlot(FacetKind kind)
{
    switch (kind) {
    case FacetKind::Domain:
        return 0;
    case FacetKind::Owner:
        return 1;
    case FacetKind::SourceSystem:
        return 2;
    case FacetKind::Status:
        return 3;
    default:
        return -1;
    }
}

bool FacetIndex::refresh(Database &db, QString *error)
{
    const qint64 dataVersion = db.scalar(QStringLiteral("PRAGMA data_version")).toLongLong();
    const qint64 totalChanges = sqlite3_total_changes64(db.handle());
    if (dataVersion == m_dataVersion && totalChanges == m_totalChanges)
        return true;

    *this = FacetIndex();
    m_maxId = db.scalar(QStringLiteral("SELECT coalesce(max(id), 0) FROM products")).toLongLong();
    const size_t slotCount = size_t(m_maxId) + 1;
    for (auto &column : m_single)
        column.assign(slotCount, -1);

    Statement products = db.prepareOnce(QStringLiteral(
        "SELECT p.id, coalesce(d.name, ''), coalesce(p.owner_id, ''), "
        "coalesce(nullif(u.display_name, ''), p.owner_id, ''), p.source_system, p.status "
        "FROM products p LEFT JOIN domains d ON d.id = p.domain_id "
        "LEFT JOIN users u ON u.id = p.owner_id"),
        error);
    if (!products.isValid())
        return false;
    while (products.step()) {
        const size_t id = size_t(products.integer(0));
        m_single[0][id] = m_dicts[kindIndex(FacetKind::Domain)].intern(products.text(1), {});
        m_single[1][id] =
            m_dicts[kindIndex(FacetKind::Owner)].intern(products.text(2), products.text(3));
        m_single[2][id] = m_dicts[kindIndex(FacetKind::SourceSystem)].intern(products.text(4), {});
        m_single[3][id] = m_dicts[kindIndex(FacetKind::Status)].intern(products.text(5), {});
    }
    if (!products.lastError().isEmpty()) {
        if (error)
            *error = products.lastError();
        return false;
    }

    const std::pair<const char *, FacetKind> multi[] = {
        {"SELECT product_id, tag FROM product_tags ORDER BY product_id", FacetKind::Tag},
        {"SELECT product_id, classification FROM product_classifications ORDER BY product_id",
         FacetKind::Classification}};
    for (int slot = 0; slot < 2; ++slot) {
        auto &offsets = m_multiOffsets[slot];
        auto &values = m_multiValues[slot];
        offsets.assign(slotCount + 1, 0);
        Statement st = db.prepareOnce(QString::fromLatin1(multi[slot].first), error);
        if (!st.isValid())
            return false;
        Dictionary &dict = m_dicts[kindIndex(multi[slot].second)];
        size_t next = 0; // next product id whose offset is not yet written
        while (st.step()) {
            const size_t id = size_t(st.integer(0));
            if (id >= slotCount)
                continue;
            while (next <= id)
                offsets[next++] = int(values.size());
            values.push_back(dict.intern(st.text(1), {}));
        }
        while (next <= slotCount)
            offsets[next++] = int(values.size());
    }
    m_dataVersion = dataVersion;
    m_totalChanges = totalChanges;
    return true;
}

FacetCounts FacetIndex::count(const std::vector<qint64> *ids,
                              const QHash<FacetKind, QStringList> &filters, int perKind) const
{
    // Which values each filtered kind accepts, as flags over its dictionary.
    std::vector<char> accepted[6];
    bool filtered[6] = {};
    for (FacetKind kind : kAllFacetKinds) {
        const QStringList values = filters.value(kind);
        if (values.isEmpty())
            continue;
        const int k = kindIndex(kind);
        filtered[k] = true;
        accepted[k].assign(size_t(m_dicts[k].values.size()), 0);
        for (const QString &v : values) {
            const auto it = m_dicts[k].index.constFind(v);
            if (it != m_dicts[k].index.constEnd())
                accepted[k][size_t(*it)] = 1;
        }
    }
    // A classification filter's "" means "no classification at all".
    const bool classificationWantsNone =
        filters.value(FacetKind::Classification).contains(QString());

    std::vector<qint64> counts[6];
    for (int k = 0; k < 6; ++k)
        counts[k].assign(size_t(m_dicts[k].values.size()), 0);

    auto visit = [&](qint64 rawId) {
        if (rawId < 0 || rawId > m_maxId || m_single[0][size_t(rawId)] < 0)
            return;
        const size_t id = size_t(rawId);
        // Bit k set: the product passes the filter of kind k (or kind k is not filtered).
        unsigned passes = 0;
        for (FacetKind kind : kAllFacetKinds) {
            const int k = kindIndex(kind);
            bool ok = !filtered[k];
            if (!ok) {
                const int single = singleSlot(kind);
                if (single >= 0) {
                    ok = accepted[k][size_t(m_single[single][id])];
                } else {
                    const int slot = kind == FacetKind::Tag ? kTagSlot : kClassificationSlot;
                    const int from = m_multiOffsets[slot][id];
                    const int to = m_multiOffsets[slot][id + 1];
                    for (int i = from; i < to && !ok; ++i)
                        ok = accepted[k][size_t(m_multiValues[slot][size_t(i)])];
                    if (!ok && kind == FacetKind::Classification && classificationWantsNone)
                        ok = from == to;
                }
            }
            if (ok)
                passes |= 1u << k;
        }
        constexpr unsigned all = (1u << 6) - 1;
        for (FacetKind kind : kAllFacetKinds) {
            const int k = kindIndex(kind);
            if ((passes | (1u << k)) != all)
                continue; // fails another kind's filter
            const int single = singleSlot(kind);
            if (single >= 0) {
                ++counts[k][size_t(m_single[single][id])];
            } else {
                const int slot = kind == FacetKind::Tag ? kTagSlot : kClassificationSlot;
                for (int i = m_multiOffsets[slot][id]; i < m_multiOffsets[slot][id + 1]; ++i)
                    ++counts[k][size_t(m_multiValues[slot][size_t(i)])];
            }
        }
    };
    if (ids) {
        for (qint64 id : *ids)
            visit(id);
    } else {
        for (qint64 id = 0; id <= m_maxId; ++id)
            visit(id);
    }

    FacetCounts result;
    for (FacetKind kind : kAllFacetKinds) {
        const int k = kindIndex(kind);
        std::vector<int> order;
        for (size_t v = 0; v < counts[k].size(); ++v)
            if (counts[k][v] > 0)
                order.push_back(int(v));
        const Dictionary &dict = m_dicts[k];
        const size_t keep = std::min(order.size(), size_t(std::max(1, perKind)));
        std::partial_sort(order.begin(), order.begin() + qsizetype(keep), order.end(),
                          [&](int a, int b) {
                              if (counts[k][size_t(a)] != counts[k][size_t(b)])
                                  return counts[k][size_t(a)] > counts[k][size_t(b)];
                              return dict.labels.at(a) < dict.labels.at(b);
                          });
        QList<FacetCount> list;
        for (size_t i = 0; i < keep; ++i) {
            const int v = order[i];
            list.append({dict.values.at(v), dict.labels.at(v), counts[k][size_t(v)]});
        }
        result.insert(kind, list);
    }
    return result;
}

} // namespace Mesh
