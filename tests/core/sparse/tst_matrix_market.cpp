// Matrix Market reader/writer: round trips, every supported header combination, and a corpus of
// malformed inputs each with the error code and line it must produce.
#include "sparse/matrix_market.h"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <random>

using namespace fs::sparse;

Q_DECLARE_METATYPE(fs::sparse::MmErrorCode)

class TestMatrixMarket : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripRandom_data();
    void roundTripRandom();
    void roundTripGzip();
    void headerCombinations_data();
    void headerCombinations();
    void malformed_data();
    void malformed();
    void duplicatesSummedOrRefused();
    void hugeHeaderFailsFast();
    void sharedMalformedFiles_data();
    void sharedMalformedFiles();
    void truncatedGzip();
    void parallelPathEqualsSequential();
};

static Matrix randomMatrix(int rows, int cols, int nnz, unsigned seed, bool symmetric)
{
    std::mt19937 rng(seed);
    std::uniform_int_distribution<int> ri(0, rows - 1), ci(0, cols - 1);
    std::uniform_real_distribution<double> v(-1e3, 1e3);
    std::vector<Triplet> t;
    for (int k = 0; k < nnz; ++k) {
        int i = ri(rng), j = ci(rng);
        double x = v(rng) * std::pow(10.0, (k % 7) - 3);
        t.emplace_back(i, j, x);
        if (symmetric && i != j)
            t.emplace_back(j, i, x);
    }
    Matrix A(rows, cols);
    A.setFromTriplets(t.begin(), t.end(), [](double, double b) { return b; });
    return A;
}

static bool bitwiseEqual(const Matrix &A, const Matrix &B)
{
    if (A.rows() != B.rows() || A.cols() != B.cols() || A.nonZeros() != B.nonZeros())
        return false;
    for (int k = 0; k < A.outerSize(); ++k) {
        Matrix::InnerIterator a(A, k), b(B, k);
        for (; a && b; ++a, ++b)
            if (a.row() != b.row() || a.value() != b.value())
                return false;
    }
    return true;
}

void TestMatrixMarket::roundTripRandom_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("nnz");
    QTest::addColumn<bool>("symmetric");
    QTest::newRow("square general") << 50 << 50 << 400 << false;
    QTest::newRow("rectangular") << 30 << 70 << 300 << false;
    QTest::newRow("symmetric") << 80 << 80 << 500 << true;
    QTest::newRow("empty (trivially symmetric)") << 5 << 5 << 0 << true;
}

void TestMatrixMarket::roundTripRandom()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, nnz);
    QFETCH(bool, symmetric);
    const Matrix A = randomMatrix(rows, cols, nnz, 7u, symmetric);
    const std::string text = format_matrix_market(A);
    QCOMPARE(text.find(symmetric ? " symmetric" : " general") != std::string::npos, true);
    const LoadedMatrix back = parse_matrix_market(text);
    QVERIFY(bitwiseEqual(A, back.matrix)); // shortest round-trip formatting must be exact
    QCOMPARE(back.duplicates, std::int64_t{0});
}

void TestMatrixMarket::roundTripGzip()
{
    QTemporaryDir dir;
    const Matrix A = randomMatrix(200, 200, 3000, 11u, true);
    const std::string gz = dir.filePath(QStringLiteral("a.mtx.gz")).toStdString();
    const std::string plain = dir.filePath(QStringLiteral("a.mtx")).toStdString();
    write_matrix_market(gz, A);
    write_matrix_market(plain, A);
    QVERIFY(QFileInfo(QString::fromStdString(gz)).size() < QFileInfo(QString::fromStdString(plain)).size());
    QFile f(QString::fromStdString(gz));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray magic = f.read(2);
    QCOMPARE(static_cast<unsigned char>(magic[0]), 0x1fu); // really gzip
    QVERIFY(bitwiseEqual(A, read_matrix_market(gz).matrix));
    QVERIFY(bitwiseEqual(A, read_matrix_market(plain).matrix));
    QCOMPARE(read_matrix_market_header(gz).entries, read_matrix_market(gz).header.entries);
}

