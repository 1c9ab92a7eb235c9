// The GUI's side of the training protocol against the real components: DatasetGenerator writes in
// this process what factorscope-cli writes for the same request and cancels without a manifest;
// a configuration from the form's TrainingConfig reaches factorscope-train unchanged.
#include "cli_run.h"
#include "training/experimentfigure.h"
#include "training/trainingdataset.h"
#include "training/trainingform.h"
#include "training/trainingrun.h"
#include "widgets/customplot.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPushButton>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>

using namespace fs::ui;

namespace {

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestTrainingDataset : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sameFilesAsTheCli_data();
    void sameFilesAsTheCli();
    void cancelLeavesNoManifest();
    void formCancelButtonStopsGeneration();
    void formShowsTheBoundOfAPairedDataset();
    void experimentFigurePanelsAndLegend();
    void presetsSetTheExperiment_data();
    void presetsSetTheExperiment();
    void configReachesTheTrainer();

private:
    QTemporaryDir m_dir;
};

void TestTrainingDataset::sameFilesAsTheCli_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("n");
    QTest::addColumn<QString>("problem");
    QTest::addColumn<QString>("family");
    QTest::addColumn<bool>("paired");
    QTest::newRow("synthetic") << int(DatasetRequest::Kind::Synthetic) << 14 << 11 << QString()
                               << QStringLiteral("semiseparable") << false;
    QTest::newRow("counterexample paired") << int(DatasetRequest::Kind::Synthetic) << 14 << 9 << QString()
                                           << QStringLiteral("counterexample") << true;
    QTest::newRow("laplacian") << int(DatasetRequest::Kind::Synthetic) << 8 << 7 << QString()
                               << QStringLiteral("laplacian") << false;
    QTest::newRow("spai mixed") << int(DatasetRequest::Kind::Spai) << 7 << 6 << QStringLiteral("mixed")
                                << QString() << false;
}

void TestTrainingDataset::sameFilesAsTheCli()
{
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(int, n);
    QFETCH(QString, problem);
    QFETCH(QString, family);
    QFETCH(bool, paired);
    DatasetRequest r;
    r.kind = static_cast<DatasetRequest::Kind>(kind);
    r.count = count;
    r.n = n;
    if (!problem.isEmpty())
        r.problem = problem;
    if (!family.isEmpty())
        r.family = family;
    r.paired = paired;
    const QString cliDir = m_dir.filePath(QStringLiteral("cli-") + r.folderName());
    const fs::test::ProcessRun cli = fs::test::runCli(r.arguments(cliDir));
    QVERIFY2(cli.code == 0, cli.err.constData());

    const QString here = m_dir.filePath(QStringLiteral("gui-") + r.folderName());
    DatasetGenerator generator;
    QSignalSpy finished(&generator, &DatasetGenerator::finished);
    QSignalSpy progress(&generator, &DatasetGenerator::progress);
    QVERIFY(generator.start(here, r));
    QVERIFY(generator.isRunning());
    QVERIFY(!generator.start(here, r)); // one at a time
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QVERIFY(!generator.isRunning());
    QCOMPARE(progress.constFirst().at(0).toInt(), 0);
    QCOMPARE(progress.constLast().at(0).toInt(), count);
    // Progress only grows and reports each pair.
    int previous = -1;
    for (const QList<QVariant> &p : progress) {
        QVERIFY(p.at(0).toInt() >= previous);
        QCOMPARE(p.at(1).toInt(), count);
        previous = p.at(0).toInt();
    }
    QVERIFY(progress.size() >= count + 1);

    const QStringList files = QDir(cliDir).entryList(QDir::Files, QDir::Name);
    QCOMPARE(files.size(), 2 * count + 1);
    QCOMPARE(QDir(here).entryList(QDir::Files, QDir::Name), files);
    for (const QString &f : files)
        QVERIFY2(contents(QDir(cliDir).filePath(f)) == contents(QDir(here).filePath(f)), qPrintable(f));
    // A paired dataset reports its bound for depths 1-7; an unpaired one has none.
    QCOMPARE(generator.bounds().size(), paired ? 7 : 0);
}

