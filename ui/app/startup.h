#pragma once

#include "app/perturbstartup.h"

#include <QCoreApplication>
#include <QString>

class QApplication;
class QCommandLineParser;

namespace fs::ui {

class MainWindow;

struct StartupOptions {
    QString file;           ///< matrix to open; empty means the default benchmark matrix
    QString screenshotPath; ///< render the window into this PNG and exit
    PerturbStartupOptions perturb; ///< --export-figure, --view perturb, --generator, ...
    QString workspaceView;         ///< --view NAME of a workspace other than perturb/pattern
    QStringList trainingRuns;      ///< --export-figure training --runs DIR…
    bool exportsTraining() const { return perturb.figure == QLatin1String("training"); }
    /// --export-figure training-eval --runs DIR: the gcvae evaluation chart of one run.
    bool exportsTrainingEval() const { return perturb.figure == QLatin1String("training-eval"); }
    /// True when the program only renders output and exits, without user interaction.
    bool rendersOnly() const { return !screenshotPath.isEmpty() || perturb.exportsFigure(); }
};

// Everything main() does: command line, language, main window, and the render-and-exit modes.
class Startup
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::Startup)

public:
    /// Name of the matrix opened when no file is given; it shows a characteristic banded pattern.
    static constexpr const char *DefaultMatrix = "bcsstk13";

    static int run(QApplication &app);

    /// Parses arguments. Returns -1 to continue, or the exit code (0 after --help, 2 on bad usage).
    static int parse(const QStringList &arguments, StartupOptions &options);
    static QString defaultMatrixPath(const MainWindow &window);

private:
    static void addRenderOptions(QCommandLineParser &parser);
    static int exportTrainingFigure(const StartupOptions &options);
    static int exportTrainingEvalFigure(const StartupOptions &options);
    static int renderAndExit(MainWindow &window, const StartupOptions &options);
    static int writeScreenshot(MainWindow &window, const QString &path);
};

} // namespace fs::ui
