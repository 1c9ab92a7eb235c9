#include "training/trainingevalchart.h"

#include "widgets/customplot.h"
#include "widgets/exportdialog.h"
#include "widgets/figureexporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace fs::ui {

namespace {

// Share of a unit key interval that a group of bars fills; the rest separates neighbours.
constexpr double GroupWidth = 0.82;

// Words that fit along a bar; the table beside the chart gives the full reason.
QString shortFailure(const QString &failure)
{
    if (failure == QLatin1String("max_iterations"))
        return TrainingEvalChart::tr("limit");
    if (failure == QLatin1String("indefinite_preconditioner"))
        return TrainingEvalChart::tr("indefinite");
    if (failure == QLatin1String("unavailable"))
        return TrainingEvalChart::tr("n/a");
    return GcvaeEval::failureText(failure);
}

QBrush failedBrush()
{
    return QBrush(QColor(0x70, 0x70, 0x70), Qt::BDiagPattern);
}

} // namespace

TrainingEvalChart::TrainingEvalChart(QWidget *parent)
    : QWidget(parent)
    , m_summary(new QLabel)
    , m_grouping(new QComboBox)
    , m_log(new QCheckBox)
    , m_export(new QPushButton)
    , m_plot(new QCustomPlot)
    , m_groupingLabel(new QLabel)
{
    m_summary->setObjectName(QStringLiteral("evalSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_grouping->addItem(QString(), int(Grouping::Automatic));
    m_grouping->addItem(QString(), int(Grouping::PerMatrix));
    m_grouping->addItem(QString(), int(Grouping::PerMethod));
    m_plot->setObjectName(QStringLiteral("evalChart"));
    m_plot->setMinimumHeight(220);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());
    m_plot->legend->setBorderPen(Qt::NoPen);
    // Seven methods and the failure key would cover the bars inside the axis rect: the legend gets
    // its own column beside the plot, where a wide dashboard has room and height is scarce.
    // Below it an empty element takes the spare height, so the entries stay packed at the top.
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    auto *side = new QCPLayoutGrid;
    m_plot->plotLayout()->addElement(0, 1, side);
    m_plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    side->addElement(0, 0, m_plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(m_plot));
    side->setRowStretchFactor(0, 0.001);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->axisRect()->setRangeDrag(Qt::Horizontal);
    m_plot->axisRect()->setRangeZoom(Qt::Horizontal);

    auto *controls = new QHBoxLayout;
    controls->addWidget(m_groupingLabel);
    controls->addWidget(m_grouping);
    controls->addWidget(m_log);
    controls->addStretch(1);
    controls->addWidget(m_export);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_summary);
    layout->addLayout(controls);
    layout->addWidget(m_plot, 1);

    connect(m_grouping, &QComboBox::currentIndexChanged, this, &TrainingEvalChart::rebuild);
    connect(m_log, &QCheckBox::toggled, this, [this] {
        applyScale();
        m_plot->replot();
    });
    connect(m_export, &QPushButton::clicked, this, &TrainingEvalChart::chooseExport);
    retranslateUi();
    rebuild();
}

bool TrainingEvalChart::setEval(const QJsonObject &eval)
{
    // The view passes the evaluation again on every line a run prints; keep the user's zoom then.
    if (eval == m_source && !eval.isEmpty())
        return hasEval();
    m_source = eval;
    m_eval = GcvaeEval::isGcvae(eval) ? GcvaeEval::fromJson(eval) : GcvaeEval();
    rebuild();
    return hasEval();
}

void TrainingEvalChart::setLogScale(bool on)
{
    m_log->setChecked(on);
}

bool TrainingEvalChart::logScale() const
{
    return m_log->isChecked();
}

void TrainingEvalChart::setGrouping(Grouping grouping)
{
    m_grouping->setCurrentIndex(std::max(0, m_grouping->findData(int(grouping))));
}

TrainingEvalChart::Grouping TrainingEvalChart::effectiveGrouping() const
{
    const auto chosen = static_cast<Grouping>(m_grouping->currentData().toInt());
    if (chosen != Grouping::Automatic)
        return chosen;
    // Seven bars per matrix stay readable for about a dozen matrices in a dashboard-sized plot;
    // beyond that (the 8–40 test matrices of a typical run reach 280 bars) single bars shrink to a
    // few pixels and the eye compares neighbours instead of methods, so the median per method with
    // its min–max range says more. The table below keeps every matrix.
    return m_eval.samples.size() > PerMatrixLimit ? Grouping::PerMethod : Grouping::PerMatrix;
}

QString TrainingEvalChart::summary() const
{
    return m_summary->text();
}

