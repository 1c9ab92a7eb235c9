// The dashboard's side of the generative SPAI model: the gcvae evaluation as bars and as a table,
// its extra curves, the headless chart export, the form's gcvae keys and the remembered launcher.
// tests/data/gcvae_run is a run folder as factorscope-train writes it for model gcvae.
#include "app/appsettings.h"
#include "widgets/customplot.h"
#include "training/trainingdataset.h"
#include "training/trainingeval.h"
#include "training/trainingevalchart.h"
#include "training/trainingform.h"
#include "training/trainingmetricplot.h"
#include "training/runcontroller.h"
#include "training/trainingview.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace fs::ui;

namespace {

const QString RunDir = QStringLiteral(FS_TEST_DATA_DIR "/gcvae_run");

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QJsonObject fixture()
{
    return readJson(RunDir + QStringLiteral("/eval.json"));
}

double median(QList<int> values)
{
    std::sort(values.begin(), values.end());
    const auto mid = values.size() / 2;
    return values.size() % 2 ? values.at(mid) : 0.5 * (values.at(mid - 1) + values.at(mid));
}

// Iterations of the converged solves of `method`, straight from the JSON.
QList<int> convergedIterations(const QJsonObject &eval, const QString &method)
{
    QList<int> its;
    for (const QJsonValue &s : eval.value("samples").toArray()) {
        const QJsonObject p = s.toObject().value("pcg").toObject().value(method).toObject();
        if (p.value("converged").toBool())
            its.append(p.value("iterations").toInt());
    }
    return its;
}

const QStringList Methods = {"none", "jacobi", "ic0", "kopt", "spai", "mean", "sampled"};

} // namespace

class TestTrainingGcvae : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void chartHasOneBarPerMatrixAndMethod();
    void failedSolvesAreMarked();
    void summaryGivesJacobiRatio();
    void manyMatricesShowMedians();
    void logScaleSwitch();
    void tableListsEveryMethod();
    void fsaiEvaluationNamesItsTarget();
    void otherModelsKeepTheirTable();
    void headlessExportWritesPng();
    void headlessExportRejectsOtherRuns();
    void extraCurvesFollowMetrics();
    void streamLineCarriesGcvaeMetrics();
    void formShowsGcvaeKeysOnlyForGcvae();
    void rememberedSettingsSurviveNewForm();
    void datasetKindMustFitModel();
    void spaiDatasetArguments();
    void generatorWritesSpaiDataset();
    void dashboardWithEvaluation();
#ifdef FS_TRAIN_PATH
    void realTrainerGcvaeRun();
#endif

private:
    QTemporaryDir m_dir;
};

void TestTrainingGcvae::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("FactorScopeTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_training_gcvae"));
    QVERIFY(m_dir.isValid());
    QVERIFY(!fixture().isEmpty());
}

void TestTrainingGcvae::chartHasOneBarPerMatrixAndMethod()
{
    const QJsonObject eval = fixture();
    TrainingEvalChart chart;
    QVERIFY(chart.setEval(eval));
    QCOMPARE(chart.effectiveGrouping(), TrainingEvalChart::Grouping::PerMatrix);
    const QJsonArray samples = eval.value("samples").toArray();
    const QList<TrainingEvalChart::Bar> bars = chart.bars();
    QCOMPARE(bars.size(), samples.size() * Methods.size());
    int converged = 0;
    for (const QJsonValue &value : samples) {
        const QJsonObject s = value.toObject();
        for (const QString &method : Methods) {
            const QJsonObject p = s.value("pcg").toObject().value(method).toObject();
            const auto it = std::find_if(bars.cbegin(), bars.cend(), [&](const TrainingEvalChart::Bar &b) {
                return b.matrix == s.value("name").toString() && b.method == method;
            });
            QVERIFY2(it != bars.cend(), qPrintable(s.value("name").toString() + " " + method));
            QCOMPARE(it->failed, !p.value("converged").toBool());
            if (!it->failed) {
                QCOMPARE(it->height, p.value("iterations").toDouble());
                ++converged;
            }
        }
    }
    QVERIFY(converged > 40); // the fixture is mostly converged solves, so the loop compared heights
    // The plot draws one legend entry per method, in the documented order, plus the failure key.
    QCOMPARE(chart.plot()->legend->itemCount(), Methods.size() + 1);
}

