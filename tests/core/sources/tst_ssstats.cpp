#include <sources/ssstats.h>

#include <QTest>

using namespace fs::sources;

Q_DECLARE_METATYPE(fs::sources::Flag)

class TestSsStats : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void kindWithCommas_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<qint64>("nentries");
        QTest::newRow("plain") << "HB,1138_bus,1138,1138,4054,1,0,0,1,1,1,power network problem,2596"
                               << "power network problem" << qint64(2596);
        QTest::newRow("one comma") << "G,a,3,3,3,1,0,0,1,1,1,graph, weighted,9" << "graph, weighted" << qint64(9);
        QTest::newRow("many commas") << "G,a,3,3,3,1,0,0,1,1,1,x, y,, z ,7" << "x, y,, z" << qint64(7);
        QTest::newRow("empty kind") << "G,a,3,3,3,1,0,0,1,1,1,,5" << "" << qint64(5);
        QTest::newRow("crlf") << "G,a,3,3,3,1,0,0,1,1,1,2D/3D problem,6\r" << "2D/3D problem" << qint64(6);
    }

    void kindWithCommas()
    {
        QFETCH(QString, line);
        QFETCH(QString, kind);
        QFETCH(qint64, nentries);
        SsRecord r;
        SsIssue issue;
        QVERIFY(parse_ssstats_line(line.toStdString(), 7, r, issue));
        QCOMPARE(QString::fromStdString(r.kind), kind);
        QCOMPARE(qint64(r.nentries), nentries);
        QCOMPARE(r.id, 5);
        QCOMPARE(QString::fromStdString(r.group), line.section(QLatin1Char(','), 0, 0));
    }

    void fieldsAndFlags()
    {
        SsRecord r;
        SsIssue issue;
        QVERIFY(parse_ssstats_line("HB,west0067,67,68,294,1,0,-1,-3,0.0448,0,chemical process simulation problem,295",
                                   12, r, issue));
        QCOMPARE(r.group, std::string("HB"));
        QCOMPARE(r.name, std::string("west0067"));
        QCOMPARE(r.rows, std::int64_t(67));
        QCOMPARE(r.cols, std::int64_t(68));
        QCOMPARE(r.nnz, std::int64_t(294));
        QCOMPARE(r.isReal, Flag::Yes);
        QCOMPARE(r.isBinary, Flag::No);
        QCOMPARE(r.isNd, Flag::Unknown);
        QCOMPARE(r.posdef, Flag::Unknown);
        QCOMPARE(r.patternSymmetry, 0.0448);
        QCOMPARE(r.numericalSymmetry, 0.0);
        QCOMPARE(r.nentries, std::int64_t(295));
        QCOMPARE(r.id, 10);
    }

    void badLines_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("field");
        QTest::newRow("too few") << "HB,a,1,1,1" << int(SsIssueCode::TooFewFields) << "";
        QTest::newRow("no kind field") << "HB,a,1,1,1,1,0,0,1,1,1,1" << int(SsIssueCode::TooFewFields) << "";
        QTest::newRow("rows") << "HB,a,1x1,1,1,1,0,0,1,1,1,k,1" << int(SsIssueCode::BadNumber) << "nrows";
        QTest::newRow("negative rows") << "HB,a,-1,1,1,1,0,0,1,1,1,k,1" << int(SsIssueCode::BadNumber) << "nrows";
        QTest::newRow("negative nnz") << "HB,a,1,1,-101,1,0,0,1,1,1,k,1" << int(SsIssueCode::BadNumber) << "nnz";
        QTest::newRow("posdef") << "HB,a,1,1,1,1,0,0,yes,1,1,k,1" << int(SsIssueCode::BadNumber) << "posdef";
        QTest::newRow("symmetry") << "HB,a,1,1,1,1,0,0,1,half,1,k,1" << int(SsIssueCode::BadNumber)
                                  << "pattern_symmetry";
        QTest::newRow("nentries") << "HB,a,1,1,1,1,0,0,1,1,1,k,many" << int(SsIssueCode::BadNumber) << "nentries";
        QTest::newRow("no name") << "HB,,1,1,1,1,0,0,1,1,1,k,1" << int(SsIssueCode::EmptyName) << "Name";
    }

    void badLines()
    {
        QFETCH(QString, line);
        QFETCH(int, code);
        QFETCH(QString, field);
        SsRecord r;
        SsIssue issue;
        QVERIFY(!parse_ssstats_line(line.toStdString(), 40, r, issue));
        QCOMPARE(int(issue.code), code);
        QCOMPARE(issue.line, 40);
        QCOMPARE(QString::fromStdString(issue.field), field);
    }

    void wholeFileSkipsBadLinesAndKeepsIds()
    {
        const SsIndex index = parse_ssstats_text("3\n"
                                                 "01-Jan-2026 00:00:00\n"
                                                 "A,one,1,1,1,1,0,0,1,1,1,k,1\n"
                                                 "A,two,oops,1,1,1,0,0,1,1,1,k,1\n"
                                                 "\n"
                                                 "B,three,2,2,4,1,0,0,0,1,1,k, with comma,3\n");
        QCOMPARE(index.declaredCount, std::int64_t(3));
        QCOMPARE(index.date, std::string("01-Jan-2026 00:00:00"));
        QCOMPARE(index.records.size(), std::size_t(2));
        QCOMPARE(index.records[0].id, 1);
        QCOMPARE(index.records[1].name, std::string("three"));
        QCOMPARE(index.records[1].id, 4); // line 6: the blank line still counts
        QCOMPARE(index.records[1].kind, std::string("k, with comma"));
        QCOMPARE(index.issues.size(), std::size_t(1));
        QCOMPARE(index.issues[0].line, 4);
    }

    void missingHeader()
    {
        QCOMPARE(parse_ssstats_text("").issues.size(), std::size_t(1));
        const SsIndex noCount = parse_ssstats_text("count\ndate\nA,b,1,1,1,1,0,0,1,1,1,k,1\n");
        QCOMPARE(noCount.declaredCount, std::int64_t(-1));
        QCOMPARE(noCount.records.size(), std::size_t(1));
        QCOMPARE(noCount.issues.front().code, SsIssueCode::MissingHeader);
        QVERIFY(!parse_ssstats_file("/nonexistent/ssstats.csv").issues.empty());
    }

    void fixtureFile()
    {
        const SsIndex index = parse_ssstats_file(FS_TEST_DATA_DIR "/collection/ssstats.csv");
        QCOMPARE(index.declaredCount, std::int64_t(17));
        QCOMPARE(index.records.size(), std::size_t(16));
        QCOMPARE(index.issues.size(), std::size_t(1));
        QCOMPARE(index.issues[0].line, 9);
        QCOMPARE(index.issues[0].field, std::string("nrows"));
        QCOMPARE(index.records.back().id, 17);
    }

    void urls()
    {
        SsRecord r;
        r.group = "HB";
        r.name = "bcsstk01";
        QCOMPARE(ssstats_url("http://127.0.0.1:8080/"), std::string("http://127.0.0.1:8080/files/ssstats.csv"));
        QCOMPARE(matrix_archive_url("https://sparse.tamu.edu", r),
                 std::string("https://sparse.tamu.edu/MM/HB/bcsstk01.tar.gz"));
        QCOMPARE(matrix_member_name(r), std::string("bcsstk01/bcsstk01.mtx"));
    }
};

QTEST_GUILESS_MAIN(TestSsStats)
#include "tst_ssstats.moc"