void TestTrainingDataset::formShowsTheBoundOfAPairedDataset()
{
    // Generate writes under the application's data location without asking, and a paired
    // counterexample dataset shows its bound right after: every value a cosine, growing with the
    // depth, and far below 1 at depth 1 (Thm 2.1: the doubled A11 changes every entry of L, so a
    // local model cannot tell A from A'), while an unpaired dataset shows none.
    QStandardPaths::setTestModeEnabled(true);
    TrainingForm form;
    DatasetRequest r = form.datasetRequest();
    r.kind = DatasetRequest::Kind::Synthetic;
    r.family = QStringLiteral("counterexample");
    r.paired = true;
    r.count = 24;
    r.n = 30;
    form.setDatasetRequest(r);
    QCOMPARE(form.datasetRequest().family, r.family);
    QVERIFY(form.datasetRequest().paired);
    const QString expected = defaultDatasetDirectory(r);
    QVERIFY(expected.startsWith(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)));
    QVERIFY(expected.endsWith(QStringLiteral("/datasets/counterexample-paired-24x30")) ||
            expected.contains(QStringLiteral("/datasets/counterexample-paired-24x30-")));
    QSignalSpy finished(form.generator(), &DatasetGenerator::finished);
    auto *generate = form.findChild<QPushButton *>(QStringLiteral("generateDataset"));
    QVERIFY(generate);
    generate->click();
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
    QCOMPARE(form.generator()->directory(), expected);
    QVERIFY(QFile::exists(QDir(expected).filePath(QStringLiteral("manifest.json"))));
    // The next Generate does not overwrite it.
    QVERIFY(defaultDatasetDirectory(r) != expected);

    const QList<double> bounds = form.generator()->bounds();
    QCOMPARE(bounds.size(), 7);
    for (int i = 0; i < bounds.size(); ++i) {
        QVERIFY2(bounds.at(i) > 0.0 && bounds.at(i) <= 1.0 + 1e-12, qPrintable(QString::number(bounds.at(i))));
        if (i > 0)
            QVERIFY(bounds.at(i) >= bounds.at(i - 1) - 1e-12);
    }
    QVERIFY2(bounds.first() < 0.9, qPrintable(QString::number(bounds.first())));
    QVERIFY(form.boundsNote().contains(QString::number(bounds.first(), 'f', 4)));

    r.paired = false;
    r.family = QStringLiteral("semiseparable");
    form.setDatasetRequest(r);
    finished.clear();
    generate->click();
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.at(0).at(0).toBool());
    QVERIFY(form.generator()->bounds().isEmpty());
    QVERIFY(form.boundsNote().isEmpty());
    QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).removeRecursively();
}

void TestTrainingDataset::experimentFigurePanelsAndLegend()
{
    // One panel per dataset, each fitting its own values; the legend names each model once and
    // each distinct bound curve once (mlp's flat one, the rising one of the radius-(depth-1) models).
    using nlohmann::json;
    const auto row = [](const char *model, int depth, double cos, double bound) {
        return json{{"model", model}, {"depth", depth}, {"best_test_cos", cos}, {"bound", bound}};
    };
    const json results = {
        {"datasets",
         json::array({json{{"label", "counterexample"}, {"title", "pairs"}, {"paired", true},
                           {"results", json::array({row("mlp", 1, 0.771, 0.774), row("mlp", 3, 0.772, 0.774),
                                                    row("mpmlp", 1, 0.772, 0.774), row("mpmlp", 3, 0.776, 0.779)})}},
                      json{{"label", "semiseparable"}, {"title", "unpaired"}, {"paired", false},
                           {"results", json::array({row("mlp", 1, 0.983, 1.0), row("mlp", 3, 0.982, 1.0),
                                                    row("mpmlp", 1, 0.983, 1.0), row("mpmlp", 3, 0.985, 1.0)})}}})}};
    QCustomPlot plot;
    ExperimentFigure::draw(&plot, results);
    QCOMPARE(plot.axisRects().size(), 2);
    QCOMPARE(plot.graphCount(), 2 + 2 + 2); // two models per panel, two bound curves in the paired one
    QVERIFY(plot.legend);
    QCOMPARE(plot.legend->itemCount(), 4);
    const QCPRange first = plot.axisRects().at(0)->axis(QCPAxis::atLeft)->range();
    QVERIFY(first.contains(0.771) && first.contains(0.779) && first.lower > 0.7);
    const QCPRange second = plot.axisRects().at(1)->axis(QCPAxis::atLeft)->range();
    QVERIFY(second.contains(0.982) && second.contains(0.985) && second.lower > 0.9);

    QTemporaryDir dir;
    QStringList written;
    QString error;
    QVERIFY2(writeExperimentFigure(results, dir.filePath(QStringLiteral("fig")), &written, &error), qPrintable(error));
    QCOMPARE(written.size(), 3);
    for (const QString &f : written)
        QVERIFY(QFileInfo(f).size() > 1000);
    QVERIFY(!writeExperimentFigure(json::object(), dir.filePath(QStringLiteral("bad")), &written, &error));
    QVERIFY(!error.isEmpty());
}

