#include "training/experimentfigure.h"

#include "training/trainingplot.h"
#include "widgets/customplot.h"
#include "widgets/figureexporter.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace fs::ui {

using nlohmann::json;

namespace {

double value(const json &j, const char *key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : std::nan("");
}

/// A bound curve over depth, shared by every model with the same radius rule.
struct BoundCurve {
    QVector<double> depth, bound;
    QStringList models;
};

bool sameCurve(const BoundCurve &a, const QVector<double> &depth, const QVector<double> &bound)
{
    if (a.depth != depth)
        return false;
    for (int k = 0; k < bound.size(); ++k)
        if (std::abs(a.bound[k] - bound[k]) > 1e-9)
            return false;
    return true;
}

} // namespace

void ExperimentFigure::draw(QCustomPlot *plot, const json &results)
{
    plot->clearPlottables();
    plot->clearItems();
    plot->plotLayout()->clear();
    // The legend below becomes the plot's legend; only one panel's models and the bounds go in.
    plot->setAutoAddPlottableToLegend(false);
    const json &datasets = results.at("datasets");
    // Panels side by side in a grid of their own (titles above, equal widths), the legend below
    // them across the whole width. The legend joins the layout before graphs are added to it: a
    // legend without a plot refuses items.
    auto *panels = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 0, panels);
    auto *legend = new QCPLegend;
    plot->plotLayout()->addElement(1, 0, legend);
    plot->plotLayout()->setRowStretchFactor(1, 0.001);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    // Two legend columns per panel: the bound names list their models and need the width.
    legend->setWrap(static_cast<int>(std::min<std::size_t>(4, 2 * std::max<std::size_t>(1, datasets.size()))));
    legend->setBorderPen(Qt::NoPen);
    legend->setLayer(QStringLiteral("legend"));
    for (std::size_t d = 0; d < datasets.size(); ++d) {
        const json &set = datasets[d];
        auto *rect = new QCPAxisRect(plot);
        panels->addElement(1, static_cast<int>(d), rect);
        auto *title = new QCPTextElement(plot, QString::fromStdString(set.value("title", set.value("label", ""))));
        panels->addElement(0, static_cast<int>(d), title);
        QCPAxis *x = rect->axis(QCPAxis::atBottom);
        QCPAxis *y = rect->axis(QCPAxis::atLeft);
        x->setLabel(tr("depth (processor blocks)"));
        y->setLabel(d == 0 ? tr("best test cosine") : QString());

        // One series per model, in the order of the results.
        std::vector<std::string> models;
        std::map<std::string, std::vector<const json *>> rows;
        double lowest = 1.0, highest = 0.0, maxDepth = 1.0;
        for (const json &r : set.at("results")) {
            const std::string m = r.at("model").get<std::string>();
            if (!rows.count(m))
                models.push_back(m);
            rows[m].push_back(&r);
            maxDepth = std::max(maxDepth, value(r, "depth"));
        }
        std::vector<BoundCurve> bounds;
        for (std::size_t k = 0; k < models.size(); ++k) {
            QVector<double> depth, cos, bdepth, bound;
            for (const json *r : rows[models[k]]) {
                const double c = value(*r, "best_test_cos");
                if (!std::isnan(c)) {
                    depth.push_back(value(*r, "depth"));
                    cos.push_back(c);
                    lowest = std::min(lowest, c);
                    highest = std::max(highest, c);
                }
                const double b = value(*r, "bound");
                if (!std::isnan(b)) {
                    bdepth.push_back(value(*r, "depth"));
                    bound.push_back(b);
                    lowest = std::min(lowest, b);
                    highest = std::max(highest, b);
                }
            }
            QCPGraph *g = plot->addGraph(x, y);
            g->setName(QString::fromStdString(models[k]));
            g->setPen(QPen(runColor(static_cast<int>(k)), 2.0));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
            g->setData(depth, cos);
            if (d == 0)
                g->addToLegend(legend);
            if (!bound.isEmpty() && set.value("paired", false)) {
                bool found = false;
                for (auto &curve : bounds)
                    if (sameCurve(curve, bdepth, bound)) {
                        curve.models << QString::fromStdString(models[k]);
                        found = true;
                    }
                if (!found)
                    bounds.push_back({bdepth, bound, {QString::fromStdString(models[k])}});
            }
        }
        const Qt::PenStyle styles[] = {Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
        for (std::size_t b = 0; b < bounds.size(); ++b) {
            QCPGraph *g = plot->addGraph(x, y);
            g->setName(tr("bound (%1)").arg(bounds[b].models.join(QStringLiteral(", "))));
            g->setPen(QPen(QColor(b == 0 ? 0x202020 : 0x707070), 1.5, styles[b % 3]));
            g->setData(bounds[b].depth, bounds[b].bound);
            g->addToLegend(legend);
        }
        x->setRange(0.5, maxDepth + 0.5);
        QSharedPointer<QCPAxisTickerFixed> ticker(new QCPAxisTickerFixed);
        ticker->setTickStep(1.0);
        x->setTicker(ticker);
        // Each panel fits its own values: the differences that matter are often in the third
        // decimal, and the panels' tick labels keep the levels comparable.
        if (highest < lowest)
            lowest = 0.0, highest = 1.0;
        const double span = std::max(highest - lowest, 0.01);
        y->setRange(lowest - 0.15 * span, std::min(highest + 0.15 * span, 1.0 + 0.05 * span));
        y->grid()->setSubGridVisible(true);
    }
    panels->setRowStretchFactor(0, 0.001);
    plot->replot();
}

bool writeExperimentFigure(const json &results, const QString &base, QStringList *written, QString *error)
{
    if (!results.is_object() || !results.contains("datasets") || !results.at("datasets").is_array()) {
        if (error)
            *error = ExperimentFigure::tr("The experiment results hold no datasets.");
        return false;
    }
    QCustomPlot plot;
    try {
        ExperimentFigure::draw(&plot, results);
    } catch (const json::exception &e) {
        if (error)
            *error = ExperimentFigure::tr("The experiment results are malformed: %1").arg(QString::fromUtf8(e.what()));
        return false;
    }
    FigureOptions options;
    options.widthMm = std::max(150.0, 90.0 * static_cast<double>(results.at("datasets").size()) + 20.0);
    options.heightMm = 110.0;
    for (const char *suffix : {".png", ".pdf", ".svg"}) {
        const QString path = base + QLatin1String(suffix);
        if (!FigureExporter::exportFigure(&plot, path, options, error))
            return false;
        if (written)
            *written << path;
    }
    return true;
}

} // namespace fs::ui
