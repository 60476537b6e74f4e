// SPDX-License-Identifier: MIT
// Hostile sizes through meshctl, each in a child process: the child must end (no hang) with a
// clear error or the correct result, and its peak RSS (getrusage via wait4) must stay below the
// stated bound. Each case prints: exit code, seconds, peak RSS and bound.
#include "catalog/sqlitecatalogstore.h"
#include "openlineagegen.h"
#include "yaml/boundedyaml.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <functional>
#include <thread>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

extern char **environ;

using namespace Mesh;

namespace {

struct ChildResult
{
    int exitCode = -1;
    bool timedOut = false;
    double seconds = 0;
    double peakRssMiB = 0;
    double cpuSeconds = 0; // user + system: what the case costs, whatever the machine's load
    QString output; // stdout + stderr
};

#ifdef MESH_SANITIZED
// ASan keeps freed memory in quarantine and adds shadow memory: bounds are scaled, not dropped.
constexpr double kRssScale = 3.0;
constexpr double kRssExtraMiB = 300;
#else
constexpr double kRssScale = 1.0;
constexpr double kRssExtraMiB = 0;
#endif

/** Runs meshctl with args, stdout and stderr into one file; SIGKILL after timeoutSecs. */
ChildResult runMeshctl(const QStringList &args, int timeoutSecs, const QString &scratch)
{
    ChildResult r;
    const QByteArray outPath = QFile::encodeName(scratch + QStringLiteral("/child.out"));
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, 1, 2);
    QList<QByteArray> storage{QByteArray(MESHCTL)};
    for (const QString &a : args)
        storage << a.toUtf8();
    std::vector<char *> argv;
    for (QByteArray &a : storage)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = 0;
    QElapsedTimer timer;
    timer.start();
    if (posix_spawn(&pid, MESHCTL, &actions, nullptr, argv.data(), environ) != 0) {
        posix_spawn_file_actions_destroy(&actions);
        r.output = QStringLiteral("could not start meshctl");
        return r;
    }
    posix_spawn_file_actions_destroy(&actions);
    int status = 0;
    rusage usage{};
    for (;;) {
        const pid_t done = wait4(pid, &status, WNOHANG, &usage);
        if (done == pid)
            break;
        if (timer.elapsed() > timeoutSecs * 1000LL) {
            r.timedOut = true;
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            break;
        }
        usleep(20000);
    }
    r.seconds = double(timer.elapsed()) / 1000.0;
    r.peakRssMiB = double(usage.ru_maxrss) / 1024.0; // kilobytes on Linux
    r.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    QFile out(QFile::decodeName(outPath));
    if (out.open(QIODevice::ReadOnly))
        r.output = QString::fromUtf8(out.read(64 * 1024));
    return r;
}

/** Runs body in a forked child (its output into one file), like runMeshctl. */
ChildResult runInChild(const std::function<int(QFile &out)> &body, int timeoutSecs,
                       const QString &scratch)
{
    ChildResult r;
    const QString outPath = scratch + QStringLiteral("/child.out");
    QElapsedTimer timer;
    timer.start();
    const pid_t pid = fork();
    if (pid == 0) {
        QFile out(outPath);
        int code = 70;
        if (out.open(QIODevice::WriteOnly | QIODevice::Truncate))
            code = body(out);
        out.close();
        _exit(code);
    }
    int status = 0;
    rusage usage{};
    for (;;) {
        if (wait4(pid, &status, WNOHANG, &usage) == pid)
            break;
        if (timer.elapsed() > timeoutSecs * 1000LL) {
            r.timedOut = true;
            kill(pid, SIGKILL);
            wait4(pid, &status, 0, &usage);
            break;
        }
        usleep(20000);
    }
    r.seconds = double(timer.elapsed()) / 1000.0;
    r.peakRssMiB = double(usage.ru_maxrss) / 1024.0;
    r.cpuSeconds = double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
                   double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    QFile out(outPath);
    if (out.open(QIODevice::ReadOnly))
        r.output = QString::fromUtf8(out.read(64 * 1024));
    return r;
}

