#include "app/startup.h"

#include "app/appsettings.h"
#include "app/languagemanager.h"
#include "app/mainwindow.h"
#include "document/benchmarkindex.h"
#include "document/matrixlistdock.h"
#include "document/matrixlistmodel.h"
#include "document/matrixloader.h"
#include "pattern/spyplot.h"
#include "training/trainingview.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QTemporaryDir>
#include <QFileInfo>
#include <QIcon>
#include <QPixmap>
#include <QTabWidget>

#include <cstdio>

// Resources compiled into a static library are only registered when referenced explicitly, and
// Q_INIT_RESOURCE must be used outside any namespace.
static void initStaticResources()
{
    Q_INIT_RESOURCE(icons);
}

namespace fs::ui {

namespace {

const char ScreenshotOption[] = "screenshot";

void printError(const QString &message)
{
    std::fprintf(stderr, "factorscope: %s\n", qPrintable(message));
}

} // namespace

int Startup::run(QApplication &app)
{
    initStaticResources();
    QApplication::setOrganizationName(QStringLiteral("FactorScope"));
    QApplication::setApplicationName(QStringLiteral("factorscope"));
    QApplication::setApplicationDisplayName(QStringLiteral("FactorScope"));
    QApplication::setApplicationVersion(QStringLiteral(FACTORSCOPE_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/factorscope.svg")));

    // The language is applied before parsing so that --help and usage errors are translated too.
    LanguageManager languages;
    languages.setLanguage(AppSettings().language());

    StartupOptions options;
    if (const int exitCode = parse(app.arguments(), options); exitCode >= 0)
        return exitCode;

    MainWindow window(&languages);
    if (options.rendersOnly())
        return renderAndExit(window, options);

    window.restoreSavedLayout();
    window.show();
    const QString file = options.file.isEmpty() ? defaultMatrixPath(window) : options.file;
    if (!file.isEmpty())
        window.openFile(file);
    return app.exec();
}

int Startup::parse(const QStringList &arguments, StartupOptions &options)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Sparse Cholesky factors and preconditioners, made visible."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    const QCommandLineOption dataDir(QStringLiteral("data-dir"),
                                     tr("Print where the bundled benchmark and the translations are read from, then exit."));
    parser.addOption(dataDir);
    parser.addPositionalArgument(QStringLiteral("file"), tr("Matrix Market file to open (.mtx or .mtx.gz)."),
                                 tr("[FILE]"));
    addRenderOptions(parser);

    if (!parser.parse(arguments)) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(qPrintable(parser.helpText()), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        std::printf("factorscope %s\n", qPrintable(QCoreApplication::applicationVersion()));
        return 0;
    }
    if (parser.isSet(dataDir)) {
        const QString catalogues = LanguageManager::installedCatalogueDirectory();
        std::printf("benchmark: %s\ntranslations: %s\n", qPrintable(BenchmarkIndex::defaultDirectory()),
                    qPrintable(QDir(catalogues).exists() ? catalogues : tr("built into the program")));
        return 0;
    }
    QStringList files = parser.positionalArguments();
    if (parser.value(QStringLiteral("export-figure")) == QLatin1String("training")) {
        // --runs DIR… : the first folder is the option's value, further ones arrive as positionals.
        options.trainingRuns = parser.values(QStringLiteral("runs")) + files;
        files.clear();
        if (options.trainingRuns.isEmpty()) {
            printError(tr("--export-figure training needs --runs DIR…"));
            return 2;
        }
    } else if (parser.value(QStringLiteral("export-figure")) == QLatin1String("training-eval")) {
        options.trainingRuns = parser.values(QStringLiteral("runs")) + files;
        files.clear();
        if (options.trainingRuns.size() != 1) {
            printError(tr("--export-figure training-eval needs exactly one run folder: --runs DIR"));
            return 2;
        }
    }
    if (files.size() > 1) {
        printError(tr("Only one file can be opened, got %1.").arg(files.size()));
        return 2;
    }
    options.file = files.value(0);
    options.screenshotPath = parser.value(QLatin1String(ScreenshotOption));
    if (parser.isSet(QLatin1String(ScreenshotOption)) && options.screenshotPath.isEmpty()) {
        printError(tr("--screenshot needs a file name."));
        return 2;
    }
    // Other workspaces prepare themselves for a screenshot through a Q_INVOKABLE
    // prepareForScreenshot() on the widget named "view_<name>"; the perturbation options do not
    // apply to them.
    if (parser.value(QStringLiteral("view")) == QLatin1String("bench")) {
        options.workspaceView = QStringLiteral("bench");
    } else if (parser.value(QStringLiteral("view")) == QLatin1String("training")) {
        options.workspaceView = QStringLiteral("training");
        options.trainingRuns = parser.values(QStringLiteral("runs"));
    } else if (QString error; !PerturbStartup::read(parser, options.perturb, &error)) {
        printError(error);
        return 2;
    }
    return -1;
}

// Options that render output and exit; the perturbation explorer adds --export-figure NAME --out
// FILE and the --view/--generator/--entry/--delta options that prepare a screenshot.
void Startup::addRenderOptions(QCommandLineParser &parser)
{
    parser.addOption(QCommandLineOption(QLatin1String(ScreenshotOption),
                                        tr("Render the main window into PNG and exit."), tr("PNG")));
    PerturbStartup::addOptions(parser);
    parser.addOption(QCommandLineOption(QStringLiteral("runs"),
                                        tr("Training run folders for --export-figure training, or the one "
                                           "gcvae run for --export-figure training-eval."), tr("DIR")));
}

// The training curves of run folders (from here or another machine) into one figure, without the
// history of the interactive program being touched.
int Startup::exportTrainingFigure(const StartupOptions &options)
{
    QTemporaryDir scratch;
    TrainingView view(scratch.filePath(QStringLiteral("history.sqlite")));
    view.resize(1280, 800);
    QList<int> ids;
    for (const QString &dir : options.trainingRuns) {
        QString error;
        const int id = view.openRunDirectory(dir, &error);
        if (id == 0) {
            printError(tr("Cannot read the run folder %1: %2").arg(dir, error));
            return 1;
        }
        ids.append(id);
    }
    view.selectRuns(ids);
    QString error;
    if (!view.exportFigure(options.perturb.out, &error)) {
        printError(error);
        return 1;
    }
    return 0;
}

// The PCG comparison chart of one gcvae run folder, like the curves above.
int Startup::exportTrainingEvalFigure(const StartupOptions &options)
{
    QTemporaryDir scratch;
    TrainingView view(scratch.filePath(QStringLiteral("history.sqlite")));
    view.resize(1280, 800);
    const QString dir = options.trainingRuns.constFirst();
    QString error;
    const int id = view.openRunDirectory(dir, &error);
    if (id == 0) {
        printError(tr("Cannot read the run folder %1: %2").arg(dir, error));
        return 1;
    }
    view.selectRuns({id});
    if (!view.exportEvalFigure(options.perturb.out, &error)) {
        printError(tr("%1: %2").arg(dir, error));
        return 1;
    }
    return 0;
}

QString Startup::defaultMatrixPath(const MainWindow &window)
{
    const QString preferred = window.matrixList()->filePathOf(QLatin1String(DefaultMatrix));
    if (!preferred.isEmpty())
        return preferred;
    const auto &entries = window.matrixList()->model()->entries();
    return entries.isEmpty() ? QString() : entries.constFirst().filePath;
}

int Startup::renderAndExit(MainWindow &window, const StartupOptions &options)
{
    if (options.exportsTraining())
        return exportTrainingFigure(options);
    if (options.exportsTrainingEval())
        return exportTrainingEvalFigure(options);
    if (options.perturb.exportsFigure())
        return PerturbStartup::exportFigure(options.perturb);
    // A modal box would block an unattended run; the failure goes to stderr instead.
    window.setErrorDialogsEnabled(false);
    QString failure;
    QObject::connect(&window, &MainWindow::loadFailed, &window, [&failure](const LoadFailure &f) {
        failure = LoadFailureText::message(f);
    });

    const QString file = options.file.isEmpty() ? defaultMatrixPath(window) : options.file;
    if (file.isEmpty() && !options.perturb.usesGenerator()) {
        printError(tr("No matrix to show: no file given and no benchmark collection found."));
        return 1;
    }
    window.show();
    if (!options.perturb.usesGenerator()) {
        window.openFile(file);
        window.loader()->waitForIdle();
    }
    if (!failure.isEmpty()) {
        printError(failure);
        return 1;
    }
    if (QString error; !PerturbStartup::prepareWindow(window, options.perturb, &error)) {
        printError(error);
        return 1;
    }
    if (!options.workspaceView.isEmpty()) {
        auto *view = window.workspaces()->findChild<QWidget *>(QLatin1String("view_") + options.workspaceView);
        if (!view) {
            printError(tr("The view '%1' is not available.").arg(options.workspaceView));
            return 1;
        }
        window.showWorkspace(view);
        if (auto *training = qobject_cast<TrainingView *>(view)) {
            // --view training --runs DIR…: those runs selected, the last one's evaluation in front.
            QList<int> ids;
            for (const QString &dir : options.trainingRuns) {
                QString error;
                const int id = training->openRunDirectory(dir, &error);
                if (id == 0) {
                    printError(tr("Cannot read the run folder %1: %2").arg(dir, error));
                    return 1;
                }
                ids.append(id);
            }
            if (!ids.isEmpty()) {
                training->selectRuns(ids);
                QCoreApplication::processEvents();
                training->showEvaluation();
            }
        } else {
            QMetaObject::invokeMethod(view, "prepareForScreenshot", Qt::DirectConnection);
        }
    }
    if (!options.screenshotPath.isEmpty())
        return writeScreenshot(window, options.screenshotPath);
    return 0;
}

int Startup::writeScreenshot(MainWindow &window, const QString &path)
{
    // Let layouts and the pending re-bin settle at the final size before grabbing.
    QCoreApplication::processEvents();
    window.spyPlot()->rebinNow();
    window.spyPlot()->replot(QCustomPlot::rpImmediateRefresh);
    const QPixmap pixmap = window.grab();
    if (pixmap.isNull() || !pixmap.save(path, "PNG")) {
        printError(tr("Cannot write the screenshot to %1.").arg(path));
        return 1;
    }
    return 0;
}

} // namespace fs::ui
