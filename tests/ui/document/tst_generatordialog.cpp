// Matrix ▸ New from Generator: the random-coefficient generators show their own parameters, and
// what the dialog requests is what core generates.
#include "document/generatordialog.h"

#include <sparse/generators.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>
#include <QTest>

using fs::ui::GeneratorDialog;
using fs::ui::GeneratorRequest;
using Kind = GeneratorRequest::Kind;

namespace {

QFormLayout *formOf(GeneratorDialog &dialog) { return qobject_cast<QFormLayout *>(dialog.layout()); }

// The field of the row labelled `label`, or null.
QWidget *field(GeneratorDialog &dialog, const QString &label)
{
    QFormLayout *form = formOf(dialog);
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *l = form->itemAt(row, QFormLayout::LabelRole);
        auto *text = l ? qobject_cast<QLabel *>(l->widget()) : nullptr;
        if (text && text->text() == label)
            return form->itemAt(row, QFormLayout::FieldRole)->widget();
    }
    return nullptr;
}

QStringList visibleLabels(GeneratorDialog &dialog)
{
    QStringList out;
    QFormLayout *form = formOf(dialog);
    for (int row = 0; row < form->rowCount(); ++row) {
        QLayoutItem *l = form->itemAt(row, QFormLayout::LabelRole);
        auto *text = l ? qobject_cast<QLabel *>(l->widget()) : nullptr;
        if (text && form->isRowVisible(row))
            out << text->text();
    }
    return out;
}

void chooseKind(GeneratorDialog &dialog, Kind kind)
{
    auto *box = qobject_cast<QComboBox *>(field(dialog, QStringLiteral("Generator:")));
    QVERIFY(box);
    const int index = box->findData(int(kind));
    QVERIFY(index >= 0);
    box->setCurrentIndex(index);
}

} // namespace

class TestGeneratorDialog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void randomCoefficientRows();
    void requestMatchesCore_data();
    void requestMatchesCore();
    void namesOnTheCommandLine();
    void screenshot();
};

void TestGeneratorDialog::randomCoefficientRows()
{
    GeneratorDialog dialog;
    chooseKind(dialog, Kind::Diffusion2d);
    QCOMPARE(visibleLabels(dialog), (QStringList{QStringLiteral("Generator:"), QStringLiteral("Grid side:"),
                                                 QStringLiteral("Log-coefficient σ:"),
                                                 QStringLiteral("Correlation length:"), QStringLiteral("Seed:")}));
    chooseKind(dialog, Kind::Poisson2d);
    QVERIFY(!visibleLabels(dialog).contains(QStringLiteral("Grid side:")));
    QVERIFY(!visibleLabels(dialog).contains(QStringLiteral("Log-coefficient σ:")));
    QVERIFY(visibleLabels(dialog).contains(QStringLiteral("Grid nx:")));
}

void TestGeneratorDialog::requestMatchesCore_data()
{
    QTest::addColumn<int>("kind");
    QTest::newRow("diffusion2d") << int(Kind::Diffusion2d);
    QTest::newRow("biharmonic2d") << int(Kind::Biharmonic2d);
}

void TestGeneratorDialog::requestMatchesCore()
{
    QFETCH(int, kind);
    GeneratorDialog dialog;
    chooseKind(dialog, Kind(kind));
    qobject_cast<QSpinBox *>(field(dialog, QStringLiteral("Grid side:")))->setValue(9);
    qobject_cast<QDoubleSpinBox *>(field(dialog, QStringLiteral("Log-coefficient σ:")))->setValue(1.75);
    qobject_cast<QDoubleSpinBox *>(field(dialog, QStringLiteral("Correlation length:")))->setValue(0.2);
    qobject_cast<QSpinBox *>(field(dialog, QStringLiteral("Seed:")))->setValue(13);
    // The rectangular-grid size of Poisson must not leak into the side.
    qobject_cast<QSpinBox *>(field(dialog, QStringLiteral("Grid nx:")))->setValue(40);

    const GeneratorRequest r = dialog.request();
    QCOMPARE(int(r.kind), kind);
    QCOMPARE(r.nx, 9);
    QCOMPARE(r.sigma, 1.75);
    QCOMPARE(r.length, 0.2);
    QCOMPARE(r.seed, quint64(13));
    const auto generated = GeneratorDialog::generate(r);
    const fs::sparse::RandomFieldParams p{1.75, 0.2, 64};
    const fs::sparse::Matrix expected = Kind(kind) == Kind::Diffusion2d ? fs::sparse::diffusion2d(9, 13, p).A
                                                                         : fs::sparse::biharmonic2d(9, 13, p).A;
    QCOMPARE(generated.document->matrix.rows(), Eigen::Index(81));
    QCOMPARE((generated.document->matrix - expected).norm(), 0.0);
    QVERIFY(!generated.exactFactor);
    QVERIFY(GeneratorDialog::nameOf(r).contains(QStringLiteral("9x9")));
    QVERIFY(GeneratorDialog::nameOf(r).contains(QStringLiteral("sigma=1.75")));
}

void TestGeneratorDialog::namesOnTheCommandLine()
{
    Kind kind = Kind::Laplacian1d;
    QVERIFY(GeneratorRequest::kindFromName(QStringLiteral("diffusion2d"), &kind));
    QCOMPARE(kind, Kind::Diffusion2d);
    QVERIFY(GeneratorRequest::kindFromName(QStringLiteral("biharmonic2d"), &kind));
    QCOMPARE(kind, Kind::Biharmonic2d);
    // Bad parameters reach core's validation as an exception, not a crash.
    GeneratorRequest bad;
    bad.kind = Kind::Diffusion2d;
    bad.length = 0.0;
    QVERIFY_THROWS_EXCEPTION(fs::sparse::GeneratorError, GeneratorDialog::generate(bad));
}

void TestGeneratorDialog::screenshot()
{
    GeneratorDialog dialog;
    chooseKind(dialog, Kind::Biharmonic2d);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QImage image = dialog.grab().toImage();
    QVERIFY(!image.isNull());
    const QString out = qEnvironmentVariable("FS_SCREENSHOT_DIR", QDir::tempPath()) + QStringLiteral("/generator-dialog.png");
    QVERIFY(image.save(out));
}

QTEST_MAIN(TestGeneratorDialog)
#include "tst_generatordialog.moc"