/** Writes `bytes` of `fill`, then `tail`, in 1 MiB blocks. */
bool writeRepeated(QFile &f, char fill, qint64 bytes)
{
    const QByteArray block(1 << 20, fill);
    for (qint64 left = bytes; left > 0; left -= block.size())
        if (f.write(block.constData(), std::min<qint64>(left, block.size())) < 0)
            return false;
    return true;
}

/** A loopback HTTP server answering every request with one canned response, on its own thread. */
class OneResponseServer
{
public:
    explicit OneResponseServer(QByteArray response) : m_response(std::move(response))
    {
        m_fd = socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bind(m_fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr);
        socklen_t len = sizeof addr;
        getsockname(m_fd, reinterpret_cast<sockaddr *>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        listen(m_fd, 4);
        m_thread = std::thread([this] { serve(); });
    }
    ~OneResponseServer()
    {
        m_stop = true;
        shutdown(m_fd, SHUT_RDWR);
        close(m_fd);
        m_thread.join();
    }
    int port() const { return m_port; }

private:
    void serve()
    {
        while (!m_stop) {
            const int client = accept(m_fd, nullptr, nullptr);
            if (client < 0)
                return;
            char buf[4096];
            QByteArray request;
            while (!request.contains("\r\n\r\n")) {
                const ssize_t n = recv(client, buf, sizeof buf, 0);
                if (n <= 0)
                    break;
                request.append(buf, n);
            }
            qsizetype sent = 0;
            while (sent < m_response.size()) {
                const ssize_t n = send(client, m_response.constData() + sent,
                                       size_t(m_response.size() - sent), MSG_NOSIGNAL);
                if (n <= 0)
                    break; // the client hung up (e.g. at its size cap)
                sent += n;
            }
            close(client);
        }
    }

    QByteArray m_response;
    int m_fd = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::thread m_thread;
};

/** gzip (RFC 1952) of `size` zero bytes. */
QByteArray gzipZeros(qint64 size)
{
    z_stream z{};
    deflateInit2(&z, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY);
    const QByteArray zeros(1 << 20, '\0');
    QByteArray out;
    QByteArray chunk(1 << 16, Qt::Uninitialized);
    for (qint64 left = size; left > 0; left -= zeros.size()) {
        z.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(zeros.constData()));
        z.avail_in = uInt(std::min<qint64>(left, zeros.size()));
        const int flush = left <= zeros.size() ? Z_FINISH : Z_NO_FLUSH;
        do {
            z.next_out = reinterpret_cast<Bytef *>(chunk.data());
            z.avail_out = uInt(chunk.size());
            deflate(&z, flush);
            out.append(chunk.constData(), chunk.size() - qsizetype(z.avail_out));
        } while (z.avail_out == 0);
    }
    deflateEnd(&z);
    return out;
}

} // namespace

class TestResourceLimits : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void csvSingleLineOf100MB();
    void jsonSingleLineOf100MB();
    void sparseFileOf10GB();
    void jsonNested100000Deep();
    void lineageFileWithOneMillionEdges();
    void gzipBombOverHttp();
    void yamlBillionLaughs();
    void yamlNested100000Deep();

private:
    /** Runs meshctl, prints the figures, checks no hang, the bound and the expected outcome. */
    void check(const char *name, const QStringList &args, int timeoutSecs, double boundMiB,
               QList<int> exitCodes, const QString &expected);
    void check(const char *name, const ChildResult &r, int timeoutSecs, double boundMiB,
               QList<int> exitCodes, const QString &expected);
    void checkYaml(const char *name, const QByteArray &document, double boundMiB,
                   const QString &expected);
    /** An empty catalog to import into. */
    QString freshCatalog(const QString &name);

    QTemporaryDir m_dir;
};

void TestResourceLimits::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString TestResourceLimits::freshCatalog(const QString &name)
{
    const QString path = m_dir.filePath(name + QStringLiteral(".mesh"));
    CatalogError error;
    if (!SqliteCatalogStore::create(path, name, &error))
        qWarning("cannot create %s: %s", qPrintable(path), qPrintable(error.message));
    return path;
}

void TestResourceLimits::check(const char *name, const QStringList &args, int timeoutSecs,
                               double boundMiB, QList<int> exitCodes, const QString &expected)
{
    check(name, runMeshctl(args, timeoutSecs, m_dir.path()), timeoutSecs, boundMiB, exitCodes,
          expected);
}

