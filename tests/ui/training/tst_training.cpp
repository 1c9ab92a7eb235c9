// The training dashboard driven by a scripted stand-in for factorscope-train
// (tests/data/fake_trainer.sh): curves, malformed lines, crashes, stop, resume and history.
#include "widgets/customplot.h"
#include "training/runcontroller.h"
#include "training/runhistory.h"
#include "training/trainingdataset.h"
#include "training/trainingform.h"
#include "training/trainingplot.h"
#include "training/trainingrunmodel.h"
#include "training/trainingview.h"

#include <QFile>
#include <QLabel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <memory>
#include <tuple>

using namespace fs::ui;

namespace {

const QString FakeTrainer = QStringLiteral(FS_TEST_DATA_DIR "/fake_trainer.sh");

TrainingConfig fakeConfig()
{
    TrainingConfig c;
    c.core.dataset = "fake";
    c.core.model = "mpmlp";
    c.core.depth = 2;
    return c;
}

// Run folders as factorscope-train leaves them, with curves shaped like [P1]'s Figure 3.
void writeRun(const QString &dir, const QString &model, int depth, double plateau, int epochs)
{
    QDir().mkpath(dir);
    TrainingConfig c = fakeConfig();
    c.core.model = model.toStdString();
    c.core.depth = depth;
    QFile config(dir + "/config.json");
    QVERIFY(config.open(QIODevice::WriteOnly));
    config.write(QJsonDocument(c.toJson()).toJson());
    QFile metrics(dir + "/metrics.jsonl");
    QVERIFY(metrics.open(QIODevice::WriteOnly));
    for (int e = 1; e <= epochs; ++e) {
        const double train = plateau * (1.0 - std::exp(-e / 25.0)) + 0.02;
        const double test = train - 0.03 - 0.01 * std::sin(e / 7.0);
        metrics.write(QStringLiteral("{\"epoch\": %1, \"train_cos\": %2, \"test_cos\": %3, \"loss\": %4, "
                                     "\"lr\": 0.001, \"seconds\": 1.5, \"device\": \"cpu\"}\n")
                          .arg(e).arg(train).arg(test).arg(1.0 - train).toUtf8());
    }
    QFile log(dir + "/log.txt");
    QVERIFY(log.open(QIODevice::WriteOnly));
    log.write("{\"status\": \"finished\"}\n");
}

} // namespace

class TestTraining : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void parseLine_data();
    void parseLine();
    void curvesReceiveSentPoints();
    void boundLineAndLogAxis();
    void malformedLineSkipped();
    void crashMarksFailed();
    void killedMidLineMarksFailed();
    void damagedHistoryMovedAside();
    void missingTrainerFails();
    void stopEndsRun();
    void queueRespectsLimit();
    void resumeContinues();
    void templateLauncherRecordsStream();
    void historyReopensRuns();
    void viewShowsRunsAndExports();
    void realTrainer();

private:
    int runToEnd(RunController &controller, const QString &mode, const QString &dir);
    RunController *newController();

    QTemporaryDir m_dir;
};

void TestTraining::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    QVERIFY(QFileInfo(FakeTrainer).isExecutable());
}

void TestTraining::parseLine_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("epoch");
    QTest::addColumn<bool>("hasTest");

    const int epoch = int(StreamLine::Kind::Epoch), final = int(StreamLine::Kind::Final),
              bad = int(StreamLine::Kind::Malformed);
    QTest::newRow("epoch") << QByteArray(R"({"epoch": 4, "train_cos": 0.5, "test_cos": 0.4, "loss": 0.5})") << epoch << 4 << true;
    QTest::newRow("no test set") << QByteArray(R"({"epoch": 2, "train_cos": 0.5, "test_cos": null})") << epoch << 2 << false;
    QTest::newRow("final with epoch") << QByteArray(R"({"status": "stopped", "epoch": 9})") << final << 0 << false;
    QTest::newRow("unknown status") << QByteArray(R"({"status": "paused"})") << bad << 0 << false;
    QTest::newRow("truncated") << QByteArray(R"({"epoch": 2, "train_c)") << bad << 0 << false;
    QTest::newRow("array") << QByteArray("[1, 2]") << bad << 0 << false;
    QTest::newRow("no train_cos") << QByteArray(R"({"epoch": 3})") << bad << 0 << false;
}

