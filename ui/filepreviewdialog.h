// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

namespace Mesh {

class PreviewTab;

/**
 * A window that previews a loose data file (CSV/TSV, JSON, NDJSON, a SQLite table) dropped on
 * the main window, with the same Preview tab products use: lazy table, profile, go to row,
 * copy and export. The file belongs to no product, so nothing is classified or masked and
 * nothing is audited. Deletes itself when closed; UI thread.
 */
class FilePreviewDialog : public QDialog
{
    Q_OBJECT

public:
    explicit FilePreviewDialog(const QString &path, QWidget *parent = nullptr);

    QString path() const { return m_path; }
    PreviewTab *previewTab() const { return m_tab; }

private:
    QString m_path;
    PreviewTab *m_tab = nullptr;
};

} // namespace Mesh
