#include "perturb/plots/perturbdiagplot.h"

#include <cmath>
#include <limits>

namespace fs::ui {

PerturbDiagPlot::PerturbDiagPlot(QWidget *parent)
    : PerturbPlot(parent)
    , m_graph(addGraph())
    , m_title(new QCPTextElement(this))
{
    setObjectName(QStringLiteral("diagPlot"));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    m_graph->setPen(QPen(QColor(31, 119, 180), 1.5));
    m_graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 3));
    retranslateUi();
}

void PerturbDiagPlot::setDiagonalChange(const std::vector<double> &diagByRow)
{
    m_diag = diagByRow;
    refresh();
}

void PerturbDiagPlot::setLogScale(bool log)
{
    m_log = log;
    yAxis->setScaleType(log ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    yAxis->setTicker(log ? QSharedPointer<QCPAxisTicker>(new QCPAxisTickerLog) : QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    if (log)
        yAxis->setNumberFormat(QStringLiteral("eb"));
    else
        yAxis->setNumberFormat(QStringLiteral("gb"));
    refresh();
}

void PerturbDiagPlot::setCaption(const QString &caption)
{
    m_caption = caption;
    retranslateUi();
    queueReplot();
}

void PerturbDiagPlot::refresh()
{
    const int n = int(m_diag.size());
    QVector<double> x(n), y(n);
    double lo = std::numeric_limits<double>::infinity(), hi = 0;
    for (int i = 0; i < n; ++i) {
        x[i] = i + 1;
        const double v = std::abs(m_diag[size_t(i)]);
        // A log axis cannot show an unchanged entry; leave a gap instead of a bogus point.
        y[i] = m_log && v <= 0 ? std::numeric_limits<double>::quiet_NaN() : v;
        if (v > 0) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    }
    m_graph->setData(x, y, true);
    setMarkers(m_graph, QCPScatterStyle(QCPScatterStyle::ssDisc, 3), n);
    xAxis->setRange(0.5, std::max(1, n) + 0.5);
    if (hi <= 0)
        yAxis->setRange(m_log ? 1e-16 : 0.0, 1.0);
    else if (m_log)
        yAxis->setRange(std::min(std::max(lo, hi * 1e-17), hi / 100) / 2, hi * 2);
    else
        yAxis->setRange(0, hi * 1.08);
    queueReplot();
}

QString PerturbDiagPlot::csv() const
{
    QString out = showsInverse() ? QStringLiteral("i,dR_ii\n") : QStringLiteral("i,dL_ii\n");
    for (size_t i = 0; i < m_diag.size(); ++i)
        out += QStringLiteral("%1,%2\n").arg(i + 1).arg(m_diag[i], 0, 'g', 17);
    return out;
}

void PerturbDiagPlot::retranslateUi()
{
    PerturbPlot::retranslateUi();
    xAxis->setLabel(tr("row i"));
    yAxis->setLabel(showsInverse() ? tr("|ΔR_ii|") : tr("|ΔL_ii|"));
    const QString title = showsInverse() ? tr("Change of the diagonal of R") : tr("Change of the diagonal of L");
    m_title->setText(m_caption.isEmpty() ? title : m_caption);
}

} // namespace fs::ui
