// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QLabel;

namespace Mesh {

/**
 * Help → About Mesh Explorer: what the application is, its version and the run-time versions of
 * Qt, SQLite and libcurl (for bug reports, with a button that copies them), where it keeps its
 * data and settings, and its licence. UI thread.
 */
class AboutDialog : public QDialog
{
    Q_OBJECT

public:
    explicit AboutDialog(QWidget *parent = nullptr);

    /** "Mesh Explorer 0.1.0\nQt 6.4.2 …" — what Copy puts on the clipboard. */
    QString versionReport() const;

private:
    QList<QPair<QString, QString>> m_rows;
};

} // namespace Mesh