void TestMatrixMarket::headerCombinations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expectedDense"); // row-major, ';' between rows
    QTest::newRow("coordinate real general")
        << "%%MatrixMarket matrix coordinate real general\n% c\n2 3 3\n1 1 1.5\n2 3 -2\n1 2 4e1\n"
        << "1.5 40 0;0 0 -2";
    QTest::newRow("coordinate integer symmetric")
        << "%%MatrixMarket matrix coordinate integer symmetric\n3 3 3\n1 1 2\n3 1 5\n2 2 7\n"
        << "2 0 5;0 7 0;5 0 0";
    QTest::newRow("coordinate pattern general")
        << "%%MatrixMarket matrix coordinate pattern general\n2 2 2\n1 2\n2 1\n" << "0 1;1 0";
    QTest::newRow("coordinate real skew-symmetric")
        << "%%MatrixMarket matrix coordinate real skew-symmetric\n3 3 2\n2 1 3\n3 2 -1\n"
        << "0 -3 0;3 0 1;0 -1 0";
    QTest::newRow("upper triangle in symmetric file is mirrored")
        << "%%MatrixMarket matrix coordinate real symmetric\n2 2 2\n1 2 9\n2 2 1\n" << "0 9;9 1";
    QTest::newRow("array real general")
        << "%%MatrixMarket matrix array real general\n2 2\n1\n3\n2\n4\n" << "1 2;3 4";
    QTest::newRow("array real symmetric")
        << "%%MatrixMarket matrix array real symmetric\n2 2\n1\n3\n4\n" << "1 3;3 4";
    QTest::newRow("array real skew-symmetric")
        << "%%MatrixMarket matrix array real skew-symmetric\n3 3\n1\n2\n3\n" << "0 -1 -2;1 0 -3;2 3 0";
    QTest::newRow("array several values per line")
        << "%%MatrixMarket matrix array integer general\n2 2\n1 3 2 4\n" << "1 2;3 4";
    QTest::newRow("case, CRLF, blank lines and plus signs")
        << "%%MatrixMarket MATRIX Coordinate Real General\r\n\r\n1 1 1\r\n1 1 +2.5\r\n" << "2.5";
}

void TestMatrixMarket::headerCombinations()
{
    QFETCH(QString, text);
    QFETCH(QString, expectedDense);
    const Matrix A = parse_matrix_market(text.toStdString()).matrix;
    const QStringList rows = expectedDense.split(QLatin1Char(';'));
    QCOMPARE(A.rows(), rows.size());
    for (int i = 0; i < rows.size(); ++i) {
        const QStringList vals = rows[i].split(QLatin1Char(' '));
        QCOMPARE(A.cols(), vals.size());
        for (int j = 0; j < vals.size(); ++j)
            QCOMPARE(A.coeff(i, j), vals[j].toDouble());
    }
}

