#include "perturb/plots/perturblocalityplot.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fs::ui {

namespace {

// Colours of the compared kinds, in the order of the kind selector.
QColor compareColour(int index)
{
    static const QColor colours[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(148, 103, 189),
                                     QColor(255, 127, 14), QColor(140, 86, 75)};
    return colours[index % int(std::size(colours))];
}

} // namespace

PerturbLocalityPlot::PerturbLocalityPlot(QWidget *parent)
    : PerturbPlot(parent)
    , m_share(new QCPBars(xAxis, yAxis2))
    , m_max(addGraph(xAxis, yAxis))
    , m_beyond(addGraph(xAxis, yAxis2))
    , m_field(new QCPItemRect(this))
    , m_fieldLabel(new QCPItemText(this))
    , m_title(new QCPTextElement(this))
{
    setObjectName(QStringLiteral("localityPlot"));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    QFont bold = m_title->font();
    bold.setBold(true);
    bold.setPointSize(bold.pointSize() + 1);
    m_title->setFont(bold);

    yAxis2->setVisible(true);
    yAxis2->setRange(0, 100);
    yAxis->setScaleType(QCPAxis::stLogarithmic);
    yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog));
    yAxis->setNumberFormat(QStringLiteral("eb"));
    yAxis->setNumberPrecision(0);
    QSharedPointer<QCPAxisTickerFixed> hops(new QCPAxisTickerFixed);
    hops->setTickStep(1);
    hops->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    xAxis->setTicker(hops);

    m_share->setWidth(0.7);
    m_share->setPen(Qt::NoPen);
    m_share->setBrush(QColor(255, 127, 14, 170));
    m_max->setPen(QPen(QColor(31, 119, 180), 2));
    m_beyond->setPen(QPen(QColor(200, 60, 20), 1.5, Qt::DashLine));
    m_beyond->setLineStyle(QCPGraph::lsStepLeft);
    // The legend gets a row of its own: inside the axis rect it would hide data for some matrix.
    legend->setVisible(true);
    legend->setFont(QFont(font().family(), 8));
    legend->setBorderPen(Qt::NoPen);
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    plotLayout()->insertRow(1);
    plotLayout()->addElement(1, 0, legend);
    plotLayout()->setRowStretchFactor(1, 0.001);
    m_max->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 4));

    // The receptive field sits behind the data.
    m_field->setLayer(QStringLiteral("background"));
    m_field->setPen(Qt::NoPen);
    m_field->setBrush(QColor(44, 160, 44, 45));
    m_field->topLeft->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_field->bottomRight->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_fieldLabel->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_fieldLabel->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    m_fieldLabel->setColor(QColor(30, 110, 30));
    retranslateUi();
    refresh();
}

void PerturbLocalityPlot::setProfile(const fs::perturb::LocalityProfile &profile)
{
    m_profile = profile;
    refresh();
}

void PerturbLocalityPlot::setLayers(int k)
{
    m_k = std::clamp(k, 1, fs::perturb::kShareBeyondMax);
    retranslateUi();
    refresh();
}

double PerturbLocalityPlot::shareBeyond() const
{
    return m_profile.share_beyond[size_t(m_k - 1)];
}

QString PerturbLocalityPlot::headline() const
{
    if (m_compareMode)
        return tr("Share of ‖Δ‖² per hop, by kind");
    if (m_profile.total_sq <= 0)
        return showsInverse() ? tr("No change in R") : tr("No change in L");
    return tr("%1 % of the change lies beyond %2 hops").arg(100.0 * shareBeyond(), 0, 'f', 1).arg(m_k);
}

void PerturbLocalityPlot::setCompareMode(bool on)
{
    if (on == m_compareMode)
        return;
    m_compareMode = on;
    retranslateUi();
    refresh();
}

void PerturbLocalityPlot::setComparison(const QList<KindProfile> &kinds)
{
    m_kinds = kinds;
    while (m_compareGraphs.size() > m_kinds.size())
        removeGraph(m_compareGraphs.takeLast());
    while (m_compareGraphs.size() < m_kinds.size()) {
        QCPGraph *g = addGraph(xAxis, yAxis);
        const QColor colour = compareColour(int(m_compareGraphs.size()));
        g->setPen(QPen(colour, 2));
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 5));
        m_compareGraphs.append(g);
    }
    refresh();
}

void PerturbLocalityPlot::refreshComparison()
{
    // The axis reaches the farthest hop of any kind; a kind whose change stops earlier ends its line
    // there (a share of 0 has no place on the log axis, so hops without change leave a gap).
    int last = m_k + 1;
    for (const KindProfile &kind : m_kinds)
        if (kind.available)
            last = std::max(last, int(kind.profile.bins.size()) - 1);
    double lo = std::numeric_limits<double>::infinity();
    for (int i = 0; i < m_kinds.size(); ++i) {
        const KindProfile &kind = m_kinds[i];
        QCPGraph *g = m_compareGraphs[i];
        QVector<double> x, y;
        if (kind.available) {
            for (const auto &bin : kind.profile.bins) {
                x.append(bin.hops);
                const double percent = 100.0 * bin.sq_share;
                y.append(percent > 0 ? percent : std::numeric_limits<double>::quiet_NaN());
                if (percent > 0)
                    lo = std::min(lo, percent);
            }
        }
        g->setData(x, y, true);
        setMarkers(g, QCPScatterStyle(QCPScatterStyle::ssDisc, compareColour(i), 5), x.size());
        g->setVisible(m_compareMode);
        if (!m_compareMode) {
            g->removeFromLegend();
            continue;
        }
        g->addToLegend();
        if (!kind.available)
            g->setName(tr("%1: %2").arg(kind.name, kind.reason));
        else if (kind.profile.total_sq <= 0)
            g->setName(tr("%1: no change").arg(kind.name));
        else
            g->setName(tr("%1: %2 % beyond %3 hops")
                           .arg(kind.name)
                           .arg(100.0 * kind.profile.share_beyond[size_t(m_k - 1)], 0, 'f', 1)
                           .arg(m_k));
    }
    if (!m_compareMode)
        return;
    xAxis->setRange(-0.6, last + 0.6);
    yAxis->setRange(std::isfinite(lo) ? std::max(lo, 1e-12) / 2 : 1e-6, 200);
}