void TestTrainingGcvae::failedSolvesAreMarked()
{
    const QJsonObject eval = fixture();
    int cap = 0;
    int failures = 0;
    for (const QJsonValue &s : eval.value("samples").toArray()) {
        for (const QJsonValue &p : s.toObject().value("pcg").toObject()) {
            cap = std::max(cap, p.toObject().value("iterations").toInt());
            failures += p.toObject().value("converged").toBool() ? 0 : 1;
        }
    }
    QVERIFY(failures > 0);
    TrainingEvalChart chart;
    chart.setEval(eval);
    QList<TrainingEvalChart::Bar> failed;
    for (const TrainingEvalChart::Bar &b : chart.bars()) {
        if (b.failed)
            failed.append(b);
    }
    QCOMPARE(failed.size(), failures);
    for (const TrainingEvalChart::Bar &b : failed)
        QCOMPARE(b.height, double(cap));
    QCOMPARE(chart.failureMarks().size(), failures);
    QVERIFY(chart.failureMarks().join(' ').contains("breakdown"));
    QVERIFY(chart.failureMarks().join(' ').contains("limit"));
    QVERIFY(chart.failureMarks().join(' ').contains("indefinite"));
}

void TestTrainingGcvae::summaryGivesJacobiRatio()
{
    const QJsonObject eval = fixture();
    const double jacobi = median(convergedIterations(eval, "jacobi"));
    const double sampled = median(convergedIterations(eval, "sampled"));
    TrainingEvalChart chart;
    chart.setEval(eval);
    const QString expected = QString::number(jacobi / sampled, 'f', 2) + QStringLiteral("×");
    QVERIFY2(chart.summary().contains(expected), qPrintable(chart.summary() + " lacks " + expected));
    QVERIFY(chart.summary().contains("Median Jacobi iterations / median GCVAE iterations"));
}

void TestTrainingGcvae::manyMatricesShowMedians()
{
    QJsonObject eval = fixture();
    QJsonArray samples;
    for (int copy = 0; copy < 3; ++copy) {
        for (const QJsonValue &v : eval.value("samples").toArray()) {
            QJsonObject s = v.toObject();
            s.insert("name", s.value("name").toString() + QStringLiteral("-%1").arg(copy));
            samples.append(s);
        }
    }
    eval.insert("samples", samples);
    TrainingEvalChart chart;
    chart.setEval(eval);
    QVERIFY(samples.size() > TrainingEvalChart::PerMatrixLimit);
    QCOMPARE(chart.effectiveGrouping(), TrainingEvalChart::Grouping::PerMethod);
    const QList<TrainingEvalChart::Bar> bars = chart.bars();
    QCOMPARE(bars.size(), Methods.size());
    for (const TrainingEvalChart::Bar &b : bars) {
        QCOMPARE(b.height, median(convergedIterations(eval, b.method)));
        QCOMPARE(b.failures, int(samples.size() - convergedIterations(eval, b.method).size()));
    }
    chart.setGrouping(TrainingEvalChart::Grouping::PerMatrix);
    QCOMPARE(chart.bars().size(), samples.size() * Methods.size());
}

void TestTrainingGcvae::logScaleSwitch()
{
    TrainingEvalChart chart;
    chart.setEval(fixture());
    QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLinear);
    chart.setLogScale(true);
    QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLogarithmic);
    QVERIFY(chart.plot()->yAxis->range().lower > 0.0);
    // Every bar top stays inside the visible range.
    for (const TrainingEvalChart::Bar &b : chart.bars())
        QVERIFY(chart.plot()->yAxis->range().contains(b.height));
    chart.setLogScale(false);
    QCOMPARE(chart.plot()->yAxis->scaleType(), QCPAxis::stLinear);
}

