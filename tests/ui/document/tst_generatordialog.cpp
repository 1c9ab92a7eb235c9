// Matrix ▸ New from Generator: the random-coefficient generators show their own parameters, what
// the dialog requests is what core generates, and the command line makes the same matrix from the
// same parameters.
#include "document/generatordialog.h"

#include <sparse/generators.h>
#include <sparse/matrix_market.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QProcess>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <variant>

using fs::ui::GeneratorDialog;
using fs::ui::GeneratorRequest;
using Kind = fs::sparse::GeneratorKind;

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
    void fieldsFollowTheSpec();
    void commandLineMakesTheSameMatrix_data();
    void commandLineMakesTheSameMatrix();
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
    QCOMPARE(r.params.integer("n"), std::int64_t(9));
    QCOMPARE(r.params.real("sigma"), 1.75);
    QCOMPARE(r.params.real("length"), 0.2);
    QCOMPARE(r.params.integer("seed"), std::int64_t(13));
    QVERIFY(!r.params.has("nx"));
    const auto generated = fs::ui::generateDocument(r);
    const fs::sparse::RandomFieldParams p{1.75, 0.2, 64};
    const fs::sparse::Matrix expected = Kind(kind) == Kind::Diffusion2d ? fs::sparse::diffusion2d(9, 13, p).A
                                                                         : fs::sparse::biharmonic2d(9, 13, p).A;
    QCOMPARE(generated.document->matrix.rows(), Eigen::Index(81));
    QCOMPARE((generated.document->matrix - expected).norm(), 0.0);
    QVERIFY(!generated.exactFactor);
    QVERIFY(generated.document->filePath.contains(QStringLiteral("9x9")));
    QVERIFY(generated.document->filePath.contains(QStringLiteral("sigma=1.75")));
}

void TestGeneratorDialog::namesOnTheCommandLine()
{
    QCOMPARE(fs::sparse::find_generator("diffusion2d")->kind, Kind::Diffusion2d);
    QCOMPARE(fs::sparse::find_generator("biharmonic2d")->kind, Kind::Biharmonic2d);
    // The GUI's former name of the graph generator stays accepted; the canonical one is the CLI's.
    QCOMPARE(fs::sparse::find_generator("graph")->kind, Kind::GraphLaplacian);
    QCOMPARE(std::string(fs::sparse::find_generator("graph")->name), std::string("graph_laplacian"));
    QVERIFY(!fs::sparse::find_generator("hilbert"));
    // Bad parameters reach core's validation as an exception, not a crash.
    GeneratorRequest bad;
    bad.kind = Kind::Diffusion2d;
    bad.params.set("length", 0.0);
    QVERIFY_THROWS_EXCEPTION(fs::sparse::GeneratorError, fs::ui::generateDocument(bad));
}

void TestGeneratorDialog::fieldsFollowTheSpec()
{
    // Every field starts at its spec's default within the spec's range, for every generator.
    GeneratorDialog dialog;
    for (const fs::sparse::GeneratorSpec &spec : fs::sparse::generator_specs()) {
        chooseKind(dialog, spec.kind);
        const GeneratorRequest r = dialog.request();
        QCOMPARE(r.kind, spec.kind);
        QCOMPARE(r.params.values().size(), spec.params.size());
        for (const fs::sparse::ParamSpec &p : spec.params) {
            QVERIFY2(r.params.has(p.name), p.name);
            const double v = r.params.real(p.name);
            QVERIFY2(p.admits(v), p.name);
            if (!p.same_as)
                QVERIFY2(std::abs(v - p.default_value) <= 1e-9 * std::abs(p.default_value), p.name);
        }
    }
    // The shift is one parameter with one default: the command line's.
    chooseKind(dialog, Kind::GraphLaplacian);
    QCOMPARE(dialog.request().params.real("shift"), 1.0);
    QVERIFY(visibleLabels(dialog).contains(QStringLiteral("Shift:")));
    QVERIFY(!visibleLabels(dialog).contains(QStringLiteral("Grid side:")));
}

void TestGeneratorDialog::commandLineMakesTheSameMatrix_data()
{
    QTest::addColumn<int>("kind");
    for (const fs::sparse::GeneratorSpec &spec : fs::sparse::generator_specs())
        QTest::newRow(spec.name) << int(spec.kind);
}

void TestGeneratorDialog::commandLineMakesTheSameMatrix()
{
    QFETCH(int, kind);
    GeneratorDialog dialog;
    chooseKind(dialog, Kind(kind));
    // Small sizes, and a seed other than the default so that it must reach both.
    for (const QString &label : {QStringLiteral("Order n:"), QStringLiteral("Grid nx:"), QStringLiteral("Grid ny:"),
                                 QStringLiteral("Grid nz:"), QStringLiteral("Grid side:")})
        if (auto *box = qobject_cast<QSpinBox *>(field(dialog, label)))
            box->setValue(label == QStringLiteral("Grid ny:") ? 5 : 6);
    qobject_cast<QSpinBox *>(field(dialog, QStringLiteral("Seed:")))->setValue(7);
    qobject_cast<QDoubleSpinBox *>(field(dialog, QStringLiteral("Shift:")))->setValue(0.25);
    const GeneratorRequest r = dialog.request();

    QStringList args{QStringLiteral("generate"), QString::fromLatin1(r.spec().name)};
    for (const auto &[name, value] : r.params.values())
        args << QStringLiteral("--") + QString::fromStdString(name)
             << (std::holds_alternative<std::int64_t>(value) ? QString::number(std::get<std::int64_t>(value))
                                                             : QString::number(std::get<double>(value), 'g', 17));
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("a.mtx"));
    args << QStringLiteral("--out") << out;
    QProcess cli;
    cli.start(QStringLiteral(FS_CLI_PATH), args);
    QVERIFY(cli.waitForFinished(60000));
    QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());

    const fs::sparse::Matrix fromCli = fs::sparse::read_matrix_market(out.toStdString()).matrix;
    const fs::sparse::Matrix fromDialog = fs::ui::generateDocument(r).document->matrix;
    QCOMPARE(fromCli.rows(), fromDialog.rows());
    QCOMPARE(fromCli.nonZeros(), fromDialog.nonZeros());
    QCOMPARE((fromCli - fromDialog).norm(), 0.0);
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
