// Figure 2 categories, their identifiers, the JSON round trip and the non-SPD outcome.
#include "bench/outcome.h"
#include "bench/outcome_json.h"
#include "bench/runner.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

using namespace fs::bench;

Q_DECLARE_METATYPE(fs::bench::Category)
Q_DECLARE_METATYPE(fs::bench::MethodOutcome)

namespace {

MethodOutcome converged(int iterations)
{
    MethodOutcome m;
    m.iterations = iterations;
    m.converged = true;
    return m;
}

MethodOutcome failed(const char *failure, int iterations = 0)
{
    MethodOutcome m;
    m.iterations = iterations;
    m.failure = failure;
    return m;
}

void write(const QString &path, const char *text)
{
    std::ofstream(path.toStdString()) << text;
}

} // namespace

class TestBenchOutcome : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void categorize_data();
    void categorize();
    void identifiersRoundTrip();
    void jsonRoundTrip();
    void notSpd_data();
    void notSpd();
    void listDirectoryReadsGroups();
};

void TestBenchOutcome::categorize_data()
{
    QTest::addColumn<MethodOutcome>("ic0");
    QTest::addColumn<MethodOutcome>("kopt");
    QTest::addColumn<Category>("expected");
    QTest::newRow("kopt only: ic0 breakdown") << failed(FailureIc0Breakdown) << converged(40) << Category::KoptOnly;
    QTest::newRow("kopt only: ic0 max iterations") << failed("max_iterations", 10000) << converged(9999) << Category::KoptOnly;
    QTest::newRow("kopt fewer") << converged(41) << converged(40) << Category::KoptFewer;
    QTest::newRow("ic0 fewer") << converged(12) << converged(30) << Category::Ic0Fewer;
    QTest::newRow("ic0 only: kopt budget") << converged(12) << failed(FailureTimeBudget) << Category::Ic0Only;
    QTest::newRow("tie") << converged(7) << converged(7) << Category::Tie;
    QTest::newRow("tie at zero iterations") << converged(0) << converged(0) << Category::Tie;
    QTest::newRow("both failed") << failed(FailureIc0Breakdown) << failed(FailureMemoryBudget) << Category::BothFailed;
    // A failed run with fewer iterations must not count as "fewer".
    QTest::newRow("failure is never fewer") << failed("max_iterations", 3) << converged(500) << Category::KoptOnly;
}

void TestBenchOutcome::categorize()
{
    QFETCH(MethodOutcome, ic0);
    QFETCH(MethodOutcome, kopt);
    QFETCH(Category, expected);
    QCOMPARE(fs::bench::categorize(ic0, kopt), expected);
}

void TestBenchOutcome::identifiersRoundTrip()
{
    const QStringList expected = {"kopt_only", "kopt_fewer", "ic0_fewer", "ic0_only", "tie", "both_failed", "not_spd"};
    for (int c = 0; c < CategoryCount; ++c) {
        QCOMPARE(QString::fromLatin1(to_string(Category(c))), expected.at(c));
        QCOMPARE(parse_category(to_string(Category(c))), std::optional<Category>(Category(c)));
    }
    QVERIFY(!parse_category("kopt"));
}

void TestBenchOutcome::jsonRoundTrip()
{
    MatrixOutcome o;
    o.name = "m";
    o.group = "HB";
    o.file = "/x/m.mtx";
    o.n = 3;
    o.nnz = 7;
    o.kind = "spd";
    o.category = Category::Ic0Fewer;
    o.at(PrecondKind::Ic0) = converged(4);
    o.at(PrecondKind::Ic0).kcond = 1.25;
    o.at(PrecondKind::Ic0).history = {1.0, 0.5, 1e-9};
    o.at(PrecondKind::Kopt) = converged(5);
    o.at(PrecondKind::Kopt).kopt_method = "dense";
    o.at(PrecondKind::None) = failed("max_iterations", 10);
    const MatrixOutcome back = from_json(to_json(o, true));
    QCOMPARE(back.name, o.name);
    QCOMPARE(back.group, o.group);
    QCOMPARE(back.n, o.n);
    QCOMPARE(back.category, o.category);
    QCOMPARE(back.at(PrecondKind::Ic0).iterations, 4);
    QCOMPARE(back.at(PrecondKind::Ic0).kcond.value(), 1.25);
    QCOMPARE(back.at(PrecondKind::Ic0).history, o.at(PrecondKind::Ic0).history);
    QCOMPARE(back.at(PrecondKind::Kopt).kopt_method, std::string("dense"));
    QCOMPARE(back.at(PrecondKind::None).failure, std::string("max_iterations"));
    QVERIFY(!back.at(PrecondKind::None).converged);
    // Without histories the row stays small.
    QVERIFY(from_json(to_json(o, false)).at(PrecondKind::Ic0).history.empty());
    QVERIFY_THROWS_EXCEPTION(std::runtime_error, from_json("{\"name\": 1}"));
}

void TestBenchOutcome::notSpd_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasonPart");
    QTest::newRow("indefinite") << QString("%%MatrixMarket matrix coordinate real symmetric\n2 2 3\n1 1 1\n2 1 2\n2 2 1\n")
                                << QString("positive");
    QTest::newRow("unsymmetric") << QString("%%MatrixMarket matrix coordinate real general\n2 2 3\n1 1 4\n2 1 1\n2 2 4\n")
                                 << QString("symmetric");
}

void TestBenchOutcome::notSpd()
{
    QFETCH(QString, text);
    QFETCH(QString, reasonPart);
    QTemporaryDir dir;
    const QString path = dir.filePath("bad.mtx");
    write(path, text.toLatin1().constData());
    const MatrixOutcome o = run_matrix({path.toStdString(), "", ""}, RunOptions{});
    QCOMPARE(o.category, Category::NotSpd);
    QCOMPARE(o.kind, std::string("not_spd"));
    QCOMPARE(o.name, std::string("bad"));
    QVERIFY2(QString::fromStdString(o.not_spd_reason).contains(reasonPart, Qt::CaseInsensitive),
             o.not_spd_reason.c_str());
    QVERIFY(o.at(PrecondKind::Kopt).iterations == 0 && !o.at(PrecondKind::Kopt).converged);
}

void TestBenchOutcome::listDirectoryReadsGroups()
{
    QTemporaryDir dir;
    write(dir.filePath("b.mtx"), "");
    write(dir.filePath("a.mtx.gz"), "");
    write(dir.filePath("notes.txt"), "");
    write(dir.filePath("INDEX.csv"), "name,group,notes\na,\"Grp, one\",x\n");
    const auto inputs = list_directory(dir.path().toStdString());
    QCOMPARE(inputs.size(), std::size_t(2));
    QCOMPARE(inputs[0].name, std::string("a"));
    QCOMPARE(inputs[0].group, std::string("Grp, one"));
    QCOMPARE(inputs[1].name, std::string("b"));
    QVERIFY(inputs[1].group.empty());
}

QTEST_GUILESS_MAIN(TestBenchOutcome)
#include "tst_bench_outcome.moc"
