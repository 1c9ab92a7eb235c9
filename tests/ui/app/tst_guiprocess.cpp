#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// Runs the real factorscope executable the way scripts and users do.
class TestGuiProcess : public QObject
{
    Q_OBJECT

private:
    struct Outcome {
        int exitCode = -1;
        QString stdErr;
        QString stdOut;
    };

    Outcome run(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert("QT_QPA_PLATFORM", "offscreen");
        // Keep the user's recent files and window layout out of the test.
        env.insert("XDG_CONFIG_HOME", m_dir.filePath("config"));
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(FS_GUI_PATH), arguments);
        if (!process.waitForFinished(120000))
            return {};
        return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
                QString::fromLocal8Bit(process.readAllStandardError()),
                QString::fromLocal8Bit(process.readAllStandardOutput())};
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QVERIFY(!QStringLiteral(FS_GUI_PATH).isEmpty());
    }

    void screenshotOfFile()
    {
        const QString png = m_dir.filePath("bus.png");
        const Outcome out = run({QStringLiteral(FS_BENCHMARK_DIR "/494_bus.mtx.gz"), "--screenshot", png});
        QVERIFY2(out.exitCode == 0, qPrintable(out.stdErr));
        QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        QVERIFY(image.allGray() == false);
    }

    void screenshotOfDefaultMatrix()
    {
        const QString png = m_dir.filePath("default.png");
        const Outcome out = run({"--screenshot", png});
        QVERIFY2(out.exitCode == 0, qPrintable(out.stdErr));
        QVERIFY(QFileInfo(png).size() > 1000);
    }

    void failedLoadExitsOne()
    {
        const QString png = m_dir.filePath("bad.png");
        const Outcome out = run({QStringLiteral(FS_TEST_DATA_DIR "/malformed/bad_header.mtx"), "--screenshot", png});
        QCOMPARE(out.exitCode, 1);
        QVERIFY(out.stdErr.contains("bad_header.mtx"));
        QVERIFY(!QFileInfo::exists(png));
    }

    void unknownOptionExitsTwo()
    {
        const Outcome out = run({"--no-such-option"});
        QCOMPARE(out.exitCode, 2);
        QVERIFY(out.stdErr.contains("no-such-option"));
    }

    void helpExitsZero()
    {
        const Outcome out = run({"--help"});
        QCOMPARE(out.exitCode, 0);
        QVERIFY(out.stdOut.contains("--screenshot"));
    }

private:
    QTemporaryDir m_dir;
};

QTEST_GUILESS_MAIN(TestGuiProcess)
#include "tst_guiprocess.moc"