void TestTrainingGcvae::tableListsEveryMethod()
{
    const QJsonObject eval = fixture();
    QTextDocument doc;
    doc.setHtml(TrainingEval::html(eval));
    const QString text = doc.toPlainText();
    for (const QString &method : Methods) {
        // Once among the PCG columns, once among the nonzeros.
        const QString label = GcvaeEval::methodLabel(method);
        QVERIFY2(TrainingEval::html(eval).count(QStringLiteral("<th colspan=\"1\" rowspan=\"1\">%1</th>")
                                                   .arg(label.toHtmlEscaped())) >= 2,
                 qPrintable(label));
    }
    for (const QJsonValue &v : eval.value("samples").toArray()) {
        const QJsonObject s = v.toObject();
        QVERIFY(text.contains(s.value("name").toString()));
        QVERIFY(text.contains(QString::number(s.value("nnz").toObject().value("ic0").toInt())));
    }
    QVERIFY(text.contains("breakdown"));
    QVERIFY(text.contains("indefinite preconditioner"));
}

void TestTrainingGcvae::fsaiEvaluationNamesItsTarget()
{
    // The same evaluation as an FSAI run writes it: the target's row is "fsai" and the quality
    // column is K(G A Gᵀ) ("kcond"); the table and the chart follow the file.
    QJsonObject eval = fixture();
    eval.insert("target", "fsai");
    eval.insert("pattern", 2);
    QJsonArray samples;
    for (const QJsonValue &v : eval.value("samples").toArray()) {
        QJsonObject s = v.toObject();
        for (const char *key : {"pcg", "nnz", "residual"}) {
            QJsonObject o = s.value(key).toObject();
            o.insert("fsai", o.value("spai"));
            o.remove("spai");
            s.insert(key, o);
        }
        s.insert("kcond", s.value("residual"));
        s.remove("residual");
        samples.append(s);
    }
    eval.insert("samples", samples);
    const GcvaeEval parsed = GcvaeEval::fromJson(eval);
    QVERIFY(parsed.isFsai());
    QCOMPARE(parsed.pattern, 2);
    QVERIFY(parsed.methods().contains("fsai") && !parsed.methods().contains("spai"));
    QCOMPARE(parsed.samples.at(0).residual.value("fsai"),
             samples.at(0).toObject().value("kcond").toObject().value("fsai").toDouble());
    const QString html = TrainingEval::html(eval);
    QVERIFY(html.contains(QStringLiteral("K(GAGᵀ)")));
    QVERIFY(!html.contains(QStringLiteral("‖I − AR‖")));
    QVERIFY(html.count(QStringLiteral("<th colspan=\"1\" rowspan=\"1\">FSAI</th>")) >= 3);
    QVERIFY(parsed.summaryText().contains(QStringLiteral("G_FSAI")));
}

void TestTrainingGcvae::otherModelsKeepTheirTable()
{
    const QJsonObject eval = QJsonDocument::fromJson(R"({"samples": [{"name": "A_7", "n": 100, "cos": 0.6,
        "pcg": {"predicted": {"iterations": 31, "converged": true}, "none": {"iterations": 120, "converged": true}}}],
        "summary": {"samples": 1, "mean_cos": 0.6}})").object();
    TrainingEvalChart chart;
    QVERIFY(!chart.setEval(eval));
    QVERIFY(chart.bars().isEmpty());
    QVERIFY(TrainingEval::html(eval).contains("PCG learned"));
    QVERIFY(TrainingEval::html(eval).contains("A_7"));
}

void TestTrainingGcvae::headlessExportWritesPng()
{
    const QString out = m_dir.filePath("eval-chart.png");
    QProcess gui;
    gui.start(QStringLiteral(FS_GUI_PATH), {"--export-figure", "training-eval", "--runs", RunDir, "--out", out});
    QVERIFY(gui.waitForFinished(60000));
    QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
    QFile png(out);
    QVERIFY(png.open(QIODevice::ReadOnly));
    QCOMPARE(png.read(8), QByteArray("\x89PNG\r\n\x1a\n", 8));
    QVERIFY(png.size() > 10000);
}