void PerturbLocalityPlot::refresh()
{
    QVector<double> x, share, maxAbs, beyond;
    double remaining = 1.0 - m_profile.unreachable_sq_share;
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (const auto &bin : m_profile.bins) {
        x.append(bin.hops);
        share.append(100.0 * bin.sq_share);
        // What lies beyond h hops, so the headline's value can be read off at h = k.
        remaining -= bin.sq_share;
        beyond.append(m_profile.total_sq > 0 ? 100.0 * std::max(0.0, remaining + m_profile.unreachable_sq_share) : 0.0);
        // Hops without a change leave a gap on the log axis.
        maxAbs.append(bin.max_abs > 0 ? bin.max_abs : std::numeric_limits<double>::quiet_NaN());
        if (bin.max_abs > 0) {
            lo = std::min(lo, bin.max_abs);
            hi = std::max(hi, bin.max_abs);
        }
    }
    m_share->setData(x, share, true);
    m_max->setData(x, maxAbs, true);
    setMarkers(m_max, QCPScatterStyle(QCPScatterStyle::ssCircle, 4), x.size());
    m_beyond->setData(x, beyond, true);
    const double last = std::max<double>(m_k + 1, x.isEmpty() ? 0 : x.constLast());
    xAxis->setRange(-0.6, last + 0.6);
    // Bars stay visible when there are hundreds of hops: never thinner than 3 % of the axis.
    m_share->setWidthType(QCPBars::wtAxisRectRatio);
    m_share->setWidth(std::max(0.8 / (last + 1.2), 0.03));
    if (hi > 0)
        yAxis->setRange(std::min(std::max(lo, hi * 1e-16), hi / 100) / 2, hi * 2);
    else
        yAxis->setRange(1e-16, 1);
    m_field->topLeft->setCoords(-0.5, 0);
    m_field->bottomRight->setCoords(m_k + 0.5, 1);
    m_fieldLabel->position->setCoords(m_k + 0.6, 0.02);
    // Compare mode replaces the current kind's bars and curves by one line per kind.
    for (QCPAbstractPlottable *own : std::initializer_list<QCPAbstractPlottable *>{m_share, m_max, m_beyond}) {
        own->setVisible(!m_compareMode);
        if (m_compareMode)
            own->removeFromLegend();
        else
            own->addToLegend();
    }
    yAxis2->setVisible(!m_compareMode);
    // The kinds' entries carry their share beyond k hops: two per row keep them readable.
    legend->setWrap(m_compareMode ? 2 : 0);
    legend->setFillOrder(QCPLegend::foColumnsFirst, true);
    refreshComparison();
    m_title->setText(headline());
    queueReplot();
}

QString PerturbLocalityPlot::csv() const
{
    if (m_compareMode) {
        // One column of shares per kind; an unavailable kind's column stays empty.
        QString out = QStringLiteral("hops");
        size_t rows = 0;
        for (const KindProfile &kind : m_kinds) {
            out += QLatin1Char(',') + QString(kind.name).replace(QLatin1Char(','), QLatin1Char(' '));
            if (kind.available)
                rows = std::max(rows, kind.profile.bins.size());
        }
        out += QLatin1Char('\n');
        for (size_t h = 0; h < rows; ++h) {
            out += QString::number(h);
            for (const KindProfile &kind : m_kinds) {
                out += QLatin1Char(',');
                if (kind.available)
                    out += QString::number(h < kind.profile.bins.size() ? kind.profile.bins[h].sq_share : 0.0, 'g', 17);
            }
            out += QLatin1Char('\n');
        }
        return out;
    }
    QString out = QStringLiteral("hops,max_abs_dL,share_sq_norm,changed_entries\n");
    for (const auto &b : m_profile.bins)
        out += QStringLiteral("%1,%2,%3,%4\n").arg(b.hops).arg(b.max_abs, 0, 'g', 17).arg(b.sq_share, 0, 'g', 17).arg(b.entries);
    if (m_profile.unreachable_sq_share > 0)
        out += QStringLiteral("unreachable,,%1,\n").arg(m_profile.unreachable_sq_share, 0, 'g', 17);
    return out;
}

void PerturbLocalityPlot::retranslateUi()
{
    PerturbPlot::retranslateUi();
    xAxis->setLabel(tr("hop distance from the perturbed entry"));
    const bool inverse = showsInverse();
    if (m_compareMode)
        yAxis->setLabel(tr("% of ‖Δ‖² at h hops"));
    else
        yAxis->setLabel(inverse ? tr("max |ΔR|") : tr("max |ΔL|"));
    yAxis2->setLabel(inverse ? tr("% of ‖ΔR‖²") : tr("% of ‖ΔL‖²"));
    m_max->setName(inverse ? tr("max |ΔR|") : tr("max |ΔL|"));
    m_share->setName(inverse ? tr("‖ΔR‖² at h hops") : tr("‖ΔL‖² at h hops"));
    m_beyond->setName(inverse ? tr("‖ΔR‖² beyond h hops") : tr("‖ΔL‖² beyond h hops"));
    m_fieldLabel->setText(tr("receptive field of a %1-layer GNN").arg(m_k));
    refreshComparison();
    m_title->setText(headline());
}

} // namespace fs::ui
