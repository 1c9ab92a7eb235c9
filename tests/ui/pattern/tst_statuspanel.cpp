#include "document/matrixloader.h"
#include "pattern/statuspanel.h"

#include <QLocale>
#include <QTest>

using fs::ui::MatrixDocumentPtr;
using fs::ui::StatusPanel;

class TestStatusPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates)); }

    void describesMatrix_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("size");
        QTest::addColumn<QString>("nonzeros");
        QTest::addColumn<QString>("symmetry");
        QTest::newRow("symmetric") << FS_BENCHMARK_DIR "/bcsstk13.mtx.gz" << "n = 2,003" << "nnz = 83,883" << "symmetric";
        QTest::newRow("unsymmetric") << FS_TEST_DATA_DIR "/suitesparse/arc130.mtx" << "n = 130" << "nnz = 1,282" << "not symmetric (defect";
        QTest::newRow("rectangular") << FS_TEST_DATA_DIR "/suitesparse/ash219.mtx" << "219 × 85" << "nnz = 438" << "not square";
    }

    void describesMatrix()
    {
        QFETCH(QString, file);
        QFETCH(QString, size);
        QFETCH(QString, nonzeros);
        QFETCH(QString, symmetry);
        const auto result = fs::ui::loadMatrixFile(file);
        const auto *doc = std::get_if<MatrixDocumentPtr>(&result);
        QVERIFY(doc);
        StatusPanel panel;
        panel.setDocument(*doc);
        QCOMPARE(panel.sizeText(), size);
        QCOMPARE(panel.nonzerosText(), nonzeros);
        QVERIFY2(panel.symmetryText().startsWith(symmetry), qPrintable(panel.symmetryText()));
        QCOMPARE(panel.fileText(), QFileInfo(file).fileName());
    }

    void emptyWithoutDocument()
    {
        StatusPanel panel;
        QVERIFY(panel.sizeText().isEmpty());
        QVERIFY(panel.symmetryText().isEmpty());
    }
};

QTEST_MAIN(TestStatusPanel)
#include "tst_statuspanel.moc"
