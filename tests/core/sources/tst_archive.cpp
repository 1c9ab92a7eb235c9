#include <sources/archive_member.h>

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace fs::sources;

namespace {

// Sizes of the .mtx files packed into the fixture archives.
constexpr qint64 BCSSTK01 = 5151;
constexpr qint64 LFAT5 = 1240;

QString fixture(const QString &relative)
{
    return QStringLiteral(FS_TEST_DATA_DIR "/collection/MM/") + relative;
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestArchive : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(m_dir.isValid()); }

    void extractsTheMember_data()
    {
        QTest::addColumn<QString>("archive");
        QTest::addColumn<QString>("member");
        QTest::addColumn<qint64>("size");
        QTest::newRow("plain names") << "HB/bcsstk01.tar.gz" << "bcsstk01/bcsstk01.mtx" << qint64(BCSSTK01);
        QTest::newRow("dot-slash names, extra member") << "Oberwolfach/LFAT5.tar.gz" << "LFAT5/LFAT5.mtx"
                                                      << qint64(LFAT5);
    }

    void extractsTheMember()
    {
        QFETCH(QString, archive);
        QFETCH(QString, member);
        QFETCH(qint64, size);
        const QString dest = m_dir.filePath(QStringLiteral("out.mtx"));
        const ArchiveResult r = extract_member(fixture(archive).toStdString(), member.toStdString(), dest.toStdString());
        QVERIFY2(r.ok(), r.detail.c_str());
        const QByteArray text = readAll(dest);
        QCOMPARE(qint64(text.size()), size);
        QVERIFY(text.startsWith("%%MatrixMarket matrix coordinate real symmetric"));
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("out.mtx")});
    }

    void hostileEntriesAreNeverWritten()
    {
        QFile::remove(QStringLiteral("/tmp/factorscope_evil_abs.mtx"));
        QDir(m_dir.path()).mkpath(QStringLiteral("a/b"));
        const QString dest = m_dir.filePath(QStringLiteral("a/b/traversal.mtx"));
        const ArchiveResult r = extract_member(fixture(QStringLiteral("FsTest/traversal.tar.gz")).toStdString(),
                                               "traversal/traversal.mtx", dest.toStdString());
        QVERIFY2(r.ok(), r.detail.c_str());
        // The regular file, not the symbolic link of the same name nor the "../" entry.
        QVERIFY(readAll(dest).startsWith("%%MatrixMarket"));
        QVERIFY(!QFileInfo(dest).isSymLink());
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("a/evil.mtx"))));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("evil.mtx"))));
        QVERIFY(!QFile::exists(QStringLiteral("/tmp/factorscope_evil_abs.mtx")));
        QCOMPARE(QDir(m_dir.filePath(QStringLiteral("a/b"))).entryList(QDir::Files | QDir::Hidden | QDir::System),
                 QStringList{QStringLiteral("traversal.mtx")});
    }

    void missingMember()
    {
        const QString dest = m_dir.filePath(QStringLiteral("nomember.mtx"));
        const ArchiveResult r = extract_member(fixture(QStringLiteral("FsTest/nomember.tar.gz")).toStdString(),
                                               "nomember/nomember.mtx", dest.toStdString());
        QCOMPARE(r.code, ArchiveErrorCode::MemberMissing);
        QVERIFY(QDir(m_dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    void damagedArchives_data()
    {
        QTest::addColumn<int>("keep"); // bytes of the good archive kept; -1: garbage instead
        const int size = int(QFileInfo(fixture(QStringLiteral("HB/bcsstk01.tar.gz"))).size());
        QTest::newRow("cut in the gzip header") << 5;
        QTest::newRow("cut inside the member") << size / 2;
        QTest::newRow("cut in the gzip trailer") << size - 4;
        QTest::newRow("not an archive") << -1;
        QTest::newRow("empty file") << 0;
    }

    void damagedArchives()
    {
        QFETCH(int, keep);
        const QString archive = m_dir.filePath(QStringLiteral("damaged.tar.gz"));
        const QByteArray good = readAll(fixture(QStringLiteral("HB/bcsstk01.tar.gz")));
        writeFile(archive, keep < 0 ? QByteArray("<html>Service Unavailable</html>\n").repeated(20) : good.left(keep));
        const QString dest = m_dir.filePath(QStringLiteral("bcsstk01.mtx"));
        const ArchiveResult r = extract_member(archive.toStdString(), "bcsstk01/bcsstk01.mtx", dest.toStdString());
        QCOMPARE(r.code, ArchiveErrorCode::Corrupt);
        QVERIFY(!r.detail.empty());
        QCOMPARE(QDir(m_dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList{QStringLiteral("damaged.tar.gz")});
    }

    void unreadableArchive()
    {
        const ArchiveResult r = extract_member("/nonexistent/x.tar.gz", "x/x.mtx", m_dir.filePath("x.mtx").toStdString());
        QCOMPARE(r.code, ArchiveErrorCode::CannotOpen);
    }

    void unwritableDestination()
    {
        const ArchiveResult r = extract_member(fixture(QStringLiteral("HB/bcsstk01.tar.gz")).toStdString(),
                                               "bcsstk01/bcsstk01.mtx", "/nonexistent/dir/bcsstk01.mtx");
        QCOMPARE(r.code, ArchiveErrorCode::CannotWrite);
    }

    void cancelLeavesNothing()
    {
        const QString dest = m_dir.filePath(QStringLiteral("bcsstk01.mtx"));
        int polls = 0;
        const ArchiveResult r = extract_member(fixture(QStringLiteral("HB/bcsstk01.tar.gz")).toStdString(),
                                               "bcsstk01/bcsstk01.mtx", dest.toStdString(),
                                               [&polls] { return ++polls > 2; });
        QCOMPARE(r.code, ArchiveErrorCode::Cancelled);
        QVERIFY(QDir(m_dir.path()).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    }

    void cleanup()
    {
        QDir(m_dir.path()).removeRecursively();
        QDir().mkpath(m_dir.path());
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestArchive)
#include "tst_archive.moc"