void TestTrainingDataset::presetsSetTheExperiment_data()
{
    QTest::addColumn<int>("figure");
    QTest::addColumn<int>("scale");
    QTest::newRow("fig3 quick") << int(fs::dataset::ExperimentFigure::Fig3) << int(fs::dataset::ExperimentScale::Quick);
    QTest::newRow("fig3 paper") << int(fs::dataset::ExperimentFigure::Fig3) << int(fs::dataset::ExperimentScale::Paper);
    QTest::newRow("fig4 quick") << int(fs::dataset::ExperimentFigure::Fig4) << int(fs::dataset::ExperimentScale::Quick);
    QTest::newRow("fig4 paper") << int(fs::dataset::ExperimentFigure::Fig4) << int(fs::dataset::ExperimentScale::Paper);
}

void TestTrainingDataset::presetsSetTheExperiment()
{
    // A preset sets what factorscope-cli experiment runs for the same figure and scale: the six
    // models, the depths, the training settings and (fig3) the paired counterexample dataset.
    QFETCH(int, figure);
    QFETCH(int, scale);
    const auto f = static_cast<fs::dataset::ExperimentFigure>(figure);
    const auto sc = static_cast<fs::dataset::ExperimentScale>(scale);
    const fs::dataset::ExperimentSpec spec = fs::dataset::experiment_spec(f, sc, std::string());
    TrainingForm form;
    form.setPreset(f, sc);
    QList<QPair<QString, int>> expected;
    for (const std::string &m : spec.models)
        for (int d : spec.depths)
            expected.append({QString::fromStdString(m), d});
    QList<QPair<QString, int>> sweep = form.sweep();
    std::sort(expected.begin(), expected.end());
    std::sort(sweep.begin(), sweep.end());
    QCOMPARE(sweep, expected);
    const TrainingConfig c = form.config();
    QCOMPARE(c.core.epochs, spec.training.epochs);
    QCOMPARE(c.core.lr, spec.training.lr);
    QCOMPARE(c.core.patience, spec.training.patience);
    QCOMPARE(c.core.batch_size, spec.datasets.front().batch_size);
    if (f == fs::dataset::ExperimentFigure::Fig3) {
        const DatasetRequest r = form.datasetRequest();
        QCOMPARE(r.family, QStringLiteral("counterexample"));
        QVERIFY(r.paired);
        QCOMPARE(r.count, spec.datasets.front().synthetic.count);
        QCOMPARE(r.n, spec.datasets.front().synthetic.n);
    }
}

void TestTrainingDataset::cancelLeavesNoManifest()
{
    DatasetRequest r;
    r.count = 100000; // far more than the test waits for
    r.n = 400;
    const QString dir = m_dir.filePath(QStringLiteral("cancelled"));
    DatasetGenerator generator;
    QSignalSpy finished(&generator, &DatasetGenerator::finished);
    QSignalSpy progress(&generator, &DatasetGenerator::progress);
    QVERIFY(generator.start(dir, r));
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty() && progress.constLast().at(0).toInt() >= 3, 60000);
    generator.cancel();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(finished.at(0).at(1).toString().contains(QStringLiteral("could not be generated")));
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("manifest.json"))));
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("L_0.mtx"))));
    QVERIFY(QDir(dir).entryList({QStringLiteral("L_*.mtx")}, QDir::Files).size() < r.count);
    QVERIFY(datasetKind(dir).isEmpty());

    // The writer's own refusal reaches the user as a sentence.
    r.count = 0;
    QVERIFY(generator.start(m_dir.filePath(QStringLiteral("bad")), r));
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.at(1).at(0).toBool());
    QVERIFY(finished.at(1).at(1).toString().contains(QStringLiteral("could not be generated")));
}

