// SPDX-License-Identifier: MIT
#include "overviewtab.h"

#include "chipswidget.h"
#include "markdownview.h"
#include "session/catalogsession.h"
#include "theme.h"

#include <QDateTime>
#include <QFormLayout>
#include <QFrame>
#include <QLabel>
#include <QLocale>
#include <QScrollArea>
#include <QVBoxLayout>

namespace Mesh {

namespace {

QLabel *valueLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextBrowserInteraction);
    label->setOpenExternalLinks(true);
    return label;
}

QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setFont(Theme::sectionFont(parent->font()));
    return label;
}

QString personHtml(const std::optional<User> &user, const QString &id, const QString &none,
                   const QColor &muted)
{
    if (!user) {
        if (id.isEmpty())
            return QStringLiteral("<span style=\"color:%1\">%2</span>")
                .arg(muted.name(), none.toHtmlEscaped());
        return id.toHtmlEscaped();
    }
    QString html = QStringLiteral("<b>%1</b>")
                       .arg((user->displayName.isEmpty() ? user->id : user->displayName)
                                .toHtmlEscaped());
    if (!user->email.isEmpty())
        html += QStringLiteral(" &nbsp;<a href=\"mailto:%1\">%1</a>").arg(user->email.toHtmlEscaped());
    if (!user->roles.isEmpty() || !user->domain.isEmpty()) {
        QStringList about;
        if (!user->roles.isEmpty())
            about << user->roles.join(QStringLiteral(", "));
        if (!user->domain.isEmpty())
            about << user->domain;
        html += QStringLiteral("<br><span style=\"color:%1\">%2</span>")
                    .arg(muted.name(), about.join(QStringLiteral(" · ")).toHtmlEscaped());
    }
    return html;
}

QString freshnessText(int hours)
{
    if (hours <= 0)
        return OverviewTab::tr("No freshness SLA");
    if (hours % 24 == 0)
        return hours == 24 ? OverviewTab::tr("Refreshed at least daily")
                           : OverviewTab::tr("Refreshed at least every %1 days").arg(hours / 24);
    return hours == 1 ? OverviewTab::tr("Refreshed at least hourly")
                      : OverviewTab::tr("Refreshed at least every %1 hours").arg(hours);
}

QString relativeTime(const QDateTime &when)
{
    const qint64 seconds = when.secsTo(QDateTime::currentDateTime());
    if (seconds < 0)
        return {};
    const qint64 days = seconds / 86400;
    if (days == 0)
        return OverviewTab::tr("today");
    if (days < 60)
        return days == 1 ? OverviewTab::tr("yesterday") : OverviewTab::tr("%1 days ago").arg(days);
    if (days < 730)
        return days < 45 ? OverviewTab::tr("a month ago")
                         : OverviewTab::tr("%1 months ago").arg(days / 30);
    return OverviewTab::tr("%1 years ago").arg(days / 365);
}

} // namespace

OverviewTab::OverviewTab(QWidget *parent) : ProductTab(parent)
{
    setObjectName(QStringLiteral("overviewTab"));
    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("overviewContent"));
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(16, 14, 16, 16);
    layout->setSpacing(8);

    layout->addWidget(sectionLabel(tr("About"), content));
    m_description = new MarkdownView(content);
    m_description->setObjectName(QStringLiteral("productDescription"));
    layout->addWidget(m_description);
    layout->addSpacing(10);

    layout->addWidget(sectionLabel(tr("Details"), content));
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignTop);
    form->setHorizontalSpacing(18);
    form->setVerticalSpacing(9);
    m_owner = valueLabel(content);
    m_owner->setObjectName(QStringLiteral("productOwner"));
    m_steward = valueLabel(content);
    m_steward->setObjectName(QStringLiteral("productSteward"));
    m_freshness = valueLabel(content);
    m_source = valueLabel(content);
    m_tags = new ChipsWidget(content);
    m_tags->setObjectName(QStringLiteral("productTags"));
    m_tags->setPlaceholder(tr("No tags"));
    m_formats = valueLabel(content);
    m_version = valueLabel(content);
    m_updated = valueLabel(content);
    m_accessPolicy = valueLabel(content);
    m_accessPolicy->setObjectName(QStringLiteral("productAccessPolicy"));

    const auto addRow = [&](const QString &label, QWidget *field) {
        auto *name = new QLabel(label, content);
        QPalette palette = name->palette();
        palette.setColor(QPalette::WindowText, Theme::mutedTextColor(this));
        name->setPalette(palette);
        form->addRow(name, field);
    };
    addRow(tr("Owner"), m_owner);
    addRow(tr("Steward"), m_steward);
    addRow(tr("Freshness"), m_freshness);
    addRow(tr("Source system"), m_source);
    addRow(tr("Tags"), m_tags);
    addRow(tr("Formats"), m_formats);
    addRow(tr("Version"), m_version);
    addRow(tr("Updated"), m_updated);
    addRow(tr("Access policy"), m_accessPolicy);
    layout->addLayout(form);
    layout->addStretch(1);

    scroll->setWidget(content);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

void OverviewTab::showProduct(const ProductDetails &details)
{
    const Product &product = details.product;
    const QColor muted = Theme::mutedTextColor(this);
    const QString none = QStringLiteral("<span style=\"color:%1\">%2</span>").arg(muted.name());

    m_description->setMarkdownText(
        product.description.trimmed().isEmpty()
            ? tr("*No description yet.* Ask the owner to document this product.")
            : product.description);
    m_owner->setText(personHtml(details.owner, product.ownerId,
                                tr("No owner — this product is unowned"), muted));
    m_steward->setText(personHtml(details.steward, product.stewardId, tr("No steward"), muted));
    m_freshness->setText(freshnessText(product.freshnessSlaHours).toHtmlEscaped());
    QString source = product.sourceSystem.toHtmlEscaped();
    if (!product.sourceName.isEmpty())
        source += QStringLiteral(" <span style=\"color:%1\">(%2)</span>")
                      .arg(muted.name(), tr("catalogued from %1").arg(product.sourceName)
                                             .toHtmlEscaped());
    m_source->setText(product.sourceSystem.isEmpty() ? none.arg(tr("Unknown")) : source);
    m_tags->setChips(product.tags);
    m_formats->setText(product.formats.isEmpty()
                           ? none.arg(tr("None listed"))
                           : product.formats.join(QStringLiteral(", ")).toHtmlEscaped());
    m_version->setText(product.version.isEmpty() ? none.arg(tr("Unversioned"))
                                                 : product.version.toHtmlEscaped());
    if (product.updatedAt.isValid()) {
        const QDateTime local = product.updatedAt.toLocalTime();
        QString text = QLocale().toString(local, QStringLiteral("d MMM yyyy, HH:mm")).toHtmlEscaped();
        const QString ago = relativeTime(local);
        if (!ago.isEmpty())
            text += QStringLiteral(" <span style=\"color:%1\">(%2)</span>")
                        .arg(muted.name(), ago.toHtmlEscaped());
        m_updated->setText(text);
    } else {
        m_updated->setText(none.arg(tr("Unknown")));
    }
    m_accessPolicy->setText(product.accessPolicy.isEmpty()
                                ? none.arg(tr("No access policy stated; ask the owner"))
                                : product.accessPolicy.toHtmlEscaped());
}

void OverviewTab::clearProduct()
{
    m_description->setMarkdownText(QString());
    for (QLabel *label : {m_owner, m_steward, m_freshness, m_source, m_formats, m_version,
                          m_updated, m_accessPolicy})
        label->clear();
    m_tags->setChips({});
}

} // namespace Mesh
