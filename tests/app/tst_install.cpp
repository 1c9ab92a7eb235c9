// `cmake --install` puts the executables, the bundled benchmark, the translations, a .desktop file
// and an icon where a Linux desktop looks for them, and the installed program finds its data there
// rather than in the source tree.
#include "cli_run.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

using fs::test::ProcessRun;
using fs::test::runProgram;

class TestInstall : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void executablesInBin();
    void dataInShare();
    void desktopEntryNamesTheProgramAndIcon();
    void installedGuiReadsInstalledData();
    void installedCliReadsBundledMatrix();

private:
    QString path(const QString &relative) const { return m_prefix.filePath(relative); }
    QTemporaryDir m_prefix;
};

void TestInstall::initTestCase()
{
    QVERIFY(m_prefix.isValid());
    const ProcessRun run = runProgram(QStringLiteral(FS_CMAKE_COMMAND),
                                      {QStringLiteral("--install"), QStringLiteral(FS_BINARY_DIR),
                                       QStringLiteral("--prefix"), m_prefix.path()},
                                      300000);
    QVERIFY2(run.code == 0, run.err.constData());
}

void TestInstall::executablesInBin()
{
    QStringList programs{QStringLiteral("factorscope"), QStringLiteral("factorscope-cli")};
    if (FS_HAS_TRAINER)
        programs << QStringLiteral("factorscope-train");
    for (const QString &program : programs) {
        const QFileInfo info(path(QStringLiteral("bin/") + program));
        QVERIFY2(info.isFile() && info.isExecutable(), qPrintable(info.filePath()));
    }
}

void TestInstall::dataInShare()
{
    const QDir benchmark(path(QStringLiteral("share/factorscope/benchmark")));
    QVERIFY(QFile::exists(benchmark.filePath(QStringLiteral("INDEX.csv"))));
    // Every SPD matrix of the bundled benchmark is there, next to its index.
    QCOMPARE(benchmark.entryList({QStringLiteral("*.mtx.gz")}, QDir::Files).size(),
             QDir(QStringLiteral(FS_BENCHMARK_DIR)).entryList({QStringLiteral("*.mtx.gz")}, QDir::Files).size());
    for (const char *code : {"de", "ru"}) {
        QTranslator translator;
        QVERIFY2(translator.load(QStringLiteral("factorscope_") + QLatin1String(code),
                                 path(QStringLiteral("share/factorscope/translations"))),
                 code);
        QVERIFY(!translator.isEmpty());
    }
    QFile icon(path(QStringLiteral("share/icons/hicolor/scalable/apps/factorscope.svg")));
    QVERIFY(icon.open(QIODevice::ReadOnly));
    QVERIFY(icon.readAll().contains("<svg"));
}

void TestInstall::desktopEntryNamesTheProgramAndIcon()
{
    const QString file = path(QStringLiteral("share/applications/factorscope.desktop"));
    QVERIFY(QFile::exists(file));
    QSettings entry(file, QSettings::IniFormat);
    entry.beginGroup(QStringLiteral("Desktop Entry"));
    QCOMPARE(entry.value(QStringLiteral("Type")).toString(), QStringLiteral("Application"));
    QCOMPARE(entry.value(QStringLiteral("Exec")).toString().section(QLatin1Char(' '), 0, 0), QStringLiteral("factorscope"));
    // The icon is looked up by name in the hicolor theme, where it was installed.
    const QString icon = entry.value(QStringLiteral("Icon")).toString();
    QVERIFY(QFile::exists(path(QStringLiteral("share/icons/hicolor/scalable/apps/%1.svg").arg(icon))));
}

void TestInstall::installedGuiReadsInstalledData()
{
    const QString gui = path(QStringLiteral("bin/factorscope"));
    const ProcessRun where = runProgram(gui, {QStringLiteral("--data-dir")});
    QCOMPARE(where.code, 0);
    const QString text = QString::fromUtf8(where.out);
    QVERIFY2(text.contains(QStringLiteral("benchmark: ") + QDir(path(QStringLiteral("share/factorscope/benchmark"))).canonicalPath()),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("translations: ") + QDir(path(QStringLiteral("share/factorscope/translations"))).canonicalPath()),
             qPrintable(text));
    // The build tree's program, in contrast, reads the source tree's benchmark.
    const ProcessRun built = runProgram(QStringLiteral(FS_GUI_PATH), {QStringLiteral("--data-dir")});
    QVERIFY2(QString::fromUtf8(built.out).contains(QDir(QStringLiteral(FS_BENCHMARK_DIR)).canonicalPath()), built.out.constData());
    // The installed window opens the default benchmark matrix and renders it.
    const QString shot = m_prefix.filePath(QStringLiteral("shot.png"));
    const ProcessRun run = runProgram(gui, {QStringLiteral("--screenshot"), shot}, 120000);
    QVERIFY2(run.code == 0, run.err.constData());
    QVERIFY(!QImage(shot).isNull());
}

void TestInstall::installedCliReadsBundledMatrix()
{
    const ProcessRun run = runProgram(path(QStringLiteral("bin/factorscope-cli")),
                                      {QStringLiteral("info"), path(QStringLiteral("share/factorscope/benchmark/nos4.mtx.gz")),
                                       QStringLiteral("--json")});
    QCOMPARE(run.code, 0);
    QCOMPARE(run.json().value(QStringLiteral("rows")).toInt(), 100);
}

QTEST_GUILESS_MAIN(TestInstall)
#include "tst_install.moc"