void TestTrainingGcvae::headlessExportRejectsOtherRuns()
{
    const QString run = m_dir.filePath("mlp-run");
    QDir().mkpath(run);
    QFile config(run + "/config.json");
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(R"({"model": "mlp", "depth": 2})");
    config.close();
    const QString out = m_dir.filePath("none.png");
    QProcess gui;
    gui.start(QStringLiteral(FS_GUI_PATH), {"--export-figure", "training-eval", "--runs", run, "--out", out});
    QVERIFY(gui.waitForFinished(60000));
    QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui.exitCode(), 1);
    QVERIFY(gui.readAllStandardError().contains("no GCVAE evaluation"));
    QVERIFY(!QFileInfo::exists(out));
}

void TestTrainingGcvae::extraCurvesFollowMetrics()
{
    TrainingView view(m_dir.filePath("curves.sqlite"));
    const int id = view.openRunDirectory(RunDir);
    QVERIFY(id > 0);
    view.selectRuns({id});
    TrainingMetricPlot *plot = view.metricPlot();
    QVERIFY(plot->hasData());
    QVERIFY(!plot->isHidden());
    QFile metrics(RunDir + "/metrics.jsonl");
    QVERIFY(metrics.open(QIODevice::ReadOnly));
    QList<QPointF> expected;
    QList<QPointF> expectedKl;
    while (!metrics.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(metrics.readLine()).object();
        expected.append(QPointF(o.value("epoch").toDouble(), o.value("test_residual_ratio").toDouble()));
        expectedKl.append(QPointF(o.value("epoch").toDouble(), o.value("kl").toDouble()));
    }
    plot->setMetric(TrainingMetricPlot::Metric::TestResidualRatio);
    QCOMPARE(plot->curve(id), expected);
    plot->setMetric(TrainingMetricPlot::Metric::Kl);
    QCOMPARE(plot->curve(id), expectedKl);
    QVERIFY(view.evalChart()->hasEval());

    // A run of another model carries none of these curves: the extra plot steps aside.
    const QString other = m_dir.filePath("mpmlp-run");
    QDir().mkpath(other);
    QFile m(other + "/metrics.jsonl");
    QVERIFY(m.open(QIODevice::WriteOnly));
    m.write(R"({"epoch": 1, "train_cos": 0.3, "test_cos": 0.28, "loss": 0.7})" "\n");
    m.close();
    const int otherId = view.openRunDirectory(other);
    view.selectRuns({otherId});
    QVERIFY(!plot->hasData());
    QVERIFY(plot->isHidden());
    QVERIFY(!view.evalChart()->hasEval());
}

void TestTrainingGcvae::streamLineCarriesGcvaeMetrics()
{
    const StreamLine line = parseStreamLine(R"({"epoch": 3, "train_cos": 0.5, "test_cos": 0.45, "loss": 2.0,
        "recon": 0.31, "kl": 4.5, "residual": 9.25, "test_residual_ratio": 1.75, "device": "cpu"})");
    QCOMPARE(line.kind, StreamLine::Kind::Epoch);
    QCOMPARE(line.point.recon, 0.31);
    QCOMPARE(line.point.kl, 4.5);
    QCOMPARE(line.point.residual, 9.25);
    QCOMPARE(line.point.testResidualRatio, 1.75);
    const StreamLine plain = parseStreamLine(R"({"epoch": 3, "train_cos": 0.5})");
    QVERIFY(!plain.point.hasGenerativeMetrics());
}

