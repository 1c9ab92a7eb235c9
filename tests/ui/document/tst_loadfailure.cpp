#include "document/loadfailure.h"
#include "document/matrixloader.h"

#include <QSet>
#include <QTest>

using fs::sparse::MmErrorCode;
using fs::ui::LoadFailure;
using fs::ui::LoadFailureText;

namespace {
constexpr MmErrorCode AllCodes[] = {
    MmErrorCode::CannotOpen, MmErrorCode::Decompress, MmErrorCode::Empty, MmErrorCode::BadBanner,
    MmErrorCode::UnsupportedFormat, MmErrorCode::UnsupportedField, MmErrorCode::UnsupportedSymmetry,
    MmErrorCode::MissingSize, MmErrorCode::BadSize, MmErrorCode::TooLarge, MmErrorCode::TooFewEntries,
    MmErrorCode::TooManyEntries, MmErrorCode::IndexOutOfRange, MmErrorCode::NonNumeric,
    MmErrorCode::NotFinite, MmErrorCode::Duplicate, MmErrorCode::SkewDiagonal, MmErrorCode::CannotWrite,
};
}

class TestLoadFailure : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyCodeHasItsOwnWording()
    {
        QSet<QString> seen;
        for (MmErrorCode code : AllCodes) {
            const QString text = LoadFailureText::describe(code);
            QVERIFY(!text.isEmpty());
            QVERIFY2(!seen.contains(text), qPrintable(text));
            seen.insert(text);
        }
    }

    void messageNamesFileAndLine()
    {
        LoadFailure failure;
        failure.filePath = QStringLiteral("/tmp/some.mtx");
        failure.kind = LoadFailure::Kind::MatrixMarket;
        failure.code = MmErrorCode::NonNumeric;
        failure.line = 17;
        failure.detail = QStringLiteral("token 'x'");
        const QString text = LoadFailureText::message(failure);
        QVERIFY(text.contains("/tmp/some.mtx"));
        QVERIFY(text.contains("Line 17"));
        QVERIFY(text.contains(LoadFailureText::describe(MmErrorCode::NonNumeric)));
        QVERIFY(text.contains("token 'x'"));

        failure.line = 0;
        QVERIFY(!LoadFailureText::message(failure).contains("Line"));
    }

    void outOfMemoryIsWorded()
    {
        LoadFailure failure;
        failure.filePath = QStringLiteral("big.mtx");
        failure.kind = LoadFailure::Kind::OutOfMemory;
        QVERIFY(LoadFailureText::message(failure).contains("memory"));
    }

    void malformedFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<qint64>("line");
        QTest::newRow("bad header") << "malformed/bad_header.mtx" << qint64(1);
        QTest::newRow("bad dimensions") << "malformed/bad_dimensions.mtx" << qint64(-1);
        QTest::newRow("bad matrix type") << "malformed/bad_matrix_type.mtx" << qint64(1);
    }

    void malformedFiles()
    {
        QFETCH(QString, file);
        QFETCH(qint64, line);
        const auto result = fs::ui::loadMatrixFile(QStringLiteral(FS_TEST_DATA_DIR "/") + file);
        const auto *failure = std::get_if<LoadFailure>(&result);
        QVERIFY(failure);
        QCOMPARE(failure->kind, LoadFailure::Kind::MatrixMarket);
        if (line >= 0)
            QCOMPARE(failure->line, line);
        QVERIFY(failure->filePath.endsWith(file));
    }

    void missingFileCannotOpen()
    {
        const auto result = fs::ui::loadMatrixFile(QStringLiteral("/nonexistent/x.mtx"));
        const auto *failure = std::get_if<LoadFailure>(&result);
        QVERIFY(failure);
        QCOMPARE(failure->code, MmErrorCode::CannotOpen);
    }

    void goodFileLoads()
    {
        const auto result = fs::ui::loadMatrixFile(QStringLiteral(FS_BENCHMARK_DIR "/494_bus.mtx.gz"));
        const auto *doc = std::get_if<fs::ui::MatrixDocumentPtr>(&result);
        QVERIFY(doc && *doc);
        QCOMPARE((*doc)->matrix.rows(), 494);
        QVERIFY((*doc)->symmetric);
        QCOMPARE((*doc)->symmetryDefect, 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLoadFailure)
#include "tst_loadfailure.moc"