void TestMatrixMarket::malformed_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<MmErrorCode>("code");
    QTest::addColumn<int>("line");
    const QString banner = QStringLiteral("%%MatrixMarket matrix coordinate real general\n");
    QTest::newRow("empty file") << "" << MmErrorCode::Empty << 0;
    QTest::newRow("not a banner") << "1 1 1\n1 1 1\n" << MmErrorCode::BadBanner << 1;
    QTest::newRow("short banner") << "%%MatrixMarket matrix coordinate\n1 1 1\n" << MmErrorCode::BadBanner << 1;
    QTest::newRow("vector object") << "%%MatrixMarket vector coordinate real general\n" << MmErrorCode::BadBanner << 1;
    QTest::newRow("bad format") << "%%MatrixMarket matrix sparse real general\n" << MmErrorCode::UnsupportedFormat << 1;
    QTest::newRow("complex") << "%%MatrixMarket matrix coordinate complex general\n" << MmErrorCode::UnsupportedField << 1;
    QTest::newRow("hermitian") << "%%MatrixMarket matrix coordinate real hermitian\n" << MmErrorCode::UnsupportedSymmetry << 1;
    QTest::newRow("no size line") << banner + "% only comments\n" << MmErrorCode::MissingSize << 2;
    QTest::newRow("size not numeric") << banner + "2 x 1\n" << MmErrorCode::NonNumeric << 2;
    QTest::newRow("size missing count") << banner + "2 2\n" << MmErrorCode::BadSize << 2;
    QTest::newRow("negative size") << banner + "-2 2 1\n" << MmErrorCode::BadSize << 2;
    QTest::newRow("symmetric not square") << "%%MatrixMarket matrix coordinate real symmetric\n2 3 1\n1 1 1\n" << MmErrorCode::BadSize << 2;
    QTest::newRow("more entries than cells") << banner + "2 2 5\n1 1 1\n1 2 1\n2 1 1\n2 2 1\n1 1 1\n" << MmErrorCode::BadSize << 2;
    QTest::newRow("too few entries") << banner + "3 3 4\n1 1 1\n2 2 1\n3 3 1\n" << MmErrorCode::TooFewEntries << 5;
    QTest::newRow("too many entries") << banner + "3 3 1\n1 1 1\n2 2 1\n" << MmErrorCode::TooManyEntries << 4;
    QTest::newRow("row out of range") << banner + "3 3 2\n1 1 1\n4 1 1\n" << MmErrorCode::IndexOutOfRange << 4;
    QTest::newRow("column zero") << banner + "3 3 2\n1 1 1\n1 0 1\n" << MmErrorCode::IndexOutOfRange << 4;
    QTest::newRow("value not numeric") << banner + "3 3 2\n1 1 1\n2 2 abc\n" << MmErrorCode::NonNumeric << 4;
    QTest::newRow("value missing") << banner + "3 3 2\n1 1 1\n2 2\n" << MmErrorCode::NonNumeric << 4;
    QTest::newRow("extra value") << banner + "3 3 1\n1 1 1 7\n" << MmErrorCode::NonNumeric << 3;
    QTest::newRow("index not integer") << banner + "3 3 1\n1.5 1 1\n" << MmErrorCode::NonNumeric << 3;
    QTest::newRow("nan") << banner + "3 3 2\n1 1 1\n2 2 nan\n" << MmErrorCode::NotFinite << 4;
    QTest::newRow("inf") << banner + "3 3 1\n1 1 -inf\n" << MmErrorCode::NotFinite << 3;
    QTest::newRow("overflow") << banner + "3 3 1\n1 1 1e400\n" << MmErrorCode::NotFinite << 3;
    QTest::newRow("skew diagonal") << "%%MatrixMarket matrix coordinate real skew-symmetric\n2 2 1\n1 1 3\n" << MmErrorCode::SkewDiagonal << 3;
    QTest::newRow("pattern array") << "%%MatrixMarket matrix array pattern general\n" << MmErrorCode::UnsupportedField << 1;
    QTest::newRow("array too few values") << "%%MatrixMarket matrix array real general\n2 2\n1\n2\n3\n" << MmErrorCode::TooFewEntries << 5;
    QTest::newRow("dimension beyond index range") << banner + "3000000000 1 1\n1 1 1\n" << MmErrorCode::TooLarge << 2;
    // Found by fuzz/fuzz_matrix_market: an index of 19+ digits overflowed the fast path's
    // accumulator (signed overflow, undefined) before it was refused.
    QTest::newRow("index of 20 digits") << banner + "2 2 1\n18655555555555555555 1 1.0\n" << MmErrorCode::TooLarge << 3;
    QTest::newRow("column of 19 digits") << banner + "2 2 1\n1 1865555555555555555 1.0\n" << MmErrorCode::IndexOutOfRange << 3;
    // Found by fuzz/fuzz_matrix_market: no entries but 444 million columns, 3.5 GB of indices.
    QTest::newRow("huge empty dimensions") << banner + "444 0444444442 0\n" << MmErrorCode::TooLarge << 2;
}

void TestMatrixMarket::malformed()
{
    QFETCH(QString, text);
    QFETCH(MmErrorCode, code);
    QFETCH(int, line);
    try {
        parse_matrix_market(text.toStdString());
        QFAIL("expected a MatrixMarketError");
    } catch (const MatrixMarketError &e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(code));
        QCOMPARE(e.line(), std::int64_t{line});
        QVERIFY(std::string(e.what()).find(to_string(code)) != std::string::npos);
        if (line > 0)
            QVERIFY(std::string(e.what()).find("line " + std::to_string(line)) != std::string::npos);
    }
}

void TestMatrixMarket::duplicatesSummedOrRefused()
{
    const std::string text = "%%MatrixMarket matrix coordinate real symmetric\n3 3 4\n2 1 1\n1 2 2\n3 3 4\n3 3 1\n";
    const LoadedMatrix m = parse_matrix_market(text);
    QCOMPARE(m.duplicates, std::int64_t{2}); // (2,1)+(1,2 mirrored) and (3,3) twice
    QCOMPARE(m.matrix.coeff(1, 0), 3.0);
    QCOMPARE(m.matrix.coeff(0, 1), 3.0);
    QCOMPARE(m.matrix.coeff(2, 2), 5.0);
    ReadOptions strict;
    strict.duplicates = DuplicatePolicy::Error;
    try {
        parse_matrix_market(text, strict);
        QFAIL("expected a duplicate error");
    } catch (const MatrixMarketError &e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(MmErrorCode::Duplicate));
        QCOMPARE(e.line(), std::int64_t{4});
    }
}