void TestTraining::parseLine()
{
    QFETCH(QByteArray, line);
    QFETCH(int, kind);
    QFETCH(int, epoch);
    QFETCH(bool, hasTest);
    const StreamLine parsed = parseStreamLine(line);
    QCOMPARE(int(parsed.kind), kind);
    if (parsed.kind == StreamLine::Kind::Epoch) {
        QCOMPARE(parsed.point.epoch, epoch);
        QCOMPARE(!std::isnan(parsed.point.testCos), hasTest);
    }
}

RunController *TestTraining::newController()
{
    auto *controller = new RunController(this);
    Launcher launcher;
    launcher.program = FakeTrainer;
    controller->setLauncher(launcher);
    controller->setStopTimeout(3000);
    return controller;
}

int TestTraining::runToEnd(RunController &controller, const QString &mode, const QString &dir)
{
    qputenv("FAKE_TRAINER_MODE", mode.toUtf8());
    QSignalSpy ended(&controller, &RunController::runEnded);
    const int id = controller.enqueue(fakeConfig(), dir);
    [&] { QVERIFY(ended.wait(20000)); }();
    return id;
}

void TestTraining::boundLineAndLogAxis()
{
    // A run on a paired dataset draws its bound as a line across the chart; the "1 - cosine, log"
    // axis draws the same cosines as distances and is what a new plot starts with afterwards.
    std::unique_ptr<RunController> controller(newController());
    TrainingPlot plot(controller.get());
    plot.setAxis(TrainingPlot::Axis::Cosine);
    const int plain = runToEnd(*controller, QStringLiteral("normal"), m_dir.filePath("bound-normal"));
    const int paired = runToEnd(*controller, QStringLiteral("paired"), m_dir.filePath("bound-paired"));
    plot.setShownRuns({plain, paired});
    const TrainingRun *run = controller->run(paired);
    QCOMPARE(run->points.size(), 5);
    QCOMPARE(run->points.last().bound, 0.75);
    QCOMPARE(run->points.last().testCosFar, 0.0);
    QVERIFY(std::isnan(controller->run(plain)->points.last().bound));
    QVERIFY(plot.curve(plain, TrainingPlot::Curve::Bound).isEmpty());
    const QList<QPointF> bound = plot.curve(paired, TrainingPlot::Curve::Bound);
    QCOMPARE(bound, (QList<QPointF>{QPointF(1.0, 0.75), QPointF(5.0, 0.75)}));
    QVERIFY(plot.plot()->yAxis->scaleType() == QCPAxis::stLinear);
    QVERIFY(plot.plot()->yAxis->range().contains(0.75));

    plot.setAxis(TrainingPlot::Axis::LogDistance);
    QVERIFY(plot.plot()->yAxis->scaleType() == QCPAxis::stLogarithmic);
    const QList<QPointF> test = plot.curve(paired, TrainingPlot::Curve::Test);
    QCOMPARE(test.size(), 5);
    for (int e = 1; e <= 5; ++e)
        QVERIFY(std::abs(test.at(e - 1).y() - (e / 100.0 - 0.05)) < 1e-12);
    QVERIFY(std::abs(plot.curve(paired, TrainingPlot::Curve::Bound).first().y() - 0.75) < 1e-12);
    // Drawn: 1 - cosine, all inside the log range.
    const QCPRange range = plot.plot()->yAxis->range();
    QVERIFY(range.lower > 0.0);
    QVERIFY(range.contains(0.25) && range.contains(1.0 - 0.05 + 0.04));
    const QString csv = plot.csv();
    QVERIFY(csv.startsWith(QStringLiteral("run,model,depth,epoch,train_cos,test_cos,loss,lr,seconds,bound,test_cos_far\n")));
    QVERIFY(csv.contains(QStringLiteral(",0.75,0\n")));
    {
        TrainingPlot remembered(controller.get());
        QCOMPARE(remembered.axis(), TrainingPlot::Axis::LogDistance);
    }
    plot.setAxis(TrainingPlot::Axis::Cosine);
    TrainingPlot remembered(controller.get());
    QCOMPARE(remembered.axis(), TrainingPlot::Axis::Cosine);
}

