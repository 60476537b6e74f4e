// SPDX-License-Identifier: MIT
#pragma once

#include "filepreviewdialog.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

class QMimeData;

namespace Mesh {

class MainWindow;

/**
 * Makes the main window a drop target for files: a Mesh catalog opens, an OpenLineage events
 * file is offered for import into the open catalog (through LineageController's import, with
 * its progress and summary), and any other data file (CSV, TSV, JSON, NDJSON, a foreign SQLite
 * file) opens in a preview window. What a file is comes from its content, not its name.
 * Event filter on the window; UI thread.
 */
class DropHandler : public QObject
{
    Q_OBJECT

public:
    enum class Kind
    {
        Catalog,
        OpenLineage,
        Sample,
        Unsupported
    };
    Q_ENUM(Kind)

    explicit DropHandler(MainWindow *window);

    /** What a dropped file is, by content (SQLite application id, OpenLineage fields). */
    static Kind classify(const QString &path);
    /** The local files among the data's URLs. */
    static QStringList localFiles(const QMimeData *data);

    /** Acts on dropped files as a drop would. */
    void handleFiles(const QStringList &paths);

    /** The preview window the last drop opened, if it is still open. */
    FilePreviewDialog *lastPreview() const { return m_lastPreview; }

signals:
    /** A drop asked for an OpenLineage import and the user agreed (or not). */
    void lineageImportOffered(const QString &path, bool accepted);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void offerImport(const QString &path);

    MainWindow *m_window = nullptr;
    QPointer<FilePreviewDialog> m_lastPreview;
};

} // namespace Mesh
