#include "bench/benchchart.h"

#include "bench/benchtablemodel.h"

#include <QEvent>

#include <algorithm>

namespace fs::ui {

namespace {

using fs::bench::Category;

// Figure 2's categories first; "not SPD" is kept apart at the end because nothing was compared.
constexpr std::array<Category, fs::bench::CategoryCount> kOrder = {
    Category::KoptOnly, Category::KoptFewer, Category::Tie,   Category::Ic0Fewer,
    Category::Ic0Only,  Category::BothFailed, Category::NotSpd};

QColor colorOf(Category c)
{
    switch (c) {
    case Category::KoptOnly: return QColor(0x1b, 0x5e, 0x20);
    case Category::KoptFewer: return QColor(0x43, 0xa0, 0x47);
    case Category::Tie: return QColor(0x90, 0xa4, 0xae);
    case Category::Ic0Fewer: return QColor(0x1e, 0x88, 0xe5);
    case Category::Ic0Only: return QColor(0x0d, 0x47, 0xa1);
    case Category::BothFailed: return QColor(0xc6, 0x28, 0x28);
    case Category::NotSpd: return QColor(0xbd, 0xbd, 0xbd);
    }
    return Qt::gray;
}

} // namespace

BenchChart::BenchChart(QWidget *parent)
    : QCustomPlot(parent)
    , m_bars(nullptr)
    , m_title(new QCPTextElement(this))
{
    setObjectName(QStringLiteral("BenchChart"));
    plotLayout()->insertRow(0);
    plotLayout()->addElement(0, 0, m_title);
    QFont titleFont = font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    // One bar object per category so each gets its colour.
    for (std::size_t i = 0; i < kOrder.size(); ++i) {
        auto *bars = new QCPBars(xAxis, yAxis);
        bars->setWidth(0.7);
        bars->setPen(Qt::NoPen);
        bars->setBrush(colorOf(kOrder[i]));
        // The matrices within noise: the same colour, hatched, stacked on top.
        auto *hatched = new QCPBars(xAxis, yAxis);
        hatched->setWidth(0.7);
        hatched->setPen(QPen(colorOf(kOrder[i]), 1.0));
        hatched->setBrush(QBrush(colorOf(kOrder[i]), Qt::BDiagPattern));
        hatched->moveAbove(bars);
        m_solid.append(bars);
        m_hatched.append(hatched);
        auto *label = new QCPItemText(this);
        label->setPositionAlignment(Qt::AlignHCenter | Qt::AlignBottom);
        label->position->setType(QCPItemPosition::ptPlotCoords);
        label->setClipToAxisRect(false);
        m_labels.append(label);
        if (!m_bars)
            m_bars = bars;
    }
    QFont tickFont = font();
    tickFont.setPointSizeF(tickFont.pointSizeF() * 0.78);
    xAxis->setTickLabelFont(tickFont);
    xAxis->grid()->setVisible(false);
    xAxis->setTickLabelRotation(0);
    xAxis->setRange(0.4, kOrder.size() + 0.6);
    yAxis->grid()->setSubGridVisible(false);
    yAxis->setTicker(QSharedPointer<QCPAxisTickerFixed>::create());
    m_legendNote = new QCPItemText(this);
    m_legendNote->setPositionAlignment(Qt::AlignRight | Qt::AlignTop);
    m_legendNote->position->setType(QCPItemPosition::ptAxisRectRatio);
    m_legendNote->position->setCoords(0.99, 0.02);
    m_legendNote->setFont(tickFont);
    retranslateUi();
}

void BenchChart::setCounts(const std::array<int, fs::bench::CategoryCount> &counts,
                           const std::array<int, fs::bench::CategoryCount> &noise)
{
    m_counts = counts;
    m_noise = noise;
    refresh();
}

void BenchChart::refresh()
{
    int maximum = 1;
    for (std::size_t i = 0; i < kOrder.size(); ++i) {
        const int count = m_counts[std::size_t(kOrder[i])];
        maximum = std::max(maximum, count);
        const int noisy = std::min(count, m_noise[std::size_t(kOrder[i])]);
        m_solid[qsizetype(i)]->data()->clear();
        m_solid[qsizetype(i)]->addData(double(i + 1), double(count - noisy));
        m_hatched[qsizetype(i)]->data()->clear();
        m_hatched[qsizetype(i)]->addData(double(i + 1), double(noisy));
        m_labels[qsizetype(i)]->position->setCoords(double(i + 1), double(count));
        m_labels[qsizetype(i)]->setText(QString::number(count));
    }
    int noisyTotal = 0;
    for (int c : m_noise)
        noisyTotal += c;
    m_legendNote->setText(noisyTotal > 0 ? tr("hatched: %n within noise (IC(0) and K-optimal ranges overlap)", nullptr, noisyTotal)
                                         : QString());
    const int step = maximum <= 10 ? 1 : maximum <= 25 ? 5 : 10;
    qSharedPointerCast<QCPAxisTickerFixed>(yAxis->ticker())->setTickStep(step);
    yAxis->setRange(0, maximum * 1.18 + 0.5);
    replot(QCustomPlot::rpQueuedReplot);
}

void BenchChart::retranslateUi()
{
    m_title->setText(tr("Figure 2: matrices per category (K-optimal vs IC(0))"));
    yAxis->setLabel(tr("Matrices"));
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    for (std::size_t i = 0; i < kOrder.size(); ++i)
        ticker->addTick(double(i + 1), BenchTableModel::categoryName(kOrder[i]).replace(QLatin1Char(' '), QLatin1Char('\n')));
    xAxis->setTicker(ticker);
    refresh();
}

void BenchChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QCustomPlot::changeEvent(event);
}

} // namespace fs::ui
