// SPDX-License-Identifier: MIT
#include "drophandler.h"

#include "catalog/sqlitecatalogstore.h"
#include "filepreviewdialog.h"
#include "lineagecontroller.h"
#include "mainwindow.h"
#include "session/catalogsession.h"

#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QStatusBar>
#include <QUrl>

namespace Mesh {

namespace {

constexpr int kMaxPreviewsPerDrop = 5;

bool looksLikeOpenLineage(const QByteArray &head)
{
    // A RunEvent names its run and job and carries an eventTime; its eventType is optional in 1.x.
    const bool run = head.contains("\"run\"") && head.contains("\"runId\"");
    const bool job = head.contains("\"job\"");
    return run && job && (head.contains("\"eventTime\"") || head.contains("\"eventType\""));
}

} // namespace

DropHandler::DropHandler(MainWindow *window) : QObject(window), m_window(window)
{
    setObjectName(QStringLiteral("dropHandler"));
    window->setAcceptDrops(true);
    window->installEventFilter(this);
}

DropHandler::Kind DropHandler::classify(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile())
        return Kind::Unsupported;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return info.suffix() == u"mesh" ? Kind::Catalog : Kind::Sample; // let the opener explain
    const QByteArray head = file.read(64 * 1024);
    static const QByteArray sqliteMagic("SQLite format 3\0", 16);
    if (head.startsWith(sqliteMagic)) {
        if (head.size() >= 72) {
            const auto *p = reinterpret_cast<const uchar *>(head.constData() + 68);
            const quint32 appId = (quint32(p[0]) << 24) | (quint32(p[1]) << 16) |
                                  (quint32(p[2]) << 8) | quint32(p[3]);
            if (appId == quint32(SqliteCatalogStore::kApplicationId))
                return Kind::Catalog;
        }
        return Kind::Sample; // another application's SQLite file: preview its tables
    }
    if (info.suffix().compare(u"mesh", Qt::CaseInsensitive) == 0)
        return Kind::Catalog; // not SQLite, but meant as a catalog: the opener says what is wrong
    if (looksLikeOpenLineage(head))
        return Kind::OpenLineage;
    return Kind::Sample;
}

QStringList DropHandler::localFiles(const QMimeData *data)
{
    QStringList files;
    if (!data || !data->hasUrls())
        return files;
    for (const QUrl &url : data->urls())
        if (url.isLocalFile() && QFileInfo(url.toLocalFile()).isFile())
            files << url.toLocalFile();
    return files;
}

bool DropHandler::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_window)
        return QObject::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::DragEnter: {
        auto *drag = static_cast<QDragEnterEvent *>(event);
        if (!localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::DragMove: {
        auto *drag = static_cast<QDragMoveEvent *>(event);
        if (!localFiles(drag->mimeData()).isEmpty()) {
            drag->acceptProposedAction();
            return true;
        }
        break;
    }
    case QEvent::Drop: {
        auto *drop = static_cast<QDropEvent *>(event);
        const QStringList files = localFiles(drop->mimeData());
        if (files.isEmpty())
            break;
        drop->acceptProposedAction();
        handleFiles(files);
        return true;
    }
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

void DropHandler::handleFiles(const QStringList &paths)
{
    bool openedCatalog = false;
    int previews = 0;
    QStringList skipped;
    for (const QString &path : paths) {
        switch (classify(path)) {
        case Kind::Catalog:
            if (openedCatalog) {
                skipped << QFileInfo(path).fileName();
                break;
            }
            openedCatalog = true;
            m_window->openCatalog(path);
            break;
        case Kind::OpenLineage:
            offerImport(path);
            break;
        case Kind::Sample:
            if (previews >= kMaxPreviewsPerDrop) {
                skipped << QFileInfo(path).fileName();
                break;
            }
            ++previews;
            m_lastPreview = new FilePreviewDialog(path, m_window);
            m_lastPreview->show();
            break;
        case Kind::Unsupported:
            skipped << QFileInfo(path).fileName();
            break;
        }
    }
    if (!skipped.isEmpty())
        m_window->statusBar()->showMessage(
            tr("Not opened: %1 (one catalog and up to %2 previews a drop).")
                .arg(skipped.join(QStringLiteral(", ")))
                .arg(kMaxPreviewsPerDrop),
            8000);
}

void DropHandler::offerImport(const QString &path)
{
    const QString name = QFileInfo(path).fileName();
    auto *lineage = m_window->findChild<LineageController *>();
    auto *box = new QMessageBox(m_window);
    box->setObjectName(QStringLiteral("lineageImportOffer"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowTitle(tr("Import OpenLineage events"));
    if (!m_window->session()->isOpen() || !lineage) {
        box->setIcon(QMessageBox::Information);
        box->setText(tr("“%1” holds OpenLineage events.").arg(name));
        box->setInformativeText(tr("Open a catalog first, then drop the file again to import "
                                   "its lineage into that catalog."));
        box->setStandardButtons(QMessageBox::Ok);
        connect(box, &QMessageBox::finished, this,
                [this, path] { emit lineageImportOffered(path, false); });
        box->open();
        return;
    }
    box->setIcon(QMessageBox::Question);
    box->setText(tr("Import the OpenLineage events in “%1” into “%2”?")
                     .arg(name, m_window->session()->displayName()));
    box->setInformativeText(tr("Datasets, jobs and lineage edges are added to the catalog; "
                               "records that cannot be read are reported and skipped."));
    box->setDetailedText(QDir::toNativeSeparators(path));
    QPushButton *import = box->addButton(tr("&Import"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(import);
    connect(box, &QMessageBox::finished, this, [this, box, import, lineage, path] {
        const bool accepted = box->clickedButton() == import;
        if (accepted)
            lineage->importEvents(path);
        emit lineageImportOffered(path, accepted);
    });
    box->open();
}

} // namespace Mesh