void TestTrainingGcvae::formShowsGcvaeKeysOnlyForGcvae()
{
    TrainingForm form;
    TrainingConfig c = form.config();
    QVERIFY(!c.isGenerative());
    QVERIFY(!form.generativeRowsVisible());
    QVERIFY(!c.toJson().contains("latent"));
    QVERIFY(!c.arguments().contains("--beta"));

    c.core.model = "gcvae";
    c.core.latent = 12;
    c.core.beta = 0.02;
    c.core.samples = 4;
    c.core.residual_weight = 0.5;
    form.setConfig(c);
    QVERIFY(form.generativeRowsVisible());
    const TrainingConfig back = form.config();
    QCOMPARE(back.core.latent, 12);
    QCOMPARE(back.core.beta, 0.02);
    QCOMPARE(back.core.samples, 4);
    QCOMPARE(back.core.residual_weight, 0.5);
    const QStringList args = back.arguments();
    QCOMPARE(args.at(args.indexOf("--latent") + 1), QStringLiteral("12"));
    QCOMPARE(args.at(args.indexOf("--beta") + 1), QStringLiteral("0.02"));
    QCOMPARE(args.at(args.indexOf("--samples") + 1), QStringLiteral("4"));
    QCOMPARE(args.at(args.indexOf("--residual_weight") + 1), QStringLiteral("0.5"));
    QCOMPARE(TrainingConfig::fromJson(back.toJson()).core.beta, 0.02);

    // Choosing a node model in the list hides the rows again.
    auto *model = form.findChild<QComboBox *>("model");
    QVERIFY(model);
    model->setCurrentIndex(model->findData("mpmlp"));
    QVERIFY(!form.generativeRowsVisible());
    QVERIFY(!form.findChild<QSpinBox *>("latent")->isVisibleTo(&form));
}

void TestTrainingGcvae::rememberedSettingsSurviveNewForm()
{
    TrainingConfig c;
    c.core.model = "gcvae";
    c.core.dataset = m_dir.filePath("spai-set").toStdString();
    c.core.epochs = 77;
    c.core.device = "cpu";
    c.core.latent = 5;
    c.core.beta = 0.25;
    c.core.samples = 3;
    c.core.residual_weight = 2.5;
    c.core.lr = 0.02; // not part of the launcher's memory
    {
        TrainingForm first;
        first.setConfig(c);
        first.saveSettings();
    }
    TrainingForm second;
    QCOMPARE(second.config().core.epochs, TrainingConfig().core.epochs); // nothing is read unasked
    second.restoreSettings();
    const TrainingConfig r = second.config();
    QCOMPARE(r.core.model, c.core.model);
    QCOMPARE(r.core.dataset, c.core.dataset);
    QCOMPARE(r.core.epochs, c.core.epochs);
    QCOMPARE(r.core.device, c.core.device);
    QCOMPARE(r.core.latent, c.core.latent);
    QCOMPARE(r.core.beta, c.core.beta);
    QCOMPARE(r.core.samples, c.core.samples);
    QCOMPARE(r.core.residual_weight, c.core.residual_weight);
    QCOMPARE(r.core.lr, TrainingConfig().core.lr);
    QVERIFY(second.generativeRowsVisible());
}

void TestTrainingGcvae::datasetKindMustFitModel()
{
    const QString spai = m_dir.filePath("kind-spai");
    QDir().mkpath(spai);
    QFile manifest(spai + "/manifest.json");
    QVERIFY(manifest.open(QIODevice::WriteOnly));
    manifest.write(R"({"format": "factorscope-dataset", "version": 1, "kind": "spai", "train": [], "test": []})");
    manifest.close();
    QCOMPARE(datasetKind(spai), QStringLiteral("spai"));
    QString error;
    QVERIFY(datasetKind(m_dir.filePath("nowhere"), &error).isEmpty());
    QVERIFY(error.contains("manifest.json"));

    QVERIFY(datasetMismatch("gcvae", "spai").isEmpty());
    QVERIFY(datasetMismatch("mpmlp", "synthetic").isEmpty());
    QVERIFY(datasetMismatch("gcvae", "synthetic").contains("SPAI dataset"));
    QVERIFY(datasetMismatch("mpmlp", "spai").contains("only gcvae"));
    QVERIFY(datasetMismatch("gcvae", QString()).isEmpty());

    TrainingForm form;
    TrainingConfig c = form.config();
    c.core.dataset = spai.toStdString();
    c.core.model = "mlp";
    form.setConfig(c);
    QVERIFY2(form.datasetNote().contains("only gcvae"), qPrintable(form.datasetNote()));
    c.core.model = "gcvae";
    form.setConfig(c);
    QVERIFY2(form.datasetNote().contains("spai"), qPrintable(form.datasetNote()));
    QVERIFY(!form.datasetNote().contains("only gcvae"));
}

