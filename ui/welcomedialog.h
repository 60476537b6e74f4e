// SPDX-License-Identifier: MIT
#pragma once

#include <QDialog>

class QCommandLinkButton;

namespace Mesh {

/**
 * The first-run welcome: what Mesh Explorer is, who Messy Inc. (the demo company) is, and three
 * ways to begin: explore the demo, open a real catalog file, or add a source. Shown once (the
 * flag is kept in QSettings) and again from Help → Welcome. The dialog only reports the choice;
 * DesktopController acts on it. UI thread.
 */
class WelcomeDialog : public QDialog
{
    Q_OBJECT

public:
    enum Choice
    {
        None,
        OpenDemo,
        OpenCatalog,
        AddSource
    };

    /**
     * hasSourceAction: whether the window offers a real "add a source" action; without one the
     * third button says that it opens a catalog file instead.
     */
    explicit WelcomeDialog(bool hasSourceAction, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

    /** True until markShown() has been called once (per user, in QSettings). */
    static bool isFirstRun();
    static void markShown();

private:
    void choose(Choice choice);

    Choice m_choice = None;
};

} // namespace Mesh
