// Every matrix of the shared SuiteSparse corpus loads with the counts of its INDEX.csv, whether
// it is bundled (SPD, gzip) or kept with the tests (the bad-input cases).
#include "sparse/matrix_market.h"

#include <QFile>
#include <QtTest>

using namespace fs::sparse;

class TestSuiteSparseCorpus : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void loadsWithIndexCounts_data();
    void loadsWithIndexCounts();
};

static QList<QStringList> readIndex(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly | QIODevice::Text))
        return {};
    QList<QStringList> rows;
    f.readLine(); // header
    while (!f.atEnd()) {
        // Only the first 7 columns matter and none of them is quoted.
        const QString line = QString::fromUtf8(f.readLine()).trimmed();
        if (!line.isEmpty())
            rows.append(line.split(QLatin1Char(',')).mid(0, 7));
    }
    return rows;
}

void TestSuiteSparseCorpus::loadsWithIndexCounts_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("stored");
    QTest::addColumn<bool>("symmetric");
    const QString testDir = QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/");
    const QString benchDir = QStringLiteral(FS_BENCHMARK_DIR "/");
    const auto index = readIndex(testDir + QStringLiteral("INDEX.csv"));
    QCOMPARE(index.size(), 46);
    for (const QStringList &r : index) {
        QString path = benchDir + r[0] + QStringLiteral(".mtx.gz");
        if (!QFile::exists(path))
            path = testDir + r[0] + QStringLiteral(".mtx");
        QTest::newRow(qPrintable(r[0])) << path << r[2].toInt() << r[3].toInt() << r[4].toInt()
                                        << (r[5] == QLatin1String("1"));
    }
}

void TestSuiteSparseCorpus::loadsWithIndexCounts()
{
    QFETCH(QString, path);
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, stored);
    QFETCH(bool, symmetric);
    QVERIFY2(QFile::exists(path), qPrintable(path));
    const LoadedMatrix m = read_matrix_market(path.toStdString());
    QCOMPARE(m.matrix.rows(), rows);
    QCOMPARE(m.matrix.cols(), cols);
    QCOMPARE(m.header.entries, std::int64_t{stored});
    QCOMPARE(m.duplicates, std::int64_t{0});
    // Expanded nonzeros: a symmetric file's off-diagonal entries count twice.
    if (m.header.symmetry == MmSymmetry::Symmetric) {
        const Matrix &A = m.matrix;
        const Eigen::Index diag = (A.diagonal().array() != 0.0).count() +
                                  [&] { // explicit zeros on the diagonal are stored too
                                      Eigen::Index z = 0;
                                      for (int k = 0; k < A.outerSize(); ++k)
                                          for (Matrix::InnerIterator it(A, k); it; ++it)
                                              z += it.row() == it.col() && it.value() == 0.0;
                                      return z;
                                  }();
        QCOMPARE(A.nonZeros(), 2 * Eigen::Index{stored} - diag);
    } else {
        QCOMPARE(m.matrix.nonZeros(), Eigen::Index{stored});
    }
    // INDEX.csv's "symmetric" says numerically symmetric to ~1e-14 (some are stored general).
    QCOMPARE(symmetry_defect(m.matrix) <= 1e-14, symmetric);
}

QTEST_APPLESS_MAIN(TestSuiteSparseCorpus)
#include "tst_suitesparse_corpus.moc"