void TrainingEvalChart::rebuild()
{
    m_plot->clearPlottables();
    m_plot->clearItems();
    m_bars.clear();
    m_failureMarks.clear();
    m_keyNames.clear();
    m_lowest = std::numeric_limits<double>::infinity();
    m_highest = 1.0;
    m_summary->setText(hasEval() ? m_eval.summaryText() : QString());
    m_export->setEnabled(hasEval());
    if (hasEval()) {
        if (effectiveGrouping() == Grouping::PerMethod)
            buildPerMethod();
        else
            buildPerMatrix();
    }
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (int i = 0; i < m_keyNames.size(); ++i)
        ticker->addTick(i + 1, m_keyNames.at(i));
    m_plot->xAxis->setTicker(ticker);
    const bool perMatrix = effectiveGrouping() == Grouping::PerMatrix;
    // Matrix names are long (problem, size, seed): slanted, they never run into each other.
    const bool rotated = perMatrix && m_keyNames.size() > 2;
    m_plot->xAxis->setTickLabelRotation(rotated ? -30 : 0);
    // A slanted first label reaches left of its tick, further than the automatic margin allows for.
    int left = 0;
    if (rotated && !m_keyNames.isEmpty()) {
        const QFontMetrics metrics(m_plot->xAxis->tickLabelFont());
        left = static_cast<int>(metrics.horizontalAdvance(m_keyNames.constFirst()) * std::cos(M_PI / 6.0)) - 20;
    }
    m_plot->axisRect()->setMinimumMargins(QMargins(std::max(15, left), 15, 15, 15));
    m_plot->xAxis->setRange(0.4, std::max<double>(1.0, m_keyNames.size()) + 0.6);
    m_plot->xAxis->grid()->setVisible(false);
    m_plot->xAxis->setLabel(effectiveGrouping() == Grouping::PerMethod ? tr("Preconditioner (median over converged solves, "
                                                                        "whiskers min–max)")
                                                                     : tr("Test matrix"));
    applyScale();
    m_plot->replot();
}

void TrainingEvalChart::buildPerMatrix()
{
    const QStringList methods = m_eval.methods();
    const double cap = m_eval.iterationCap();
    const double width = GroupWidth / methods.size();
    auto *group = new QCPBarsGroup(m_plot);
    group->setSpacingType(QCPBarsGroup::stPlotCoords);
    group->setSpacing(0.0);
    for (const GcvaeSample &s : m_eval.samples)
        m_keyNames.append(s.name);
    bool anyFailed = false;
    for (int m = 0; m < methods.size(); ++m) {
        const QString &method = methods.at(m);
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        auto *failed = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        const QColor color = GcvaeEval::methodColor(method);
        bars->setName(GcvaeEval::methodLabel(method));
        bars->setPen(QPen(color.darker(130)));
        bars->setBrush(color);
        for (QCPBars *b : {bars, failed}) {
            b->setWidthType(QCPBars::wtPlotCoords);
            b->setWidth(width);
        }
        failed->setPen(QPen(QColor(0x50, 0x50, 0x50)));
        failed->setBrush(failedBrush());
        failed->moveAbove(bars);
        failed->removeFromLegend();
        // Both go into the group; it places a stack by its bottom bars.
        bars->setBarsGroup(group);
        failed->setBarsGroup(group);
        // Bars in a plot-coordinate group sit at these offsets from the group's centre.
        const double offset = (m - (methods.size() - 1) / 2.0) * width;
        for (int k = 0; k < m_eval.samples.size(); ++k) {
            const auto it = m_eval.samples.at(k).pcg.constFind(method);
            if (it == m_eval.samples.at(k).pcg.cend())
                continue;
            const double key = k + 1;
            if (it->converged) {
                bars->addData(key, it->iterations);
                if (it->iterations > 0)
                    m_lowest = std::min(m_lowest, double(it->iterations));
            } else {
                failed->addData(key, cap);
                addFailureMark(key + offset, cap, shortFailure(it->failure));
                anyFailed = true;
            }
            m_highest = std::max(m_highest, double(it->iterations));
        }
        m_bars.append(qMakePair(bars, failed));
    }
    m_highest = std::max(m_highest, cap);
    if (anyFailed) {
        // One legend entry explains every hatched bar; the group position tells the method.
        QCPBars *first = m_bars.constFirst().second;
        first->addToLegend();
        first->setName(tr("not converged (at the cap)"));
        auto *line = new QCPItemStraightLine(m_plot);
        line->point1->setCoords(0, cap);
        line->point2->setCoords(1, cap);
        line->setPen(QPen(QColor(0x70, 0x70, 0x70), 1, Qt::DashLine));
        auto *capLabel = new QCPItemText(m_plot);
        capLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
        capLabel->position->setTypeY(QCPItemPosition::ptPlotCoords);
        capLabel->position->setCoords(1.0, cap);
        capLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
        capLabel->setColor(QColor(0x50, 0x50, 0x50));
        capLabel->setText(tr("cap %1").arg(cap));
    }
}

