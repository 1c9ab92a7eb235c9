// The benchmark's row file: rows survive a reopen, a last line cut short is dropped (and the file
// rewritten without it), a repeated row is kept once, other settings and a foreign file are
// refused, and an existing file is never appended to without --resume.
#include "bench/row_log.h"

#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace fs;

namespace {

std::string row(const std::string &name, int iterations)
{
    return R"({"name":")" + name + R"(","category":"all_converge","none":{"iterations":)"
           + std::to_string(iterations) + "}}";
}

std::string slurp(const std::string &p)
{
    std::ifstream is(p, std::ios::binary);
    std::ostringstream os;
    os << is.rdbuf();
    return os.str();
}

} // namespace

class TestBenchRowLog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsSurviveAndCutLineIsDropped();
    void refusals();
};

void TestBenchRowLog::rowsSurviveAndCutLineIsDropped()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("rows.jsonl")).toStdString();
    {
        bench::RowLog log(path, "tol=1e-8", false);
        QVERIFY(log.done().empty());
        log.append("a", row("a", 3));
        log.append("b", row("b", 4));
        log.append("a", row("a", 99)); // already there: not written again
    }
    // A kill in the middle of the third row.
    std::ofstream(path, std::ios::app) << R"({"name":"c","categ)";
    {
        bench::RowLog log(path, "tol=1e-8", true);
        QCOMPARE(log.done().size(), std::size_t(2));
        QCOMPARE(log.dropped(), 1);
        QVERIFY(log.done().at("a").find("\"iterations\":3") != std::string::npos);
        log.append("c", row("c", 5));
    }
    const std::string text = slurp(path);
    QCOMPARE(std::count(text.begin(), text.end(), '\n'), 4L); // header + a, b, c
    QVERIFY(text.find("categ)") == std::string::npos);
    QVERIFY(text.find("\"iterations\":99") == std::string::npos);

    // Rows repeated in the file (two runs appending at once) are read once.
    std::ofstream(path, std::ios::app) << row("b", 4) << '\n';
    bench::RowLog again(path, "tol=1e-8", true);
    QCOMPARE(again.done().size(), std::size_t(3));
    QCOMPARE(again.dropped(), 0);
    const std::string rewritten = slurp(path);
    QCOMPARE(std::count(rewritten.begin(), rewritten.end(), '\n'), 4L);
}

void TestBenchRowLog::refusals()
{
    QTemporaryDir tmp;
    const std::string path = tmp.filePath(QStringLiteral("rows.jsonl")).toStdString();
    { bench::RowLog log(path, "tol=1e-8", false); }
    QVERIFY_THROWS_EXCEPTION(bench::RowLogError, bench::RowLog(path, "tol=1e-8", false));
    try {
        bench::RowLog log(path, "tol=1e-6", true);
        QFAIL("other settings were accepted");
    } catch (const bench::RowLogError &e) {
        QVERIFY2(std::string(e.what()).find("other settings") != std::string::npos, e.what());
    }
    const std::string foreign = tmp.filePath(QStringLiteral("notes.txt")).toStdString();
    std::ofstream(foreign) << "my notes\n";
    QVERIFY_THROWS_EXCEPTION(bench::RowLogError, bench::RowLog(foreign, "tol=1e-8", true));
    QCOMPARE(slurp(foreign), std::string("my notes\n")); // left as it was
}

QTEST_GUILESS_MAIN(TestBenchRowLog)
#include "tst_bench_row_log.moc"
