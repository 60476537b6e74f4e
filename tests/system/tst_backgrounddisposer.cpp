// SPDX-License-Identifier: MIT
#include "system/backgrounddisposer.h"

#include <QTest>

#include <atomic>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

using namespace Mesh;

namespace {

/** Records on which thread it was freed; a default-constructed one records nothing. */
struct Tracked
{
    struct Log
    {
        std::mutex mutex;
        std::set<std::thread::id> threads;
        int freed = 0;
    };
    std::shared_ptr<Log> log;
    int payload = 0;

    Tracked() = default;
    Tracked(std::shared_ptr<Log> l, int p) : log(std::move(l)), payload(p) {}
    Tracked(Tracked &&) = default;
    Tracked &operator=(Tracked &&other) noexcept
    {
        record();
        log = std::move(other.log);
        payload = other.payload;
        return *this;
    }
    ~Tracked() { record(); }

    void record()
    {
        if (!log)
            return;
        std::lock_guard lock(log->mutex);
        log->threads.insert(std::this_thread::get_id());
        ++log->freed;
        log.reset();
    }
};

} // namespace

class TstBackgroundDisposer : public QObject
{
    Q_OBJECT

private slots:
    void freesEverythingOnAnotherThreadBeforeItEnds();
    void leavesTheCallersValueEmpty();
};

void TstBackgroundDisposer::freesEverythingOnAnotherThreadBeforeItEnds()
{
    auto log = std::make_shared<Tracked::Log>();
    {
        BackgroundDisposer<Tracked> disposer;
        for (int i = 0; i < 1000; ++i) {
            Tracked t(log, i);
            disposer.dispose(t);
        }
    } // the destructor waits for the frees
    std::lock_guard lock(log->mutex);
    QCOMPARE(log->freed, 1000);
    QCOMPARE(log->threads.size(), size_t(1));
    QVERIFY(*log->threads.begin() != std::this_thread::get_id());
}

void TstBackgroundDisposer::leavesTheCallersValueEmpty()
{
    BackgroundDisposer<QList<QString>> disposer;
    QList<QString> page{QStringLiteral("a"), QStringLiteral("b")};
    disposer.dispose(page);
    QVERIFY(page.isEmpty());
    page.append(QStringLiteral("reused"));
    QCOMPARE(page.size(), 1);
}

QTEST_GUILESS_MAIN(TstBackgroundDisposer)
#include "tst_backgrounddisposer.moc"
