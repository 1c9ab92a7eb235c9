// The download path end to end, against a loopback HTTP server that serves the collection's layout.
#include "collection/collectioncache.h"
#include "collection/collectiondownloader.h"

#include <sparse/matrix_market.h>
#include <sources/ssstats.h>

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QPointer>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using fs::sources::SsRecord;
using fs::ui::CollectionCache;
using fs::ui::CollectionDownloader;
using fs::ui::DownloadError;
using fs::ui::DownloadFailure;

Q_DECLARE_METATYPE(fs::ui::DownloadError)

namespace {

// HTTP/1.1 just far enough for QNetworkAccessManager: GET, Content-Length, one response per
// connection. Paths in `slow` trickle out in small chunks so a test can cancel mid-transfer.
class CollectionServer : public QObject
{
public:
    explicit CollectionServer(QString root)
        : m_root(std::move(root))
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection())
                serve(socket);
        });
    }

    bool listen() { return m_server.listen(QHostAddress::LocalHost); }
    QUrl baseUrl() const { return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort())); }
    QStringList requests;
    QSet<QString> slow;
    bool slowConnectionClosed = false;

private:
    void serve(QTcpSocket *socket)
    {
        socket->setParent(this);
        auto *buffer = new QByteArray;
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [buffer] { delete buffer; });
        connect(socket, &QTcpSocket::readyRead, this, [this, socket, buffer] {
            buffer->append(socket->readAll());
            if (!buffer->contains("\r\n\r\n"))
                return;
            const QList<QByteArray> requestLine = buffer->left(buffer->indexOf("\r\n")).split(' ');
            buffer->clear();
            const QString path = requestLine.size() >= 2 ? QString::fromUtf8(requestLine.at(1)) : QString();
            requests.append(path);
            respond(socket, path);
        });
    }

    void respond(QTcpSocket *socket, const QString &path)
    {
        QFile file(m_root + path);
        if (path.contains(QLatin1String("..")) || !file.open(QIODevice::ReadOnly)) {
            const QByteArray body = "not found\n";
            socket->write("HTTP/1.1 404 Not Found\r\nContent-Type: text/plain\r\nConnection: close\r\n"
                          "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
            return;
        }
        const QByteArray body = file.readAll();
        socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nConnection: close\r\n"
                      "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n");
        if (!slow.contains(path)) {
            socket->write(body);
            socket->disconnectFromHost();
            return;
        }
        auto *timer = new QTimer(socket);
        auto offset = std::make_shared<qsizetype>(0);
        connect(socket, &QTcpSocket::disconnected, this, [this] { slowConnectionClosed = true; });
        connect(timer, &QTimer::timeout, socket, [socket, timer, body, offset] {
            socket->write(body.mid(*offset, 32));
            *offset += 32;
            if (*offset >= body.size()) {
                timer->stop();
                socket->disconnectFromHost();
            }
        });
        timer->start(50);
    }

    QString m_root;
    QTcpServer m_server;
};

void copyTree(const QString &from, const QString &to)
{
    QDirIterator it(from, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString source = it.next();
        const QString target = to + source.mid(from.size());
        QDir().mkpath(QFileInfo(target).absolutePath());
        QFile::copy(source, target);
    }
}

QStringList filesUnder(const QString &dir)
{
    QStringList files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(QDir(dir).relativeFilePath(it.next()));
    files.sort();
    return files;
}

SsRecord record(const char *group, const char *name)
{
    SsRecord r;
    r.group = group;
    r.name = name;
    return r;
}

} // namespace

