#include "app/perturbstartup.h"

#include "document/generateddocument.h"
#include "app/mainwindow.h"
#include "perturb/perturbfigure.h"
#include "perturb/plots/perturbplot.h"
#include "perturb/plots/perturbpatternplot.h"
#include "perturb/perturbview.h"
#include "perturb/perturbworkspace.h"

#include <QCommandLineParser>

#include <cstdio>

namespace fs::ui {

namespace {

const char FigureOption[] = "export-figure";
const char OutOption[] = "out";
const char SizeOption[] = "n";
const char ViewOption[] = "view";
const char GeneratorOption[] = "generator";
const char EntryOption[] = "entry";
const char DeltaOption[] = "delta";

bool parseEntry(const QString &text, int *row, int *col)
{
    const QStringList parts = text.split(QLatin1Char(','));
    bool okRow = false, okCol = false;
    if (parts.size() == 2) {
        *row = parts[0].trimmed().toInt(&okRow) - 1;
        *col = parts[1].trimmed().toInt(&okCol) - 1;
    }
    return okRow && okCol && *row >= 0 && *col >= 0;
}

} // namespace

void PerturbStartup::addOptions(QCommandLineParser &parser)
{
    parser.addOption({QLatin1String(FigureOption),
                      tr("Render figure NAME (%1) into --out and exit.").arg(PerturbFigure::names().join(QLatin1String(", "))),
                      tr("NAME")});
    parser.addOption({QLatin1String(OutOption), tr("Output file of --export-figure (.png, .pdf or .svg)."), tr("FILE")});
    parser.addOption({QLatin1String(SizeOption), tr("Matrix order for --export-figure and --generator."), tr("N")});
    parser.addOption({QLatin1String(ViewOption), tr("Show this view for --screenshot: perturb, bench, or training (with --runs DIR…)."), tr("VIEW")});
    parser.addOption({QLatin1String(GeneratorOption),
                      tr("Start with a generated matrix: %1.").arg(QString::fromStdString(fs::sparse::generator_names())),
                      tr("KIND")});
    parser.addOption({QLatin1String(EntryOption), tr("Entry to perturb in the Perturb view, 1-based."), tr("P,Q")});
    parser.addOption({QLatin1String(DeltaOption), tr("Perturbation added to the entry (default 1)."), tr("D")});
}

bool PerturbStartup::read(const QCommandLineParser &parser, PerturbStartupOptions &o, QString *error)
{
    o.figure = parser.value(QLatin1String(FigureOption));
    o.out = parser.value(QLatin1String(OutOption));
    o.view = parser.value(QLatin1String(ViewOption));
    o.generator = parser.value(QLatin1String(GeneratorOption));
    o.entry = parser.value(QLatin1String(EntryOption));
    o.hasEntry = parser.isSet(QLatin1String(EntryOption));
    bool ok = true;
    if (parser.isSet(QLatin1String(SizeOption))) {
        o.n = parser.value(QLatin1String(SizeOption)).toInt(&ok);
        if (!ok || o.n < 1) {
            *error = tr("--n expects a positive integer.");
            return false;
        }
    }
    if (parser.isSet(QLatin1String(DeltaOption))) {
        o.delta = parser.value(QLatin1String(DeltaOption)).toDouble(&ok);
        if (!ok) {
            *error = tr("--delta expects a number.");
            return false;
        }
    }
    if (o.exportsFigure() && o.out.isEmpty()) {
        *error = tr("--export-figure needs --out FILE.");
        return false;
    }
    if (o.usesGenerator() && !fs::sparse::find_generator(o.generator.toStdString())) {
        *error = tr("Unknown generator '%1'.").arg(o.generator);
        return false;
    }
    if (!o.view.isEmpty() && o.view != QLatin1String("perturb") && o.view != QLatin1String("pattern")) {
        *error = tr("Unknown view '%1': use pattern or perturb.").arg(o.view);
        return false;
    }
    int row, col;
    if (o.hasEntry && !parseEntry(o.entry, &row, &col)) {
        *error = tr("--entry expects P,Q (1-based), got '%1'.").arg(o.entry);
        return false;
    }
    return true;
}

int PerturbStartup::exportFigure(const PerturbStartupOptions &options)
{
    QString error;
    FigureOptions figure;
    figure.widthMm = 120;
    figure.heightMm = 80;
    if (!PerturbFigure::render(options.figure, options.n > 0 ? options.n : 100, options.out, figure, &error)) {
        std::fprintf(stderr, "factorscope: %s\n", qPrintable(error));
        return 1;
    }
    return 0;
}

bool PerturbStartup::prepareWindow(MainWindow &window, const PerturbStartupOptions &options, QString *error)
{
    PerturbWorkspace *workspace = window.perturbWorkspace();
    if (!workspace) {
        *error = tr("The Perturb view is not available.");
        return false;
    }
    PerturbView *view = workspace->perturbView();
    if (options.usesGenerator()) {
        // A name the command line accepts (an alias such as "graph" included); --n sets the sizes
        // a command line must give, and the sizes that default to them follow.
        GeneratorRequest request;
        request.kind = fs::sparse::find_generator(options.generator.toStdString())->kind;
        if (options.n > 0)
            for (const fs::sparse::ParamSpec &p : request.spec().params)
                if (p.required)
                    request.params.set(p.name, std::int64_t(options.n));
        try {
            workspace->showGenerated(generateDocument(request));
        } catch (const std::exception &e) {
            *error = QString::fromStdString(e.what());
            return false;
        }
    }
    if (options.view == QLatin1String("perturb") || options.hasEntry)
        window.showWorkspace(view);
    view->waitForIdle();
    int row, col;
    if (options.hasEntry && parseEntry(options.entry, &row, &col)) {
        const auto n = view->document() ? int(view->document()->matrix.rows()) : 0;
        if (row >= n || col >= n) {
            *error = tr("--entry %1 lies outside the matrix of order %2.").arg(options.entry).arg(n);
            return false;
        }
        view->setEdit({row, col, options.delta});
        view->waitForIdle();
    }
    QCoreApplication::processEvents();
    view->patternPlot()->rebinNow();
    view->patternPlot()->replot(QCustomPlot::rpImmediateRefresh);
    for (PerturbPlot *plot : view->plots())
        plot->replot(QCustomPlot::rpImmediateRefresh);
    return true;
}

} // namespace fs::ui