void TrainingEvalChart::buildPerMethod()
{
    const QStringList methods = m_eval.methods();
    for (int m = 0; m < methods.size(); ++m) {
        const QString &method = methods.at(m);
        // Two lines keep the long names of the learned methods apart under their bars.
        m_keyNames.append(GcvaeEval::methodLabel(method).replace(QStringLiteral(" ("), QStringLiteral("\n(")));
        auto *bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
        const QColor color = GcvaeEval::methodColor(method);
        bars->setName(GcvaeEval::methodLabel(method));
        bars->setPen(QPen(color.darker(130)));
        bars->setBrush(color);
        bars->setWidth(0.6);
        QList<int> its;
        for (const GcvaeSample &s : m_eval.samples) {
            const auto it = s.pcg.constFind(method);
            if (it != s.pcg.cend() && it->converged)
                its.append(it->iterations);
        }
        const int failures = m_eval.solveCount(method) - static_cast<int>(its.size());
        const double key = m + 1;
        double top = 0.0;
        if (const auto median = m_eval.medianIterations(method)) {
            const auto [low, high] = std::minmax_element(its.cbegin(), its.cend());
            bars->addData(key, *median);
            auto *range = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
            range->removeFromLegend();
            range->setDataPlottable(bars);
            range->setPen(QPen(Qt::black));
            range->setData({*median - *low}, {*high - *median});
            m_lowest = std::min(m_lowest, std::max(1.0, double(*low)));
            top = *high;
        }
        m_highest = std::max(m_highest, top);
        if (failures > 0)
            addFailureMark(key, std::max(top, 1.0), tr("✗ %1 failed").arg(failures));
        m_bars.append(qMakePair(bars, static_cast<QCPBars *>(nullptr)));
    }
}

void TrainingEvalChart::addFailureMark(double key, double value, const QString &text)
{
    auto *label = new QCPItemText(m_plot);
    label->position->setCoords(key, value);
    label->setClipToAxisRect(true);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    label->setFont(small);
    label->setColor(QColor(0xb2, 0x22, 0x22));
    if (effectiveGrouping() == Grouping::PerMatrix) {
        // Upright text would run into the neighbouring bars of the group, so it reads upwards
        // inside the hatched bar and ends at its top.
        label->setRotation(-90);
        label->setPositionAlignment(Qt::AlignRight | Qt::AlignVCenter);
        label->setPadding(QMargins(1, 0, 3, 0));
        // Translucent, so the hatching of the bar shows through around the letters.
        label->setBrush(QBrush(QColor(255, 255, 255, 170)));
        label->setText(QStringLiteral("✗ ") + text);
    } else {
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->setPadding(QMargins(0, 0, 0, 4));
        label->setText(text);
    }
    m_failureMarks.append(label->text());
}

void TrainingEvalChart::applyScale()
{
    const bool log = m_log->isChecked();
    m_plot->legend->setVisible(hasEval());
    if (log) {
        m_plot->yAxis->setScaleType(QCPAxis::stLogarithmic);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        // Per method the failure counts stand above the whiskers and need the extra room.
        const double lowest = std::isfinite(m_lowest) ? m_lowest : 1.0;
        m_plot->yAxis->setRange(std::max(0.5, lowest / 1.6),
                                m_highest * (effectiveGrouping() == Grouping::PerMethod ? 3.0 : 1.5));
    } else {
        m_plot->yAxis->setScaleType(QCPAxis::stLinear);
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
        m_plot->yAxis->setRange(0.0, m_highest * (effectiveGrouping() == Grouping::PerMethod ? 1.25 : 1.08));
    }
}

QList<TrainingEvalChart::Bar> TrainingEvalChart::bars() const
{
    QList<Bar> out;
    const QStringList methods = m_eval.methods();
    const bool perMatrix = effectiveGrouping() == Grouping::PerMatrix;
    for (int m = 0; m < m_bars.size(); ++m) {
        const auto &[bars, failed] = m_bars.at(m);
        for (QCPBars *b : {bars, failed}) {
            if (!b)
                continue;
            for (auto it = b->data()->constBegin(); it != b->data()->constEnd(); ++it) {
                Bar bar;
                const int k = static_cast<int>(std::lround(it->key)) - 1;
                bar.matrix = perMatrix ? m_keyNames.value(k) : QString();
                bar.method = methods.value(m);
                bar.height = it->value;
                bar.failed = b == failed;
                bar.failures = perMatrix ? int(bar.failed)
                                         : m_eval.solveCount(bar.method) - m_eval.convergedCount(bar.method);
                out.append(bar);
            }
        }
    }
    return out;
}

QStringList TrainingEvalChart::failureMarks() const
{
    return m_failureMarks;
}

void TrainingEvalChart::chooseExport()
{
    ExportDialog dialog(ExportDialog::Target::File, QStringLiteral("training-eval.pdf"), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QString error;
    if (!FigureExporter::exportFigure(m_plot, dialog.path(), dialog.options(), &error))
        QMessageBox::warning(this, tr("Export Failed"), error);
}

void TrainingEvalChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        rebuild();
    }
    QWidget::changeEvent(event);
}

void TrainingEvalChart::retranslateUi()
{
    m_groupingLabel->setText(tr("Bars:"));
    m_grouping->setItemText(0, tr("Automatic"));
    m_grouping->setItemText(1, tr("Per test matrix"));
    m_grouping->setItemText(2, tr("Per method (median, min–max)"));
    m_log->setText(tr("Logarithmic scale"));
    m_export->setText(tr("Export Chart…"));
    m_plot->yAxis->setLabel(tr("PCG iterations"));
}

} // namespace fs::ui
