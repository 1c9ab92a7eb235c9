// Binning onto a display grid conserves the nonzeros inside the window and puts each in its cell.
#include "sparse/pattern_bins.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace fs::sparse;

class TestPatternBins : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void conservesNonzeros_data();
    void conservesNonzeros();
    void eachEntryInItsBin();
    void gridNeverFinerThanCells();
    void binnerColumnByColumnEqualsWholeMatrix_data();
    void binnerColumnByColumnEqualsWholeMatrix();
};

static Matrix randomPattern(int rows, int cols, int nnz, unsigned seed)
{
    std::mt19937 rng(seed);
    std::vector<Triplet> t;
    for (int k = 0; k < nnz; ++k)
        t.emplace_back(static_cast<int>(rng() % static_cast<unsigned>(rows)),
                       static_cast<int>(rng() % static_cast<unsigned>(cols)), 1.0 + k % 5);
    Matrix A(rows, cols);
    A.setFromTriplets(t.begin(), t.end());
    return A;
}

void TestPatternBins::conservesNonzeros_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("r0");
    QTest::addColumn<int>("r1");
    QTest::addColumn<int>("c0");
    QTest::addColumn<int>("c1");
    QTest::addColumn<int>("bx");
    QTest::addColumn<int>("by");
    QTest::newRow("whole, coarse") << 1000 << 1000 << 0 << 1000 << 0 << 1000 << 37 << 53;
    QTest::newRow("whole, fine") << 300 << 200 << 0 << 300 << 0 << 200 << 800 << 800;
    QTest::newRow("window") << 1000 << 1000 << 123 << 456 << 700 << 999 << 64 << 64;
    QTest::newRow("window beyond bounds is clamped") << 100 << 100 << -5 << 500 << 50 << 1000 << 10 << 10;
    QTest::newRow("empty window") << 100 << 100 << 40 << 40 << 0 << 100 << 10 << 10;
}

void TestPatternBins::conservesNonzeros()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, r0);
    QFETCH(int, r1);
    QFETCH(int, c0);
    QFETCH(int, c1);
    QFETCH(int, bx);
    QFETCH(int, by);
    const Matrix A = randomPattern(rows, cols, 20000, 5u);
    const PatternBins b = bin_pattern(A, {r0, r1, c0, c1}, bx, by);
    std::int64_t inside = 0;
    for (int k = 0; k < A.outerSize(); ++k)
        for (Matrix::InnerIterator it(A, k); it; ++it)
            inside += it.row() >= r0 && it.row() < r1 && it.col() >= c0 && it.col() < c1;
    const std::int64_t sum = std::accumulate(b.counts.begin(), b.counts.end(), std::int64_t{0});
    QCOMPARE(sum, inside);
    QCOMPARE(b.total, inside);
    QCOMPARE(b.counts.size(), static_cast<std::size_t>(b.bins_x) * static_cast<std::size_t>(b.bins_y));
}

void TestPatternBins::eachEntryInItsBin()
{
    // A 10x10 identity on a 5x5 grid: each diagonal bin holds exactly two entries.
    Matrix I(10, 10);
    I.setIdentity();
    const PatternBins b = bin_pattern(I, BinWindow::whole(I), 5, 5);
    for (int y = 0; y < 5; ++y)
        for (int x = 0; x < 5; ++x)
            QCOMPARE(b.counts[static_cast<std::size_t>(y * 5 + x)], x == y ? 2u : 0u);
    QCOMPARE(b.max_count, 2u);
    QCOMPARE(b.rowOfBin(3), 6);
    QCOMPARE(b.colOfBin(5), 10);
    QCOMPARE(b.max_abs[0], 1.0);
}

void TestPatternBins::gridNeverFinerThanCells()
{
    const Matrix A = randomPattern(7, 3, 10, 1u);
    const PatternBins b = bin_pattern(A, BinWindow::whole(A), 100, 100);
    QCOMPARE(b.bins_x, 3);
    QCOMPARE(b.bins_y, 7);
}

void TestPatternBins::binnerColumnByColumnEqualsWholeMatrix_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("nnz");
    QTest::addColumn<int>("grid");
    QTest::newRow("one bin") << 50 << 40 << 300 << 1;
    QTest::newRow("uneven bins") << 1000 << 997 << 20000 << 7;
    QTest::newRow("many rows per bin") << 5000 << 5000 << 30000 << 64;
    QTest::newRow("a bin per cell") << 30 << 30 << 200 << 100;
    QTest::newRow("sparse columns") << 100000 << 300 << 3000 << 512;
}

void TestPatternBins::binnerColumnByColumnEqualsWholeMatrix()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, nnz);
    QFETCH(int, grid);
    Matrix A = randomPattern(rows, cols, nnz, 7u + unsigned(grid));
    for (Eigen::Index k = 0; k < A.nonZeros(); ++k)
        A.valuePtr()[k] = std::sin(double(k)) * 3.0; // signed values: bins keep max |value|
    const PatternBins whole = bin_pattern(A, BinWindow::whole(A), grid, grid);
    // Rows ascending (as ΔL comes), then every column reversed (the binner must not rely on order),
    // plus rows outside the matrix, which are ignored.
    for (int reversed = 0; reversed < 2; ++reversed) {
        PatternBinner binner(rows, cols, grid, grid);
        std::vector<Index> r;
        std::vector<double> v;
        for (Index j = 0; j < cols; ++j) {
            r.clear();
            v.clear();
            for (Matrix::InnerIterator it(A, j); it; ++it) {
                r.push_back(static_cast<Index>(it.row()));
                v.push_back(it.value());
            }
            if (reversed) {
                std::reverse(r.begin(), r.end());
                std::reverse(v.begin(), v.end());
                r.push_back(rows + 3);
                v.push_back(99.0);
            }
            binner.add_column(j, r, v);
        }
        const PatternBins b = binner.take();
        QCOMPARE(b.bins_x, whole.bins_x);
        QCOMPARE(b.bins_y, whole.bins_y);
        QCOMPARE(b.counts, whole.counts);
        QCOMPARE(b.max_abs, whole.max_abs);
        QCOMPARE(b.total, whole.total);
        QCOMPARE(b.max_count, whole.max_count);
    }
}

QTEST_APPLESS_MAIN(TestPatternBins)
#include "tst_pattern_bins.moc"
