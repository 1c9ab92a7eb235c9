#include "document/benchmarkindex.h"

#include <QFileInfo>
#include <QTest>

using fs::ui::BenchmarkIndex;

class TestBenchmarkIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void splitCsvLine_data()
    {
        QTest::addColumn<QString>("line");
        QTest::addColumn<QStringList>("fields");
        QTest::newRow("plain") << "a,b,c" << QStringList{"a", "b", "c"};
        QTest::newRow("empty fields") << ",x," << QStringList{"", "x", ""};
        QTest::newRow("quoted comma") << "pi,\"1x1 [pi]; a, b\",1" << QStringList{"pi", "1x1 [pi]; a, b", "1"};
        QTest::newRow("escaped quote") << "\"say \"\"hi\"\"\",2" << QStringList{"say \"hi\"", "2"};
    }

    void splitCsvLine()
    {
        QFETCH(QString, line);
        QFETCH(QStringList, fields);
        QCOMPARE(BenchmarkIndex::splitCsvLine(line), fields);
    }

    void bundledCollection()
    {
        const auto entries = BenchmarkIndex::load(QStringLiteral(FS_BENCHMARK_DIR));
        QCOMPARE(entries.size(), 32);
        const auto it = std::find_if(entries.begin(), entries.end(), [](const auto &e) { return e.name == "bcsstk13"; });
        QVERIFY(it != entries.end());
        QCOMPARE(it->rows, 2003);
        QCOMPARE(it->cols, 2003);
        QCOMPARE(it->storedEntries, 42943);
        QVERIFY(it->symmetric);
        QVERIFY(it->spd);
        QVERIFY(QFileInfo::exists(it->filePath));
    }

    void missingDirectoryGivesEmptyList()
    {
        QVERIFY(BenchmarkIndex::load(QStringLiteral("/nonexistent/factorscope")).isEmpty());
    }

    void defaultDirectoryHoldsIndex()
    {
        QVERIFY(QFileInfo::exists(BenchmarkIndex::defaultDirectory() + "/INDEX.csv"));
    }
};

QTEST_GUILESS_MAIN(TestBenchmarkIndex)
#include "tst_benchmarkindex.moc"
