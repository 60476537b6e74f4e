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
#include <QProgressBar>
#include <QStackedWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using namespace Mesh;

class TstPreviewTab : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QTcpServer m_server;
    QList<QTcpSocket *> m_held;

    /** Sends part of a body and then nothing more, so a download stays in progress. */
    void serve(QTcpSocket *socket)
    {
        const QByteArray path = socket->readAll().split(' ').value(1);
        QByteArray body("id,name\n");
        while (body.size() < 300000)
            body += QByteArray::number(body.size()) + ",somebody\n";
        if (path == "/sized.csv")
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 1000000\r\n\r\n" + body);
        else
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nConnection: close\r\n\r\n" + body);
        m_held << socket;
    }

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
    void initTestCase()
    {
        QVERIFY(m_server.listen(QHostAddress::LocalHost));
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { serve(socket); });
        });
    }

    void showsDownloadProgressAndCancels_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<bool>("sized");
        QTest::newRow("size known") << QStringLiteral("/sized.csv") << true;
        QTest::newRow("size unknown") << QStringLiteral("/unsized.csv") << false;
    }

    void showsDownloadProgressAndCancels()
    {
        QFETCH(QString, path);
        QFETCH(bool, sized);
        PreviewTab tab(nullptr);
        tab.resize(1000, 700);
        const QString url = QStringLiteral("http://127.0.0.1:%1%2").arg(m_server.serverPort()).arg(path);
        tab.showProduct(productWith(url));
        auto *bar = tab.findChild<QProgressBar *>();
        QToolButton *cancel = nullptr;
        for (QToolButton *b : tab.findChildren<QToolButton *>())
            if (b->text() == QStringLiteral("Cancel"))
                cancel = b;
        QVERIFY(bar && cancel);
        QCOMPARE(tab.model()->transfer(), PreviewModel::Transfer::Download);
        // Bytes arrive and are shown; the bar is determinate only when the size is known.
        QTRY_VERIFY_WITH_TIMEOUT(tab.model()->transferDone() >= 300000, 10000);
        QTRY_VERIFY(tab.statusText().contains(u"Downloading"));
        QVERIFY2(tab.statusText().contains(u" of ") == sized, qPrintable(tab.statusText()));
        QCOMPARE(tab.model()->transferTotal(), sized ? 1000000 : -1);
        QVERIFY(!bar->isHidden() && !cancel->isHidden());
        if (sized) {
            QCOMPARE(bar->maximum(), 1000);
            QVERIFY2(bar->value() >= 300 && bar->value() < 1000, qPrintable(QString::number(bar->value())));
        } else {
            QCOMPARE(bar->maximum(), 0); // busy indicator
        }
        QCOMPARE(cancel->toolTip(), QStringLiteral("Stop the download"));
        cancel->click();
        QTRY_COMPARE_WITH_TIMEOUT(tab.model()->error().kind, PreviewError::Kind::Cancelled, 10000);
        QCOMPARE(tab.model()->transfer(), PreviewModel::Transfer::None);
        QVERIFY(bar->isHidden() && cancel->isHidden());
        for (QTcpSocket *socket : std::as_const(m_held))
            socket->abort();
        m_held.clear();
    }

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
