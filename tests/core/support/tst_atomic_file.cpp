// Files written whole or not at all: the content arrives, no part file stays behind, an
// uncommitted file leaves the old one alone, and a full or read-only folder gives an error that
// names the file and the system's reason.
#include "support/atomic_file.h"

#include "restricted_folder.h"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <sstream>

using namespace fs;
namespace fsys = std::filesystem;

namespace {

std::string slurp(const fsys::path &p)
{
    std::ifstream is(p, std::ios::binary);
    std::ostringstream os;
    os << is.rdbuf();
    return os.str();
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot);
}

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesAndReplaces();
    void uncommittedLeavesOldFile();
    void fullFolderSaysSo();
    void readOnlyFolderSaysSo();

private:
    QTemporaryDir m_tmp;
};

void TestAtomicFile::writesAndReplaces()
{
    const fsys::path p = m_tmp.filePath(QStringLiteral("a.txt")).toStdString();
    support::write_file_atomic(p, "first\n");
    QCOMPARE(slurp(p), std::string("first\n"));
    support::write_file_atomic(p, std::string(100000, 'y'));
    QCOMPARE(slurp(p).size(), std::size_t(100000));
    QCOMPARE(entries(m_tmp.path()), QStringList{QStringLiteral("a.txt")});
    QVERIFY(support::part_path(p).string().find("a.txt.part-") != std::string::npos);
}

void TestAtomicFile::uncommittedLeavesOldFile()
{
    const fsys::path p = m_tmp.filePath(QStringLiteral("b.txt")).toStdString();
    support::write_file_atomic(p, "old");
    {
        support::AtomicFile file(p);
        file.write("new, but never committed");
        QVERIFY(fsys::exists(support::part_path(p)));
        QCOMPARE(slurp(p), std::string("old")); // readers see the old file meanwhile
    }
    QCOMPARE(slurp(p), std::string("old"));
    QVERIFY(!fsys::exists(support::part_path(p)));
}

void TestAtomicFile::fullFolderSaysSo()
{
    test::RestrictedFolder full(test::RestrictedFolder::Kind::Full, m_tmp.path());
    QVERIFY2(full.ok(), qPrintable(full.why()));
    const fsys::path p = (full.path() + QStringLiteral("/c.txt")).toStdString();
    try {
        support::write_file_atomic(p, std::string(1 << 20, 'z'));
        QFAIL("a write of 1 MiB into a full 64 KiB tmpfs succeeded");
    } catch (const support::WriteError &e) {
        const std::string what = e.what();
        QVERIFY2(what.find(p.string()) != std::string::npos, e.what());
        QVERIFY2(what.find("No space left on device") != std::string::npos, e.what());
    }
    QVERIFY(!fsys::exists(p));
    QVERIFY(!fsys::exists(support::part_path(p)));
}

void TestAtomicFile::readOnlyFolderSaysSo()
{
    test::RestrictedFolder ro(test::RestrictedFolder::Kind::ReadOnly, m_tmp.path());
    QVERIFY2(ro.ok(), qPrintable(ro.why()));
    const fsys::path p = (ro.path() + QStringLiteral("/d.txt")).toStdString();
    try {
        support::write_file_atomic(p, "x");
        QFAIL("a write into a read-only folder succeeded");
    } catch (const support::WriteError &e) {
        const std::string what = e.what();
        QVERIFY2(what.find("Read-only file system") != std::string::npos
                     || what.find("Permission denied") != std::string::npos,
                 e.what());
    }
}

QTEST_GUILESS_MAIN(TestAtomicFile)
#include "tst_atomic_file.moc"