void TestTraining::curvesReceiveSentPoints()
{
    std::unique_ptr<RunController> controller(newController());
    TrainingPlot plot(controller.get());
    qputenv("FAKE_TRAINER_MODE", "normal");
    QSignalSpy ended(controller.get(), &RunController::runEnded);
    const int id = controller->enqueue(fakeConfig(), m_dir.filePath("normal"));
    plot.setShownRuns({id});
    QVERIFY(ended.wait(20000));

    const TrainingRun *run = controller->run(id);
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(run->malformedLines, 0);
    QCOMPARE(run->device, QStringLiteral("cpu"));
    const QList<QPointF> train = plot.curve(id, TrainingPlot::Curve::Train);
    const QList<QPointF> test = plot.curve(id, TrainingPlot::Curve::Test);
    QCOMPARE(train.size(), 5);
    QCOMPARE(test.size(), 5);
    for (int e = 1; e <= 5; ++e) {
        QCOMPARE(train.at(e - 1), QPointF(e, e / 100.0));
        QCOMPARE(test.at(e - 1), QPointF(e, e / 100.0 - 0.05));
    }
    QCOMPARE(run->bestTestCos(), 0.0);
    QVERIFY(std::abs(run->finalTestCos() - 0.0) < 1e-12);
    QVERIFY(!run->eval.isEmpty());
    QCOMPARE(run->elapsed, 2.5);
}

void TestTraining::malformedLineSkipped()
{
    std::unique_ptr<RunController> controller(newController());
    const int id = runToEnd(*controller, "malformed", m_dir.filePath("malformed"));
    const TrainingRun *run = controller->run(id);
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(run->malformedLines, 2);
    QCOMPARE(run->points.size(), 3);
    QCOMPARE(run->points.at(1).epoch, 2);
    QCOMPARE(run->points.at(1).trainCos, 0.02);
    QVERIFY(run->log.join('\n').contains("this is not json"));
}

void TestTraining::crashMarksFailed()
{
    std::unique_ptr<RunController> controller(newController());
    const int id = runToEnd(*controller, "crash", m_dir.filePath("crash"));
    const TrainingRun *run = controller->run(id);
    QCOMPARE(run->status, RunStatus::Failed);
    QCOMPARE(run->points.size(), 2);
    const QString log = run->log.join('\n');
    QVERIFY2(log.contains("out of memory (simulated)"), qPrintable(log));
    QVERIFY2(log.contains("simulated crash after epoch 2"), qPrintable(log));
    QVERIFY(run->error.contains("3"));
}

void TestTraining::killedMidLineMarksFailed()
{
    std::unique_ptr<RunController> controller(newController());
    const int id = runToEnd(*controller, "killed", m_dir.filePath("killed"));
    const TrainingRun *run = controller->run(id);
    QCOMPARE(run->status, RunStatus::Failed);
    QCOMPARE(run->points.size(), 2); // the half line is no point
    QCOMPARE(run->points.constLast().epoch, 2);
    QVERIFY2(run->error.contains("killed") && run->error.contains("epoch 2"), qPrintable(run->error));
    // The controller goes on: the next run is unaffected.
    const int next = runToEnd(*controller, "normal", m_dir.filePath("after_killed"));
    QCOMPARE(controller->run(next)->status, RunStatus::Finished);
    QCOMPARE(controller->run(next)->points.size(), 5);
}