class TestCollectionDownload : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_served = std::make_unique<QTemporaryDir>();
        m_cacheDir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_served->isValid() && m_cacheDir->isValid());
        const QString root = QStringLiteral(FS_TEST_DATA_DIR "/collection");
        copyTree(root + QStringLiteral("/MM"), m_served->path() + QStringLiteral("/MM"));
        QDir().mkpath(m_served->path() + QStringLiteral("/files"));
        QVERIFY(QFile::copy(root + QStringLiteral("/ssstats.csv"), m_served->path() + QStringLiteral("/files/ssstats.csv")));
        // A download cut short: the first half of a good archive.
        QFile good(root + QStringLiteral("/MM/HB/bcsstk01.tar.gz"));
        QVERIFY(good.open(QIODevice::ReadOnly));
        QFile cut(m_served->path() + QStringLiteral("/MM/FsTest/truncated.tar.gz"));
        QVERIFY(cut.open(QIODevice::WriteOnly));
        cut.write(good.readAll().left(int(good.size() / 2)));
        cut.close();

        m_server = std::make_unique<CollectionServer>(m_served->path());
        QVERIFY(m_server->listen());
        m_downloader = std::make_unique<CollectionDownloader>(CollectionCache(m_cacheDir->path()));
        m_downloader->setBaseUrl(m_server->baseUrl());
    }

    void cleanup()
    {
        m_downloader.reset();
        m_server.reset();
        m_cacheDir.reset();
        m_served.reset();
    }

    void indexIsFetchedAndParsed()
    {
        QSignalSpy fetched(m_downloader.get(), &CollectionDownloader::indexFetched);
        m_downloader->fetchIndex();
        QVERIFY(fetched.wait(10000));
        const QString path = fetched.at(0).at(0).toString();
        QCOMPARE(path, m_cacheDir->path() + QStringLiteral("/ssstats.csv"));
        const auto index = fs::sources::parse_ssstats_file(path.toStdString());
        QCOMPARE(index.records.size(), std::size_t(16));
        QCOMPARE(index.records.front().name, std::string("bcsstk01"));
        QCOMPARE(m_server->requests, QStringList{QStringLiteral("/files/ssstats.csv")});
    }

    void indexFailureIsReported()
    {
        QFile::remove(m_served->path() + QStringLiteral("/files/ssstats.csv"));
        QSignalSpy failed(m_downloader.get(), &CollectionDownloader::indexFailed);
        m_downloader->fetchIndex();
        QVERIFY(failed.wait(10000));
        const auto failure = failed.at(0).at(0).value<DownloadFailure>();
        QCOMPARE(failure.error, DownloadError::HttpStatus);
        QVERIFY2(failure.message.contains(QLatin1String("404")), qPrintable(failure.message));
        QVERIFY(!QFile::exists(m_cacheDir->path() + QStringLiteral("/ssstats.csv")));
    }

    void matrixDownloadsAndLoads()
    {
        const auto result = run({record("HB", "bcsstk01")});
        QCOMPARE(result.failures.size(), 0);
        const QString mtx = m_cacheDir->path() + QStringLiteral("/matrices/HB/bcsstk01/bcsstk01.mtx");
        QCOMPARE(result.paths, QStringList{mtx});
        QCOMPARE(filesUnder(m_cacheDir->path()), QStringList{QStringLiteral("matrices/HB/bcsstk01/bcsstk01.mtx")});
        const auto loaded = fs::sparse::read_matrix_market(mtx.toStdString());
        QCOMPARE(loaded.matrix.rows(), 48);
        QCOMPARE(loaded.matrix.cols(), 48);
        QCOMPARE(m_server->requests, QStringList{QStringLiteral("/MM/HB/bcsstk01.tar.gz")});
    }

    void failures_data()
    {
        QTest::addColumn<QString>("group");
        QTest::addColumn<QString>("name");
        QTest::addColumn<DownloadError>("error");
        QTest::addColumn<QString>("wording");
        QTest::newRow("HTTP 404") << "FsTest" << "missing" << DownloadError::HttpStatus << "HTTP 404";
        QTest::newRow("truncated archive") << "FsTest" << "truncated" << DownloadError::CorruptArchive << "damaged";
        QTest::newRow("archive without the matrix") << "FsTest" << "nomember" << DownloadError::MissingMember
                                                    << "nomember/nomember.mtx";
    }

    void failures()
    {
        QFETCH(QString, group);
        QFETCH(QString, name);
        QFETCH(DownloadError, error);
        QFETCH(QString, wording);
        const auto result = run({record(qPrintable(group), qPrintable(name))});
        QVERIFY(result.paths.isEmpty());
        QCOMPARE(result.failures.size(), 1);
        QCOMPARE(result.failures.at(0).error, error);
        QCOMPARE(result.failures.at(0).matrix, group + QLatin1Char('/') + name);
        QVERIFY2(result.failures.at(0).message.contains(wording), qPrintable(result.failures.at(0).message));
        QCOMPARE(filesUnder(m_cacheDir->path()), QStringList());
        QVERIFY(!QDir(m_cacheDir->path() + QStringLiteral("/matrices/") + group).exists());
    }

    void connectionRefused()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        m_downloader->setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        const auto result = run({record("HB", "bcsstk01")});
        QCOMPARE(result.failures.size(), 1);
        QCOMPARE(result.failures.at(0).error, DownloadError::Network);
        QVERIFY2(result.failures.at(0).message.contains(QLatin1String("refused"), Qt::CaseInsensitive),
                 qPrintable(result.failures.at(0).message));
        QCOMPARE(filesUnder(m_cacheDir->path()), QStringList());
    }

    void cancelMidDownloadLeavesNothing()
    {
        m_server->slow.insert(QStringLiteral("/MM/HB/bcsstk01.tar.gz"));
        QSignalSpy progress(m_downloader.get(), &CollectionDownloader::fileProgress);
        QSignalSpy finished(m_downloader.get(), &CollectionDownloader::finished);
        bool cancelled = false;
        connect(m_downloader.get(), &CollectionDownloader::fileProgress, this,
                [&](const QString &, qint64 received, qint64 total) {
                    // Well inside the transfer: some bytes in, most still to come.
                    if (!cancelled && received >= 64 && received < total / 2) {
                        cancelled = true;
                        QVERIFY(!filesUnder(m_cacheDir->path()).isEmpty()); // the .part file is there now
                        m_downloader->cancel();
                    }
                });
        m_downloader->download({record("HB", "bcsstk01"), record("Oberwolfach", "LFAT5")});
        QVERIFY(finished.wait(20000));
        QVERIFY(cancelled);
        QCOMPARE(finished.at(0).at(1).toBool(), true);
        QVERIFY(finished.at(0).at(0).toStringList().isEmpty());
        QCOMPARE(filesUnder(m_cacheDir->path()), QStringList());
        QVERIFY(!QDir(m_cacheDir->path() + QStringLiteral("/matrices/HB")).exists());
        // The second matrix was never asked for.
        QCOMPARE(m_server->requests, QStringList{QStringLiteral("/MM/HB/bcsstk01.tar.gz")});
        QTRY_VERIFY(m_server->slowConnectionClosed);
        QVERIFY(!m_downloader->isBusy());
    }

    void cachedMatrixIsNotRequestedAgain()
    {
        QCOMPARE(run({record("HB", "bcsstk01")}).paths.size(), 1);
        QCOMPARE(m_server->requests.size(), 1);
        const auto again = run({record("HB", "bcsstk01"), record("Oberwolfach", "LFAT5")});
        QCOMPARE(again.paths.size(), 2);
        QCOMPARE(m_server->requests,
                 (QStringList{QStringLiteral("/MM/HB/bcsstk01.tar.gz"), QStringLiteral("/MM/Oberwolfach/LFAT5.tar.gz")}));
        // Only the member itself is unpacked, not the archive's other files.
        QCOMPARE(QDir(m_cacheDir->path() + QStringLiteral("/matrices/Oberwolfach/LFAT5")).entryList(QDir::Files),
                 QStringList{QStringLiteral("LFAT5.mtx")});
    }

    void mixedBatchGoesOnAfterAFailure()
    {
        QSignalSpy total(m_downloader.get(), &CollectionDownloader::totalProgress);
        const auto result = run({record("HB", "bcsstk01"), record("FsTest", "missing"), record("Oberwolfach", "LFAT5")});
        QCOMPARE(result.paths.size(), 2);
        QCOMPARE(result.failures.size(), 1);
        QCOMPARE(total.last().at(0).toInt(), 3);
        QCOMPARE(total.last().at(1).toInt(), 3);
    }

private:
    struct Result
    {
        QStringList paths;
        QList<DownloadFailure> failures;
    };

    Result run(const QVector<SsRecord> &records)
    {
        Result result;
        QSignalSpy finished(m_downloader.get(), &CollectionDownloader::finished);
        const auto connection = connect(m_downloader.get(), &CollectionDownloader::matrixFailed, this,
                                        [&result](const DownloadFailure &f) { result.failures.append(f); });
        m_downloader->download(records);
        if (finished.isEmpty())
            finished.wait(20000);
        disconnect(connection);
        if (!finished.isEmpty())
            result.paths = finished.at(0).at(0).toStringList();
        return result;
    }

    std::unique_ptr<QTemporaryDir> m_served;
    std::unique_ptr<QTemporaryDir> m_cacheDir;
    std::unique_ptr<CollectionServer> m_server;
    std::unique_ptr<CollectionDownloader> m_downloader;
};


QTEST_GUILESS_MAIN(TestCollectionDownload)
#include "tst_collectiondownload.moc"