void TestResourceLimits::check(const char *name, const ChildResult &r, int timeoutSecs,
                               double boundMiB, QList<int> exitCodes, const QString &expected)
{
    const double bound = boundMiB * kRssScale + kRssExtraMiB;
    qInfo("%-34s exit %d in %6.2f s (CPU %6.2f s), peak RSS %7.1f MiB (bound %.0f MiB)", name,
          r.exitCode, r.seconds, r.cpuSeconds, r.peakRssMiB, bound);
    QVERIFY2(!r.timedOut, qPrintable(QStringLiteral("hung: killed after %1 s").arg(timeoutSecs)));
    QVERIFY2(exitCodes.contains(r.exitCode), qPrintable(QStringLiteral("exit %1: %2").arg(r.exitCode).arg(r.output.left(2000))));
    QVERIFY2(r.output.contains(QRegularExpression(expected)),
             qPrintable(QStringLiteral("expected /%1/ in: %2").arg(expected, r.output.left(2000))));
    QVERIFY2(r.peakRssMiB < bound, qPrintable(QStringLiteral("peak RSS %1 MiB").arg(r.peakRssMiB)));
}

void TestResourceLimits::csvSingleLineOf100MB()
{
    const QString path = m_dir.filePath(QStringLiteral("line.csv"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("id,text\n1,");
    QVERIFY(writeRepeated(f, 'x', 100LL << 20));
    f.close();
    // The record is refused at the 16 MB record limit; the line number says where.
    check("CSV, one 100 MB line", {QStringLiteral("preview"), path}, 60, 80, {2, 4},
          QStringLiteral("line 2.*longer than 16 MB"));
    QFile::remove(path);
}

void TestResourceLimits::jsonSingleLineOf100MB()
{
    const QString path = m_dir.filePath(QStringLiteral("line.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("[{\"id\":1,\"text\":\"");
    QVERIFY(writeRepeated(f, 'x', 100LL << 20));
    f.write("\"}]");
    f.close();
    // JSON is streamed record by record: a record past the 16 MiB record limit is refused, with
    // the record and line it starts on, and memory stays bounded.
    check("JSON, one 100 MB line", {QStringLiteral("preview"), path, QStringLiteral("--json")}, 120,
          200, {2}, QStringLiteral("record 1 \\(line 1\\) is larger than 16 MiB"));
    QFile::remove(path);
}

void TestResourceLimits::sparseFileOf10GB()
{
    // 16 KB of real CSV, then holes up to 10 GiB: no disk is used, the readers see zero bytes.
    const QString csv = m_dir.filePath(QStringLiteral("sparse.csv"));
    {
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("id,name\n");
        for (int i = 0; f.size() < 16 * 1024; ++i)
            f.write(QByteArray::number(i) + ",name " + QByteArray::number(i) + '\n');
        QVERIFY(f.resize(10LL << 30));
    }
    check("10 GB sparse CSV, index all", {QStringLiteral("preview"), csv, QStringLiteral("--rows"),
          QStringLiteral("1000000")}, 60, 80, {4}, QStringLiteral("longer than 16 MB"));

    const QString json = m_dir.filePath(QStringLiteral("sparse.json"));
    {
        QFile f(json);
        QVERIFY(f.open(QIODevice::WriteOnly));
        // A string that never ends; text for the first 16 KB so it is sniffed as JSON, not binary.
        f.write("[{\"a\":\"" + QByteArray(16 * 1024, 'x'));
        QVERIFY(f.resize(10LL << 30));
    }
    check("10 GB sparse JSON preview", {QStringLiteral("preview"), json}, 30, 80, {2},
          QStringLiteral("record 1 \\(line 1\\) is larger than 16 MiB"));
    check("10 GB sparse events import",
          {QStringLiteral("import-openlineage"), freshCatalog(QStringLiteral("sparse")), json},
          120, 300, {2}, QStringLiteral("larger than 64 MiB"));
    QFile::remove(csv);
    QFile::remove(json);
}

void TestResourceLimits::jsonNested100000Deep()
{
    const QString arrays = m_dir.filePath(QStringLiteral("deep-arrays.json"));
    const QString objects = m_dir.filePath(QStringLiteral("deep-objects.json"));
    {
        QFile f(arrays);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray(100000, '[') + QByteArray(100000, ']'));
        QFile g(objects);
        QVERIFY(g.open(QIODevice::WriteOnly));
        QByteArray text;
        for (int i = 0; i < 100000; ++i)
            text += "{\"a\":";
        text += "1" + QByteArray(100000, '}');
        g.write(text);
    }
    check("JSON 100,000 deep, preview", {QStringLiteral("preview"), arrays}, 30, 80, {2},
          QStringLiteral("not valid JSON \\(too deeply nested"));
    check("JSON 100,000 deep, events import",
          {QStringLiteral("import-openlineage"), freshCatalog(QStringLiteral("deep")), objects},
          30, 80, {2}, QStringLiteral("record 1 \\(line 1\\): not valid JSON: too deeply nested"));
}

void TestResourceLimits::lineageFileWithOneMillionEdges()
{
    const QString events = m_dir.filePath(QStringLiteral("million.ndjson"));
    // 10,000 jobs × 10 inputs × 10 outputs = 1,000,000 distinct dataset edges.
    QVERIFY(TestGen::writeOpenLineageEvents(events, 10000, 10, 10, false) > 0);
    check("1,000,000-edge lineage import",
          {QStringLiteral("import-openlineage"), freshCatalog(QStringLiteral("million")), events},
          600, 400, {0}, QStringLiteral("Imported 10000 of 10000 events .* 1000000 dataset edges"));
    QFile::remove(events);
}

void TestResourceLimits::gzipBombOverHttp()
{
    // 1 GiB of zeros in a ~1 MB gzip body, served as Content-Encoding: gzip on 127.0.0.1. The
    // 16 MiB cap must hold on the decompressed bytes.
    const QByteArray body = gzipZeros(1LL << 30);
    QVERIFY(body.size() < (2 << 20));
    OneResponseServer server("HTTP/1.1 200 OK\r\nContent-Type: text/csv\r\nContent-Encoding: gzip\r\n"
                             "Content-Length: " + QByteArray::number(body.size()) +
                             "\r\nConnection: close\r\n\r\n" + body);
    const QString url = QStringLiteral("http://127.0.0.1:%1/bomb.csv").arg(server.port());
    check("gzip bomb (1 GiB in 1 MB) over HTTP",
          {QStringLiteral("preview"), url, QStringLiteral("--max-download-mb"), QStringLiteral("16")},
          60, 80, {2}, QStringLiteral("larger than the 16 MB download limit"));
}

void TestResourceLimits::checkYaml(const char *name, const QByteArray &document, double boundMiB,
                                   const QString &expected)
{
    // BoundedYaml (model/yaml) is the YAML path of the model; no meshctl command reads YAML yet.
    const ChildResult r = runInChild(
        [&](QFile &out) {
            QString error;
            const auto value = BoundedYaml::load(document, YamlLimits{}, &error);
            out.write(value ? QByteArray("loaded\n") : QByteArray(error.toUtf8() + '\n'));
            return value ? 0 : 2;
        },
        60, m_dir.path());
    check(name, r, 60, boundMiB, {2}, expected);
}

void TestResourceLimits::yamlBillionLaughs()
{
    // Nine levels of ten aliases each: 10^9 "lol"s once expanded, ~1 KB of text.
    QByteArray doc = "a: &a [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", "
                     "\"lol\", \"lol\", \"lol\"]\n";
    for (char level = 'b'; level <= 'i'; ++level) {
        const char prev = char(level - 1);
        doc += QByteArray(1, level) + ": &" + level + " [";
        for (int i = 0; i < 10; ++i)
            doc += (i ? ", *" : "*") + QByteArray(1, prev);
        doc += "]\n";
    }
    checkYaml("YAML billion laughs", doc, 120, QStringLiteral("expands to more than 250000 nodes"));
}

void TestResourceLimits::yamlNested100000Deep()
{
    checkYaml("YAML 100,000 deep", QByteArray(100000, '[') + QByteArray(100000, ']'), 80,
              QStringLiteral("not valid YAML|nested more than 256 levels"));
}

QTEST_GUILESS_MAIN(TestResourceLimits)
#include "tst_resourcelimits.moc"