void TestTraining::damagedHistoryMovedAside()
{
    const QString path = m_dir.filePath("damaged_history.sqlite");
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QByteArray("not a database at all\n").repeated(100));
    }
    TrainingView view(path);
    const QStringList aside = QDir(m_dir.path()).entryList({"damaged_history.sqlite.corrupt-*"}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    bool shown = false;
    for (const QLabel *label : view.findChildren<QLabel *>())
        shown = shown || label->text().contains(aside.first());
    QVERIFY2(shown, "the view does not say where the damaged history went");
    RunHistory history;
    QVERIFY(history.open(path));
    QVERIFY(history.notice().isEmpty());
}

void TestTraining::missingTrainerFails()
{
    RunController controller;
    Launcher launcher;
    launcher.program = m_dir.filePath("no-such-trainer");
    controller.setLauncher(launcher);
    QSignalSpy ended(&controller, &RunController::runEnded);
    const int id = controller.enqueue(fakeConfig(), m_dir.filePath("missing"));
    QTRY_COMPARE(ended.size(), 1);
    QCOMPARE(controller.run(id)->status, RunStatus::Failed);
    QCOMPARE(controller.activeCount(), 0);
}

void TestTraining::stopEndsRun()
{
    std::unique_ptr<RunController> controller(newController());
    controller->setStopTimeout(15000); // longer than any wait below, so only SIGTERM can end it
    qputenv("FAKE_TRAINER_MODE", "slow");
    QSignalSpy points(controller.get(), &RunController::pointAdded);
    QSignalSpy ended(controller.get(), &RunController::runEnded);
    const int id = controller->enqueue(fakeConfig(), m_dir.filePath("slow"));
    QTRY_VERIFY_WITH_TIMEOUT(points.size() >= 2, 10000);
    controller->stop(id);
    QCOMPARE(controller->run(id)->status, RunStatus::Stopping);
    QVERIFY(ended.wait(20000));
    const TrainingRun *run = controller->run(id);
    QCOMPARE(run->status, RunStatus::Stopped);
    QVERIFY(run->points.size() < 100);
    QVERIFY(run->log.join('\n').contains("\"stopped\""));
}

void TestTraining::queueRespectsLimit()
{
    std::unique_ptr<RunController> controller(newController());
    controller->setMaxConcurrent(2);
    qputenv("FAKE_TRAINER_MODE", "normal");
    int most = 0;
    connect(controller.get(), &RunController::runChanged, this,
            [&] { most = std::max(most, controller->activeCount()); });
    QSignalSpy ended(controller.get(), &RunController::runEnded);
    QList<int> ids;
    for (int k = 0; k < 5; ++k)
        ids.append(controller->enqueue(fakeConfig(), m_dir.filePath(QStringLiteral("queue%1").arg(k))));
    QCOMPARE(controller->activeCount(), 2);
    QCOMPARE(controller->run(ids.last())->status, RunStatus::Queued);
    QTRY_COMPARE_WITH_TIMEOUT(ended.size(), 5, 30000);
    QCOMPARE(most, 2);
    for (int id : ids)
        QCOMPARE(controller->run(id)->status, RunStatus::Finished);
}

void TestTraining::resumeContinues()
{
    std::unique_ptr<RunController> controller(newController());
    const QString dir = m_dir.filePath("resume");
    const int id = runToEnd(*controller, "normal", dir);
    QSignalSpy ended(controller.get(), &RunController::runEnded);
    QCOMPARE(controller->enqueueResume(dir), id);
    QVERIFY(ended.wait(20000));
    const TrainingRun *run = controller->run(id);
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(run->points.size(), 10);
    QCOMPARE(run->points.last().epoch, 10);

    // A folder the controller has never seen resumes too.
    RunController other;
    other.setLauncher(controller->launcher());
    QSignalSpy otherEnded(&other, &RunController::runEnded);
    const int otherId = other.enqueueResume(dir);
    QVERIFY(otherId > 0);
    QCOMPARE(other.run(otherId)->points.size(), 10);
    QVERIFY(otherEnded.wait(20000));
    QCOMPARE(other.run(otherId)->points.size(), 15);
}

