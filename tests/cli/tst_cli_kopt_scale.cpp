// factorscope-cli factor --kind kopt with --method and --ordering: the JSON contract, agreement of
// the dense and selected-inversion routes, the permutation file, and memory refusals.
#include "cli_run.h"
#include "sparse/matrix_market.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

class TestCliKoptScale : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void jsonContract_data();
    void jsonContract();
    void denseEqualsSelinv();
    void refusalNamesEstimate();

private:
    QTemporaryDir m_dir;
    QString m_matrix;
};

namespace {
using Run = fs::test::ProcessRun;
using fs::test::runCli;
} // namespace

void TestCliKoptScale::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_matrix = m_dir.filePath(QStringLiteral("p.mtx"));
    const Run r = runCli({QStringLiteral("generate"), QStringLiteral("poisson2d"), QStringLiteral("--nx"),
                       QStringLiteral("30"), QStringLiteral("--ny"), QStringLiteral("20"), QStringLiteral("--out"), m_matrix});
    QCOMPARE(r.code, 0);
}

void TestCliKoptScale::jsonContract_data()
{
    QTest::addColumn<QString>("method");
    QTest::addColumn<QString>("ordering");
    QTest::addColumn<QString>("expectedMethod");
    QTest::newRow("auto natural (small n: dense)") << "auto" << "natural" << "dense";
    QTest::newRow("selinv amd") << "selinv" << "amd" << "selinv";
    QTest::newRow("selinv nd") << "selinv" << "nd" << "selinv";
    QTest::newRow("dense nd") << "dense" << "nd" << "dense";
}

void TestCliKoptScale::jsonContract()
{
    QFETCH(QString, method);
    QFETCH(QString, ordering);
    QFETCH(QString, expectedMethod);
    const QString out = m_dir.filePath(method + ordering + QStringLiteral(".mtx"));
    const Run r = runCli({QStringLiteral("factor"), m_matrix, QStringLiteral("--kind"), QStringLiteral("kopt"),
                       QStringLiteral("--method"), method, QStringLiteral("--ordering"), ordering,
                       QStringLiteral("--out"), out, QStringLiteral("--json")});
    QCOMPARE(r.code, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out).object();
    QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("kopt"));
    QCOMPARE(o.value(QStringLiteral("method")).toString(), expectedMethod);
    QCOMPARE(o.value(QStringLiteral("ordering")).toString(), ordering);
    QCOMPARE(o.value(QStringLiteral("nnz")).toInt(), 600 + 29 * 20 + 30 * 19); // tril of the 5-point stencil
    QVERIFY(o.value(QStringLiteral("seconds")).toDouble() > 0);
    QVERIFY(QFile::exists(out));
    QCOMPARE(QFile::exists(out + QStringLiteral(".perm")), ordering != QLatin1String("natural"));
}

void TestCliKoptScale::denseEqualsSelinv()
{
    for (const QString &ordering : {QStringLiteral("natural"), QStringLiteral("nd")}) {
        QStringList files;
        for (const QString &method : {QStringLiteral("dense"), QStringLiteral("selinv")}) {
            const QString out = m_dir.filePath(QStringLiteral("eq_") + method + ordering + QStringLiteral(".mtx"));
            QCOMPARE(runCli({QStringLiteral("factor"), m_matrix, QStringLiteral("--kind"), QStringLiteral("kopt"),
                          QStringLiteral("--method"), method, QStringLiteral("--ordering"), ordering,
                          QStringLiteral("--out"), out}).code, 0);
            files << out;
        }
        const auto a = fs::sparse::read_matrix_market(files[0].toStdString()).matrix;
        const auto b = fs::sparse::read_matrix_market(files[1].toStdString()).matrix;
        QVERIFY((a - b).norm() <= 1e-10 * a.norm());
    }
}

void TestCliKoptScale::refusalNamesEstimate()
{
    // Dense: 600² doubles twice is ~5.5 MiB. Selected inversion in the natural ordering of a
    // 100x100 grid: a banded factor of ~10^6 entries, tens of MiB. Both exceed a 1 MiB bound.
    const QString big = m_dir.filePath(QStringLiteral("big.mtx"));
    QCOMPARE(runCli({QStringLiteral("generate"), QStringLiteral("poisson2d"), QStringLiteral("--nx"), QStringLiteral("100"),
                  QStringLiteral("--ny"), QStringLiteral("100"), QStringLiteral("--out"), big}).code, 0);
    const QList<QPair<QString, QString>> cases = {{QStringLiteral("dense"), m_matrix}, {QStringLiteral("selinv"), big}};
    for (const auto &[method, file] : cases) {
        const Run r = runCli({QStringLiteral("factor"), file, QStringLiteral("--kind"), QStringLiteral("kopt"),
                           QStringLiteral("--method"), method, QStringLiteral("--max-memory"), QStringLiteral("1"),
                           QStringLiteral("--out"), m_dir.filePath(QStringLiteral("refused.mtx"))});
        QCOMPARE(r.code, 2);
        const QString err = QString::fromUtf8(r.err);
        QVERIFY2(err.startsWith(QLatin1String("error: ")) && err.contains(QLatin1String("needs about")), qPrintable(err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("refused.mtx"))));
    }
    // With room to spare the same selected inversion runs.
    QCOMPARE(runCli({QStringLiteral("factor"), big, QStringLiteral("--kind"), QStringLiteral("kopt"), QStringLiteral("--method"),
                  QStringLiteral("selinv"), QStringLiteral("--max-memory"), QStringLiteral("1024"), QStringLiteral("--out"),
                  m_dir.filePath(QStringLiteral("fits.mtx"))}).code, 0);
}

QTEST_GUILESS_MAIN(TestCliKoptScale)
#include "tst_cli_kopt_scale.moc"