void TestTrainingGcvae::spaiDatasetArguments()
{
    DatasetRequest r;
    r.kind = DatasetRequest::Kind::Spai;
    r.count = 40;
    r.n = 32;
    r.problem = "biharmonic";
    r.sigma = 1.5;
    const QStringList args = r.arguments("/tmp/out");
    QCOMPARE(args.mid(0, 2), (QStringList{"dataset", "spai"}));
    QCOMPARE(args.at(args.indexOf("--count") + 1), QStringLiteral("40"));
    QCOMPARE(args.at(args.indexOf("--n") + 1), QStringLiteral("32"));
    QCOMPARE(args.at(args.indexOf("--problem") + 1), QStringLiteral("biharmonic"));
    QCOMPARE(args.at(args.indexOf("--sigma") + 1), QStringLiteral("1.5"));
    QCOMPARE(args.mid(args.size() - 2), (QStringList{"--out", "/tmp/out"}));
    QCOMPARE(args.at(args.indexOf("--target") + 1), QStringLiteral("spai"));
    QCOMPARE(args.at(args.indexOf("--pattern") + 1), QStringLiteral("1"));
    r.target = "fsai";
    r.pattern = 2;
    QCOMPARE(r.arguments("/tmp/out").at(r.arguments("/tmp/out").indexOf("--target") + 1), QStringLiteral("fsai"));
    QCOMPARE(r.arguments("/tmp/out").at(r.arguments("/tmp/out").indexOf("--pattern") + 1), QStringLiteral("2"));
    QCOMPARE(r.folderName(), QStringLiteral("fsai2-biharmonic-40x32"));
    r.target = "spai";
    r.pattern = 1;
    QCOMPARE(r.folderName(), QStringLiteral("spai-biharmonic-40x32"));
    r.kind = DatasetRequest::Kind::Synthetic;
    QVERIFY(!r.arguments("/tmp/out").contains("--problem"));

    // Picking gcvae in the form prepares a SPAI dataset for the generate button.
    TrainingForm form;
    TrainingConfig c = form.config();
    c.core.model = "gcvae";
    form.setConfig(c);
    QCOMPARE(form.datasetRequest().kind, DatasetRequest::Kind::Spai);
    QCOMPARE(form.datasetRequest().n, 32);
    DatasetRequest spai = form.datasetRequest();
    spai.n = 20;
    form.setDatasetRequest(spai);
    // Back to a node model: the synthetic order returns, and the grid side is kept for later.
    c.core.model = "mlp";
    form.setConfig(c);
    QCOMPARE(form.datasetRequest().kind, DatasetRequest::Kind::Synthetic);
    QCOMPARE(form.datasetRequest().n, DatasetRequest().n);
    c.core.model = "gcvae";
    form.setConfig(c);
    QCOMPARE(form.datasetRequest().n, 20);
}

// The real factorscope-cli writes the dataset the form asks for, and its manifest reads as "spai".
void TestTrainingGcvae::generatorWritesSpaiDataset()
{
    DatasetRequest r;
    r.kind = DatasetRequest::Kind::Spai;
    r.count = 4;
    r.n = 6;
    r.problem = "mixed";
    const QString dir = m_dir.filePath(r.folderName());
    DatasetGenerator generator;
    QSignalSpy finished(&generator, &DatasetGenerator::finished);
    QSignalSpy progress(&generator, &DatasetGenerator::progress);
    QVERIFY(generator.start(dir, r));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(progress.constLast().at(0).toInt(), r.count);
    QCOMPARE(datasetKind(dir), QStringLiteral("spai"));
    QCOMPARE(QDir(dir).entryList({"R_*.mtx"}, QDir::Files).size(), r.count);

    // FSAI targets on the pattern of A²: the form's choice reaches the writer.
    TrainingForm form;
    DatasetRequest fsai = r;
    fsai.target = "fsai";
    fsai.pattern = 2;
    form.setDatasetRequest(fsai);
    QCOMPARE(form.datasetRequest().target, QStringLiteral("fsai"));
    QCOMPARE(form.datasetRequest().pattern, 2);
    const QString fsaiDir = m_dir.filePath(form.datasetRequest().folderName());
    QVERIFY(generator.start(fsaiDir, form.datasetRequest()));
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.constLast().at(0).toBool(), qPrintable(finished.constLast().at(1).toString()));
    QCOMPARE(QDir(fsaiDir).entryList({"G_*.mtx"}, QDir::Files).size(), r.count);
    const QJsonObject manifest = readJson(fsaiDir + "/manifest.json");
    QCOMPARE(manifest.value("target").toString(), QStringLiteral("fsai"));
    QCOMPARE(manifest.value("pattern").toInt(), 2);
    finished.clear();

    // The CLI's own refusal reaches the user as a sentence.
    r.count = 0;
    QVERIFY(generator.start(m_dir.filePath("bad"), r));
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.constLast().at(0).toBool());
    QVERIFY(finished.constLast().at(1).toString().contains("could not be generated"));
}