void TestTraining::templateLauncherRecordsStream()
{
    RunController controller;
    Launcher launcher;
    // Stands for "ssh host factorscope-train {args}": the trainer's own folder is elsewhere.
    launcher.commandTemplate = QStringLiteral("cd '%1' && '%2' {args} --out elsewhere").arg(m_dir.path(), FakeTrainer);
    controller.setLauncher(launcher);
    const QString local = m_dir.filePath("template run");
    const int id = runToEnd(controller, "normal", local);
    const TrainingRun *run = controller.run(id);
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(run->points.size(), 5);
    TrainingRun reread;
    QVERIFY(loadRunDirectory(local, &reread));
    QCOMPARE(reread.points.size(), 5);
    QCOMPARE(reread.status, RunStatus::Finished);
}

void TestTraining::historyReopensRuns()
{
    const QString db = m_dir.filePath("history.sqlite");
    const QString elsewhere = m_dir.filePath("trained-elsewhere");
    writeRun(elsewhere, "gatv2", 4, 0.5, 40);
    {
        TrainingView view(db);
        QString error;
        QCOMPARE(view.openRunDirectory(m_dir.filePath("no-run-here"), &error), 0);
        QVERIFY(!error.isEmpty());
        const int id = view.openRunDirectory(elsewhere);
        QVERIFY(id > 0);
        QCOMPARE(view.openRunDirectory(elsewhere), id);
        QCOMPARE(view.model()->rowCount(), 1);
    }
    TrainingView view(db);
    QCOMPARE(view.model()->rowCount(), 1);
    const int id = view.controller()->runIds().constFirst();
    const TrainingRun *run = view.controller()->run(id);
    QCOMPARE(run->config.core.model, std::string("gatv2"));
    QCOMPARE(run->config.core.depth, 4);
    QCOMPARE(run->points.size(), 40);
    QCOMPARE(run->status, RunStatus::Finished);
    QCOMPARE(view.history().entries().size(), 1);

    view.deleteRuns({id}, false, false);
    QCOMPARE(view.model()->rowCount(), 0);
    QVERIFY(view.history().entries().isEmpty());
    QVERIFY(QFileInfo::exists(elsewhere + "/metrics.jsonl")); // kept unless asked to delete
}

void TestTraining::viewShowsRunsAndExports()
{
    TrainingView view(m_dir.filePath("view.sqlite"));
    view.resize(1400, 860);
    QList<int> ids;
    const QList<std::tuple<QString, int, double>> runs = {
        {"mlp", 3, 0.42}, {"gatv2", 3, 0.5}, {"mpmlp", 3, 0.68}, {"sgformer", 3, 0.55}};
    for (const auto &[model, depth, plateau] : runs) {
        const QString dir = m_dir.filePath(QStringLiteral("view/%1-d%2").arg(model).arg(depth));
        writeRun(dir, model, depth, plateau, 150);
        ids.append(view.openRunDirectory(dir));
    }
    QFile eval(m_dir.filePath("view/mpmlp-d3/eval.json"));
    QVERIFY(eval.open(QIODevice::WriteOnly));
    eval.write(R"({"samples": [{"name": "A_1100", "n": 100, "cos": 0.66, "cos_kopt": 0.71, "cos_ic0": 0.52,
        "pcg": {"predicted": {"iterations": 29, "converged": true}, "kopt": {"iterations": 23, "converged": true},
        "ic0": {"iterations": 38, "converged": true}, "none": {"iterations": 117, "converged": true}}}],
        "summary": {"samples": 1, "mean_cos": 0.66}})");
    eval.close();
    // Reopening picks up the evaluation written after the run was first shown.
    view.deleteRuns({ids.at(2)}, false, false);
    ids[2] = view.openRunDirectory(m_dir.filePath("view/mpmlp-d3"));
    view.selectRuns(ids);
    QCOMPARE(view.selectedRuns().size(), 4);
    QCOMPARE(view.plot()->shownRuns().size(), 4);
    QCOMPARE(view.plot()->plot()->graphCount(), 8);
    QVERIFY(view.evalHtml().contains("A_1100"));

    const QString csv = m_dir.filePath("metrics.csv");
    QVERIFY(view.exportCsv(csv));
    QFile csvFile(csv);
    QVERIFY(csvFile.open(QIODevice::ReadOnly));
    QCOMPARE(csvFile.readAll().count('\n'), 1 + 4 * 150);
    QString error;
    QVERIFY2(view.exportFigure(m_dir.filePath("curves.png"), &error), qPrintable(error));
    QVERIFY(QFileInfo(m_dir.filePath("curves.png")).size() > 1000);
    QVERIFY2(view.exportFigure(m_dir.filePath("curves.svg"), &error), qPrintable(error));

    // The form's defaults are [P1]'s.
    const fs::dataset::RunConfig c = view.form()->config().core;
    QCOMPARE(c.lr, 1e-3);
    QCOMPARE(c.lr_gamma, 0.6);
    QCOMPARE(c.lr_step, 50);
    QCOMPARE(c.epochs, 300);
    QCOMPARE(c.patience, 50);
    QCOMPARE(c.batch_size, 16);
    QCOMPARE(c.hidden, 16);

    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPixmap shot = view.grab();
    QVERIFY(!shot.isNull());
    if (const QByteArray out = qgetenv("FS_TRAINING_SCREENSHOT"); !out.isEmpty())
        QVERIFY(shot.save(QString::fromLocal8Bit(out)));
}

