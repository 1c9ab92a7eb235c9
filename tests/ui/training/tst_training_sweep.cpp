// The training dashboard driving the real factorscope-train: a sweep of four node models at depth
// 2 on a small synthetic set, with live curves, every run finishing, and the figure exported.
#include "training/runcontroller.h"
#include "training/trainingform.h"
#include "training/trainingplot.h"
#include "training/trainingrun.h"
#include "training/trainingview.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace fs::ui;

class TestTrainingSweep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sweepFromTheView();
};

void TestTrainingSweep::sweepFromTheView()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // The view finds the trainer the way a user's installation does: beside the GUI or on PATH.
    const QString trainerDir = QFileInfo(QStringLiteral(FS_TRAIN_PATH)).absolutePath();
    qputenv("PATH", (trainerDir + QLatin1Char(':') + qEnvironmentVariable("PATH")).toLocal8Bit());
    QCOMPARE(QFileInfo(Launcher::findLocalTrainer()).canonicalFilePath(),
             QFileInfo(QStringLiteral(FS_TRAIN_PATH)).canonicalFilePath());

    const QString dataset = dir.filePath(QStringLiteral("data"));
    QProcess cli;
    cli.start(QStringLiteral(FS_CLI_PATH), {QStringLiteral("dataset"), QStringLiteral("synthetic"), QStringLiteral("--count"),
                                            QStringLiteral("48"), QStringLiteral("--n"), QStringLiteral("12"), QStringLiteral("--test"),
                                            QStringLiteral("8"), QStringLiteral("--seed"), QStringLiteral("3"), QStringLiteral("--out"), dataset});
    QVERIFY(cli.waitForFinished(120000));
    QCOMPARE(cli.exitCode(), 0);

    TrainingView view(dir.filePath(QStringLiteral("history.sqlite")));
    view.resize(1400, 850);
    view.show();
    TrainingConfig config;
    config.core.dataset = dataset.toStdString();
    config.core.epochs = 12;
    config.core.batch_size = 8;
    config.core.device = "cpu";
    view.form()->setConfig(config);
    const QStringList models = {QStringLiteral("mlp"), QStringLiteral("gatv2"), QStringLiteral("gen"), QStringLiteral("mpmlp")};
    view.form()->setSweep(models, {2});
    view.form()->setRunsDirectory(dir.filePath(QStringLiteral("runs")));
    QSignalSpy ended(view.controller(), &RunController::runEnded);
    QCOMPARE(view.startSweep(), 4);
    const QList<int> ids = view.selectedRuns();
    QCOMPARE(ids.size(), 4);

    // Live: some run draws points before any has ended.
    auto pointsDrawn = [&] {
        qsizetype most = 0;
        for (int id : ids)
            most = std::max(most, view.plot()->curve(id, TrainingPlot::Curve::Train).size());
        return most;
    };
    QTRY_VERIFY_WITH_TIMEOUT(pointsDrawn() >= 3, 300000);
    const QByteArray shots = qgetenv("FS_SWEEP_SCREENSHOTS");
    if (!shots.isEmpty())
        QVERIFY(view.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/training-midrun.png")));

    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 4, 900000);
    for (int id : ids) {
        const TrainingRun *run = view.controller()->run(id);
        QVERIFY2(run->status == RunStatus::Finished, qPrintable(run->log.join(QLatin1Char('\n'))));
        QCOMPARE(run->points.size(), 12);
        QCOMPARE(run->malformedLines, 0);
        QCOMPARE(view.plot()->curve(id, TrainingPlot::Curve::Test).size(), 12);
        QVERIFY(models.contains(QString::fromStdString(run->config.core.model)));
        QCOMPARE(run->config.core.depth, 2);
    }
    const QString png = dir.filePath(QStringLiteral("sweep.png"));
    QString error;
    QVERIFY2(view.exportFigure(png, &error), qPrintable(error));
    QFile f(png);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.read(4), QByteArray("\x89PNG", 4));
    if (!shots.isEmpty())
        QVERIFY(view.grab().save(QString::fromLocal8Bit(shots) + QStringLiteral("/training.png")));

    // Headless: the same runs' curves from their folders, by the real GUI binary.
    QStringList args = {QStringLiteral("--export-figure"), QStringLiteral("training"), QStringLiteral("--runs")};
    for (int id : ids)
        args << view.controller()->run(id)->directory;
    const QString svg = dir.filePath(QStringLiteral("headless.svg"));
    args << QStringLiteral("--out") << svg;
    QProcess gui;
    gui.start(QStringLiteral(FS_GUI_PATH), args);
    QVERIFY(gui.waitForFinished(120000));
    QVERIFY2(gui.exitCode() == 0, gui.readAllStandardError().constData());
    QFile out(svg);
    QVERIFY(out.open(QIODevice::ReadOnly));
    const QByteArray text = out.readAll();
    QVERIFY(text.contains("<svg"));
    QVERIFY(text.contains("mpmlp d2")); // every run is in the legend
    QVERIFY(text.contains("gatv2 d2"));
    // A folder that is not a run is an error, not an empty figure.
    QProcess bad;
    bad.start(QStringLiteral(FS_GUI_PATH), {QStringLiteral("--export-figure"), QStringLiteral("training"), QStringLiteral("--runs"),
                                           dir.filePath(QStringLiteral("data")), QStringLiteral("--out"), dir.filePath(QStringLiteral("bad.svg"))});
    QVERIFY(bad.waitForFinished(60000));
    QCOMPARE(bad.exitCode(), 1);
}

QTEST_MAIN(TestTrainingSweep)
#include "tst_training_sweep.moc"
