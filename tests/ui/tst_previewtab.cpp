// SPDX-License-Identifier: MIT
// The Preview tab on a 1,000-column sample: first screen, headers, go-to-row, quick filter over
// loaded rows, copy as TSV, the profile panel, and the inline error state.
#include "columnprofilepanel.h"
#include "preview/previewmodel.h"
#include "previewtab.h"
#include "session/catalogsession.h"

#include "testsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QElapsedTimer>
#include <QHeaderView>
#include <QLineEdit>
#include <QStackedWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace Mesh;

class TstPreviewTab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    ProductDetails productWith(const QString &location)
    {
        ProductDetails d;
        d.product.key = QStringLiteral("test.wide");
        d.product.name = QStringLiteral("Wide");
        Dataset ds;
        ds.name = QStringLiteral("wide");
        ds.location = location;
        ds.columns = {MeshTest::makeColumn(QStringLiteral("c0"), QStringLiteral("integer"),
                                           QStringLiteral("PII.Sensitive"))};
        d.product.datasets = {ds};
        return d;
    }

private slots:
    void showsAThousandColumnsResponsively()
    {
        QByteArray bytes;
        for (int c = 0; c < 1000; ++c)
            bytes += (c ? "," : "") + QByteArray("c") + QByteArray::number(c);
        bytes += '\n';
        for (int r = 0; r < 2000; ++r) {
            for (int c = 0; c < 1000; ++c)
                bytes += (c ? "," : "") + QByteArray::number(r * 1000 + c);
            bytes += '\n';
        }
        const QString path = m_dir.filePath(QStringLiteral("wide.csv"));
        MeshTest::writeFile(path, bytes);

        PreviewTab tab(nullptr);
        tab.resize(1000, 700);
        tab.show();
        QVERIFY(QTest::qWaitForWindowExposed(&tab));
        tab.showProduct(productWith(path));
        QTRY_VERIFY_WITH_TIMEOUT(!tab.model()->isLoading(), 20000);
        QCOMPARE(tab.model()->columnCount(), 1000);
        QCOMPARE(tab.model()->rowCount(), 2000);
        QTRY_COMPARE(tab.model()->data(tab.model()->index(0, 1)).toString(), QStringLiteral("1"));

        // Scrolling to the far right and repainting stays fast: no column measures its contents.
        QElapsedTimer t;
        t.start();
        tab.table()->scrollTo(tab.model()->index(1500, 999));
        tab.table()->viewport()->repaint();
        tab.table()->horizontalHeader()->viewport()->repaint();
        QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
        QTRY_COMPARE(tab.model()->data(tab.model()->index(1500, 999)).toString(),
                     QString::number(1500 * 1000 + 999));

        QVERIFY(tab.goToRow(1234));
        QCOMPARE(tab.table()->currentIndex().row(), 1233);
        QTRY_VERIFY(tab.model()->isRowLoaded(1233)); // fetched once the view painted it
        QVERIFY(!tab.goToRow(5000));

        // Copy takes the selected cells as TSV. Without a catalog there is no policy to ask, so
        // even a column documented as PII is shown as is (tst_previewmodel covers the masking).
        tab.table()->setCurrentIndex(tab.model()->index(0, 0));
        tab.table()->selectionModel()->select(tab.model()->index(0, 1), QItemSelectionModel::Select);
        QTRY_VERIFY(tab.model()->isRowLoaded(0));
        tab.copySelection();
        QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("0\t1\n"));

        // The quick filter only looks at fetched rows.
        tab.setFilterText(QStringLiteral("1233999"));
        QCOMPARE(tab.table()->model()->rowCount(), 1);
        tab.setFilterText({});
        QCOMPARE(tab.table()->model(), tab.model());

        // The profile panel answers a header click.
        emit tab.table()->horizontalHeader()->sectionClicked(5);
        QTRY_VERIFY(tab.profilePanel()->summaryText().contains(u"integer"));
    }

    void showsErrorsInline()
    {
        PreviewTab tab(nullptr);
        tab.showProduct(productWith(m_dir.filePath(QStringLiteral("gone.csv"))));
        auto *stack = tab.findChild<QStackedWidget *>();
        QVERIFY(stack);
        QTRY_VERIFY(stack->currentIndex() == 1);
        QVERIFY(!tab.model()->isLoading());
    }
};

QTEST_MAIN(TstPreviewTab)
#include "tst_previewtab.moc"