// The real factorscope-train needs LibTorch, which this build may lack: FS_TRAINER names one.
void TestTraining::realTrainer()
{
#ifdef FS_TRAIN_PATH
    const QString trainer = qEnvironmentVariable("FS_TRAINER", QStringLiteral(FS_TRAIN_PATH));
#else
    const QString trainer = qEnvironmentVariable("FS_TRAINER");
#endif
    const QString cli = qEnvironmentVariable("FS_CLI", QStringLiteral(FS_CLI_PATH));
    if (trainer.isEmpty() || !QFileInfo(cli).isExecutable())
        QSKIP("built without LibTorch: set FS_TRAINER (and FS_CLI unless factorscope-cli is built) to run against a real trainer");

    DatasetGenerator generator;
    QSignalSpy generated(&generator, &DatasetGenerator::finished);
    QSignalSpy progress(&generator, &DatasetGenerator::progress);
    const QString dataset = m_dir.filePath("real-dataset");
    QVERIFY(generator.start(dataset, 12, 20));
    QVERIFY(generated.wait(60000));
    QVERIFY2(generated.first().at(0).toBool(), qPrintable(generated.first().at(1).toString()));
    QCOMPARE(progress.last().at(0).toInt(), 12);

    RunController controller;
    Launcher launcher;
    launcher.program = trainer;
    controller.setLauncher(launcher);
    TrainingConfig config;
    config.core.dataset = dataset.toStdString();
    config.core.epochs = 3;
    config.core.batch_size = 4;
    config.core.depth = 1;
    config.core.device = "cpu";
    QSignalSpy ended(&controller, &RunController::runEnded);
    const int id = controller.enqueue(config, m_dir.filePath("real-run"));
    QVERIFY(ended.wait(240000));
    const TrainingRun *run = controller.run(id);
    QVERIFY2(run->status == RunStatus::Finished, qPrintable(run->log.join('\n')));
    QCOMPARE(run->points.size(), 3);
    QCOMPARE(run->malformedLines, 0);
    QVERIFY(!run->eval.value("samples").toArray().isEmpty());
    TrainingRun reread;
    QVERIFY(loadRunDirectory(m_dir.filePath("real-run"), &reread));
    QCOMPARE(reread.points.size(), 3);
    QCOMPARE(reread.config.core.depth, 1);
    QCOMPARE(reread.status, RunStatus::Finished);
}

QTEST_MAIN(TestTraining)
#include "tst_training.moc"