void TestTrainingGcvae::dashboardWithEvaluation()
{
    TrainingView view(m_dir.filePath("dashboard.sqlite"));
    view.resize(1500, 950);
    const int id = view.openRunDirectory(RunDir);
    TrainingConfig c = view.form()->config();
    c.core.model = "gcvae";
    view.form()->setConfig(c);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.selectRuns({id});
    view.showEvaluation();
    QCoreApplication::processEvents();
    QVERIFY(view.evalChart()->isVisible());
    QVERIFY(view.evalChart()->plot()->height() > 150);
    const QPixmap shot = view.grab();
    QVERIFY(!shot.isNull());
    if (const QByteArray out = qgetenv("FS_GCVAE_SCREENSHOT"); !out.isEmpty())
        QVERIFY(shot.save(QString::fromLocal8Bit(out)));
}

#ifdef FS_TRAIN_PATH
// A short real gcvae training on a tiny SPAI dataset: its curves and its evaluation reach the
// dashboard as the trainer wrote them.
void TestTrainingGcvae::realTrainerGcvaeRun()
{
    DatasetRequest r;
    r.kind = DatasetRequest::Kind::Spai;
    r.count = 12;
    r.n = 6;
    const QString dataset = m_dir.filePath("real-spai");
    DatasetGenerator generator;
    QSignalSpy generated(&generator, &DatasetGenerator::finished);
    QVERIFY(generator.start(dataset, r));
    QVERIFY(generated.wait(60000));
    QVERIFY(generated.at(0).at(0).toBool());

    TrainingView view(m_dir.filePath("real.sqlite"));
    Launcher launcher;
    launcher.program = QStringLiteral(FS_TRAIN_PATH);
    view.controller()->setLauncher(launcher);
    TrainingConfig c;
    c.core.dataset = dataset.toStdString();
    c.core.model = "gcvae";
    c.core.epochs = 2;
    c.core.samples = 2;
    c.core.device = "cpu";
    QSignalSpy ended(view.controller(), &RunController::runEnded);
    const QString runDir = m_dir.filePath("real-run");
    const int id = view.controller()->enqueue(c, runDir);
    QVERIFY(ended.wait(240000));
    const TrainingRun *run = view.controller()->run(id);
    QVERIFY2(run->status == RunStatus::Finished, qPrintable(run->log.join('\n')));
    QCOMPARE(run->points.size(), 2);
    for (const EpochPoint &p : run->points)
        QVERIFY(p.hasGenerativeMetrics() && !std::isnan(p.testResidualRatio));

    view.selectRuns({id});
    QVERIFY(view.metricPlot()->hasData());
    QVERIFY(view.evalChart()->hasEval());
    const QJsonObject eval = readJson(runDir + "/eval.json");
    const QJsonArray samples = eval.value("samples").toArray();
    QVERIFY(!samples.isEmpty());
    QCOMPARE(view.evalChart()->bars().size(), samples.size() * Methods.size());
    for (const TrainingEvalChart::Bar &b : view.evalChart()->bars()) {
        if (b.failed)
            continue;
        for (const QJsonValue &s : samples) {
            if (s.toObject().value("name").toString() == b.matrix)
                QCOMPARE(b.height, s.toObject().value("pcg").toObject().value(b.method).toObject().value("iterations").toDouble());
        }
    }
}
#endif

QTEST_MAIN(TestTrainingGcvae)
#include "tst_training_gcvae.moc"
