// The GUI's side of the training protocol against the real components: DatasetGenerator writes in
// this process what factorscope-cli writes for the same request and cancels without a manifest;
// a configuration from the form's TrainingConfig reaches factorscope-train unchanged.
#include "cli_run.h"
#include "training/trainingdataset.h"
#include "training/trainingform.h"
#include "training/trainingrun.h"

#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

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
    QTest::newRow("synthetic") << int(DatasetRequest::Kind::Synthetic) << 14 << 11 << QString();
    QTest::newRow("spai mixed") << int(DatasetRequest::Kind::Spai) << 7 << 6 << QStringLiteral("mixed");
}

void TestTrainingDataset::sameFilesAsTheCli()
{
    QFETCH(int, kind);
    QFETCH(int, count);
    QFETCH(int, n);
    QFETCH(QString, problem);
    DatasetRequest r;
    r.kind = static_cast<DatasetRequest::Kind>(kind);
    r.count = count;
    r.n = n;
    if (!problem.isEmpty())
        r.problem = problem;
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
