#include "perturblocalityplot.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace fs::ui {

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

void PerturbLocalityPlot::setProfile(const fs::factor::LocalityProfile &profile)
{
    m_profile = profile;
    refresh();
}

void PerturbLocalityPlot::setLayers(int k)
{
    m_k = std::clamp(k, 1, fs::factor::kShareBeyondMax);
    retranslateUi();
    refresh();
}

double PerturbLocalityPlot::shareBeyond() const
{
    return m_profile.share_beyond[size_t(m_k - 1)];
}

QString PerturbLocalityPlot::headline() const
{
    if (m_profile.total_sq <= 0)
        return tr("No change in L");
    return tr("%1 % of the change lies beyond %2 hops").arg(100.0 * shareBeyond(), 0, 'f', 1).arg(m_k);
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
    m_title->setText(headline());
    replot(rpQueuedReplot);
}

QString PerturbLocalityPlot::csv() const
{
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
    yAxis->setLabel(tr("max |ΔL|"));
    yAxis2->setLabel(tr("% of ‖ΔL‖²"));
    m_max->setName(tr("max |ΔL|"));
    m_share->setName(tr("‖ΔL‖² at h hops"));
    m_beyond->setName(tr("‖ΔL‖² beyond h hops"));
    m_fieldLabel->setText(tr("receptive field of a %1-layer GNN").arg(m_k));
    m_title->setText(headline());
}

} // namespace fs::ui