void TestMatrixMarket::hugeHeaderFailsFast()
{
    // 10^12 entries announced by a tiny file: refused before any allocation.
    const std::string text = "%%MatrixMarket matrix coordinate real general\n1000000 1000000 1000000000000\n1 1 1\n";
    QElapsedTimer t;
    t.start();
    try {
        parse_matrix_market(text);
        QFAIL("expected TooLarge");
    } catch (const MatrixMarketError &e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(MmErrorCode::TooLarge));
    }
    QVERIFY(t.elapsed() < 1000);
    // A dense array of 10^6 x 10^6 likewise.
    try {
        parse_matrix_market("%%MatrixMarket matrix array real general\n1000000 1000000\n1\n");
        QFAIL("expected TooLarge");
    } catch (const MatrixMarketError &e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(MmErrorCode::TooLarge));
    }
}

void TestMatrixMarket::sharedMalformedFiles_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<MmErrorCode>("code");
    QTest::newRow("bad_dimensions") << "bad_dimensions.mtx" << MmErrorCode::MissingSize;
    QTest::newRow("bad_header") << "bad_header.mtx" << MmErrorCode::UnsupportedSymmetry;
    QTest::newRow("bad_matrix_type") << "bad_matrix_type.mtx" << MmErrorCode::UnsupportedField;
    QTest::newRow("missing file") << "no_such_file.mtx" << MmErrorCode::CannotOpen;
}

void TestMatrixMarket::sharedMalformedFiles()
{
    QFETCH(QString, file);
    QFETCH(MmErrorCode, code);
    const std::string path = std::string(FS_TEST_DATA_DIR) + "/malformed/" + file.toStdString();
    try {
        read_matrix_market(path);
        QFAIL("expected an error");
    } catch (const MatrixMarketError &e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(code));
    }
}

void TestMatrixMarket::truncatedGzip()
{
    QTemporaryDir dir;
    const std::string gz = dir.filePath(QStringLiteral("t.mtx.gz")).toStdString();
    write_matrix_market(gz, randomMatrix(300, 300, 5000, 3u, false));
    QFile f(QString::fromStdString(gz));
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(f.resize(size / 2));
    f.close();
    try {
        read_matrix_market(gz);
        QFAIL("expected an error");
    } catch (const MatrixMarketError &e) {
        // Either the gzip layer notices, or the parser finds the data cut short.
        QVERIFY(e.code() == MmErrorCode::Decompress || e.code() == MmErrorCode::TooFewEntries ||
                e.code() == MmErrorCode::NonNumeric);
    }
}

void TestMatrixMarket::parallelPathEqualsSequential()
{
    // ~20 MB of text, so the data section is split across threads; comments and blank lines are
    // sprinkled in. DuplicatePolicy::Error forces the sequential line-by-line parser.
    const Matrix A = randomMatrix(20000, 20000, 600000, 13u, true);
    std::string text = format_matrix_market(A);
    const std::size_t mid = text.find('\n', text.size() / 2) + 1;
    text.insert(mid, "% a comment in the middle of the data\n\n");
    const LoadedMatrix fast = parse_matrix_market(text);
    ReadOptions strict;
    strict.duplicates = DuplicatePolicy::Error;
    const LoadedMatrix slow = parse_matrix_market(text, strict);
    QVERIFY(bitwiseEqual(A, fast.matrix));
    QVERIFY(bitwiseEqual(fast.matrix, slow.matrix));
    QCOMPARE(fast.explicit_zeros, slow.explicit_zeros);
    // An error deep in the second half is still reported at its exact line.
    std::string bad = text;
    const std::size_t late = bad.find('\n', bad.size() * 3 / 4) + 1;
    const auto lineOfLate = std::count(bad.begin(), bad.begin() + static_cast<std::ptrdiff_t>(late), '\n') + 1;
    bad.insert(late, "1 1 oops\n");
    try {
        parse_matrix_market(bad);
        QFAIL("expected an error");
    } catch (const MatrixMarketError &e) {
        QCOMPARE(static_cast<int>(e.code()), static_cast<int>(MmErrorCode::NonNumeric));
        QCOMPARE(e.line(), std::int64_t{lineOfLate});
    }
}

QTEST_APPLESS_MAIN(TestMatrixMarket)
#include "tst_matrix_market.moc"
