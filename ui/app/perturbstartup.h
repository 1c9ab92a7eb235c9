#pragma once

#include <QCoreApplication>
#include <QString>

class QCommandLineParser;

namespace fs::ui {

class MainWindow;

// Command-line options of the perturbation explorer.
struct PerturbStartupOptions {
    QString figure;    ///< --export-figure NAME
    QString out;       ///< --out FILE
    int n = 0;         ///< --n N (0: the default of the figure or generator)
    QString view;      ///< --view perturb
    QString generator; ///< --generator KIND
    QString entry;     ///< --entry P,Q (1-based)
    double delta = 1.0;
    bool hasEntry = false;

    bool exportsFigure() const { return !figure.isEmpty(); }
    bool usesGenerator() const { return !generator.isEmpty(); }
};

// --export-figure NAME --out FILE [--n N] renders a figure without a window;
// --view perturb [--generator KIND --n N] [--entry P,Q --delta D] prepares the Perturb tab for
// --screenshot.
class PerturbStartup
{
    Q_DECLARE_TR_FUNCTIONS(fs::ui::PerturbStartup)

public:
    static void addOptions(QCommandLineParser &parser);
    /// Reads the options; returns false with `error` set for bad usage.
    static bool read(const QCommandLineParser &parser, PerturbStartupOptions &options, QString *error);
    /// Renders the figure; the exit code of the program.
    static int exportFigure(const PerturbStartupOptions &options);
    /// Generates the matrix (if asked), opens the Perturb tab and applies the perturbation, waiting
    /// until every plot is up to date. False with `error` when it cannot.
    static bool prepareWindow(MainWindow &window, const PerturbStartupOptions &options, QString *error);
};

} // namespace fs::ui