void TestTrainingDataset::formCancelButtonStopsGeneration()
{
    // The form's Cancel button appears while a dataset is written, stops it, and hides again; the
    // folder is left without a manifest and the form can generate again.
    TrainingForm form;
    DatasetRequest r = form.datasetRequest();
    r.kind = DatasetRequest::Kind::Synthetic;
    r.count = 100000;
    r.n = 400;
    form.setDatasetRequest(r);
    QPushButton *cancel = form.cancelGenerationButton();
    QVERIFY(cancel->isHidden());
    QSignalSpy finished(form.generator(), &DatasetGenerator::finished);
    QSignalSpy progress(form.generator(), &DatasetGenerator::progress);
    const QString parent = m_dir.filePath(QStringLiteral("form"));
    QVERIFY(QDir().mkpath(parent));
    QVERIFY(form.generateDatasetInto(parent));
    QVERIFY(!cancel->isHidden());
    QVERIFY(!form.generateDatasetInto(parent)); // one at a time
    QTRY_VERIFY_WITH_TIMEOUT(!progress.isEmpty(), 60000);
    cancel->click();
    QVERIFY(finished.wait(60000));
    QVERIFY(!finished.at(0).at(0).toBool());
    QVERIFY(cancel->isHidden());
    const QString dir = form.generator()->directory();
    QVERIFY(QDir(dir).exists());
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("manifest.json"))));
    QVERIFY(QDir(dir).entryList({QStringLiteral("L_*.mtx")}, QDir::Files).size() < r.count);
}

void TestTrainingDataset::configReachesTheTrainer()
{
#ifndef FS_TRAIN_PATH
    QSKIP("built without LibTorch: no factorscope-train");
#else
    DatasetRequest r;
    r.count = 6;
    r.n = 8;
    const QString data = m_dir.filePath(QStringLiteral("tiny"));
    writeDataset(data, r);

    // Every key the form edits away from its default.
    TrainingConfig c;
    c.core.dataset = data.toStdString();
    c.core.model = "gen";
    c.core.depth = 2;
    c.core.hidden = 5;
    c.core.epochs = 1;
    c.core.lr = 2.5e-3;
    c.core.lr_step = 7;
    c.core.lr_gamma = 0.5;
    c.core.patience = 3;
    c.core.batch_size = 2;
    c.core.device = "cpu";
    c.core.seed = 11;
    const auto check = [&](const QString &runDir) {
        QFile file(QDir(runDir).filePath(QStringLiteral("config.json")));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QJsonObject stored = QJsonDocument::fromJson(file.readAll()).object();
        // The trainer's file holds every key; those the GUI sent carry the GUI's values.
        const QJsonObject sent = c.toJson();
        for (auto it = sent.begin(); it != sent.end(); ++it)
            QVERIFY2(stored.value(it.key()) == it.value(), qPrintable(it.key()));
        const TrainingConfig back = TrainingConfig::fromJson(stored);
        QCOMPARE(back.toJson(), sent);
        QCOMPARE(back.core.lr, c.core.lr);
        QCOMPARE(back.core.seed, c.core.seed);
    };

    // Through --config, as a file the GUI wrote.
    const QString configFile = m_dir.filePath(QStringLiteral("run.json"));
    {
        QFile f(configFile);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QJsonDocument(c.toJson()).toJson());
    }
    const QString viaConfig = m_dir.filePath(QStringLiteral("run-config"));
    const fs::test::ProcessRun a = fs::test::runProgram(QStringLiteral(FS_TRAIN_PATH),
        {QStringLiteral("--config"), configFile, QStringLiteral("--out"), viaConfig}, 240000);
    QVERIFY2(a.code == 0, a.out.constData());
    check(viaConfig);

    // Through the arguments the RunController passes.
    const QString viaArgs = m_dir.filePath(QStringLiteral("run-args"));
    const fs::test::ProcessRun b = fs::test::runProgram(QStringLiteral(FS_TRAIN_PATH),
        QStringList{QStringLiteral("--out"), viaArgs} + c.arguments(), 240000);
    QVERIFY2(b.code == 0, b.out.constData());
    check(viaArgs);
#endif
}

QTEST_MAIN(TestTrainingDataset)
#include "tst_training_dataset.moc"
