#include "bench/benchdetail.h"

#include "widgets/customplot.h"
#include "pattern/spyplot.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <algorithm>
#include <cmath>

namespace fs::ui {

namespace {

using fs::precond::PrecondKind;

QColor methodColor(PrecondKind m)
{
    switch (m) {
    case PrecondKind::None: return QColor(0x75, 0x75, 0x75);
    case PrecondKind::Jacobi: return QColor(0xfb, 0x8c, 0x00);
    case PrecondKind::Ic0: return QColor(0x1e, 0x88, 0xe5);
    case PrecondKind::Kopt: return QColor(0x2e, 0x7d, 0x32);
    case PrecondKind::Spai: return QColor(0x8e, 0x24, 0xaa);
    case PrecondKind::Fsai: return QColor(0xc6, 0x28, 0x28);
    case PrecondKind::Cholesky: break; // not a benchmark method
    }
    return Qt::black;
}

QString methodLabel(PrecondKind m)
{
    switch (m) {
    case PrecondKind::None: return BenchDetail::tr("none");
    case PrecondKind::Jacobi: return BenchDetail::tr("Jacobi");
    case PrecondKind::Ic0: return BenchDetail::tr("IC(0)");
    case PrecondKind::Kopt: return BenchDetail::tr("K-optimal");
    case PrecondKind::Spai: return BenchDetail::tr("SPAI");
    case PrecondKind::Fsai: return BenchDetail::tr("FSAI");
    case PrecondKind::Cholesky: break; // not a benchmark method
    }
    return {};
}

} // namespace

BenchDetail::BenchDetail(QWidget *parent)
    : QWidget(parent)
    , m_title(new QLabel)
    , m_factorNote(new QLabel)
    , m_spyA(new SpyPlot)
    , m_spyKopt(new SpyPlot)
    , m_spyIc0(new SpyPlot)
    , m_curves(new QCustomPlot)
    , m_open(new QPushButton)
{
    setObjectName(QStringLiteral("BenchDetail"));
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_factorNote->setStyleSheet(QStringLiteral("color: palette(mid)"));

    auto *header = new QHBoxLayout;
    header->addWidget(m_title, 1);
    header->addWidget(m_factorNote);
    header->addWidget(m_open);

    auto *patterns = new QHBoxLayout;
    for (SpyPlot *spy : {m_spyA, m_spyKopt, m_spyIc0}) {
        spy->setMinimumSize(160, 160);
        // Three patterns side by side leave little room: a thin colour bar without text.
        spy->colorScale()->setBarWidth(6);
        spy->colorScale()->axis()->setTickLabels(false);
        QFont tickFont = spy->xAxis->tickLabelFont();
        tickFont.setPointSizeF(tickFont.pointSizeF() * 0.8);
        spy->xAxis->setTickLabelFont(tickFont);
        spy->yAxis->setTickLabelFont(tickFont);
        patterns->addWidget(spy, 1);
    }
    patterns->addWidget(m_curves, 2);

    m_curves->yAxis->setScaleType(QCPAxis::stLogarithmic);
    m_curves->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    m_curves->yAxis->setNumberFormat(QStringLiteral("eb"));
    m_curves->yAxis->setNumberPrecision(0);
    m_curves->legend->setVisible(true);
    m_curves->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_curves->legend->setFont(small);
    for (PrecondKind m : fs::bench::AllMethods) {
        QCPGraph *g = m_curves->addGraph();
        g->setPen(QPen(methodColor(m), 1.6));
    }

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addLayout(header);
    layout->addLayout(patterns, 1);

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (!m_path.isEmpty())
            Q_EMIT openInPerturbView(m_path);
    });
    connect(&m_watcher, &QFutureWatcher<BenchFactors>::finished, this, &BenchDetail::showFactors);
    retranslateUi();
    setRecord(nullptr);
}

BenchDetail::~BenchDetail()
{
    m_watcher.waitForFinished();
}

void BenchDetail::setRecord(const BenchRecord *record)
{
    const QString path = record ? QString::fromStdString(record->outcome.file) : QString();
    m_open->setEnabled(!path.isEmpty());
    m_title->setText(record ? tr("%1 (n = %2)").arg(QString::fromStdString(record->outcome.name))
                                  .arg(record->outcome.n)
                            : tr("Select a matrix in the table"));
    showCurves(record);
    if (path == m_path)
        return;
    m_path = path;
    for (SpyPlot *spy : {m_spyA, m_spyKopt, m_spyIc0})
        spy->setDocument(nullptr);
    m_factorNote->clear();
    m_factorsWanted = !path.isEmpty() && record->outcome.kind == "spd";
    if (!m_factorsWanted)
        return;
    m_pendingSettings = record->settings;
    if (m_watcher.isRunning()) {
        // The running computation is for another matrix; showFactors() starts the current one.
        m_factorNote->setText(tr("Computing factors…"));
        return;
    }
    m_pendingPath = path;
    m_factorNote->setText(tr("Computing factors…"));
    const QString settings = record->settings;
    m_watcher.setFuture(QtConcurrent::run([path, settings] { return computeBenchFactors(path, settings); }));
}

void BenchDetail::showFactors()
{
    const BenchFactors f = m_watcher.result();
    if (m_pendingPath != m_path) {
        // The selection moved on while this ran: compute for the current one instead.
        if (!m_factorsWanted)
            return;
        m_pendingPath = m_path;
        const QString path = m_path;
        const QString settings = m_pendingSettings;
        m_watcher.setFuture(QtConcurrent::run([path, settings] { return computeBenchFactors(path, settings); }));
        return;
    }
    m_spyA->setDocument(f.a);
    m_spyKopt->setDocument(f.kopt);
    m_spyIc0->setDocument(f.ic0);
    QStringList notes;
    if (!f.error.isEmpty())
        notes << f.error;
    if (f.a && !f.kopt)
        notes << tr("K-optimal factor not available");
    if (f.a && !f.ic0)
        notes << tr("IC(0) broke down");
    m_factorNote->setText(notes.join(QStringLiteral("; ")));
}

void BenchDetail::waitForFactors()
{
    while (m_watcher.isRunning()) {
        m_watcher.waitForFinished();
        QCoreApplication::processEvents();
    }
    QCoreApplication::processEvents();
}

void BenchDetail::showCurves(const BenchRecord *record)
{
    double maxIt = 1;
    double lo = 1e-10;
    for (PrecondKind m : fs::bench::AllMethods) {
        QCPGraph *g = m_curves->graph(int(m));
        g->data()->clear();
        g->setName(methodLabel(m));
        if (!record || record->outcome.kind != "spd")
            continue;
        const auto &r = record->outcome.at(m);
        const auto &h = r.history;
        QVector<double> x, y;
        for (std::size_t k = 0; k < h.size(); ++k) {
            if (!(h[k] > 0) || !std::isfinite(h[k]))
                continue;
            x.append(double(k));
            y.append(h[k]);
            lo = std::min(lo, h[k]);
        }
        g->setData(x, y, true);
        maxIt = std::max(maxIt, double(h.size()));
        if (!r.converged)
            g->setName(tr("%1 (failed)").arg(methodLabel(m)));
    }
    m_curves->xAxis->setRange(0, maxIt);
    m_curves->yAxis->setRange(lo / 3, 10);
    m_curves->replot(QCustomPlot::rpQueuedReplot);
}

void BenchDetail::retranslateUi()
{
    m_open->setText(tr("Open in perturb view"));
    m_curves->xAxis->setLabel(tr("PCG iteration"));
    m_curves->yAxis->setLabel(tr("Relative residual"));
    for (SpyPlot *spy : {m_spyA, m_spyKopt, m_spyIc0}) {
        spy->xAxis->setLabel(QString());
        spy->yAxis->setLabel(QString());
        spy->colorScale()->axis()->setLabel(QString());
    }
    m_spyA->setToolTip(tr("Pattern of A"));
    m_spyKopt->setToolTip(tr("Pattern of the K-optimal factor"));
    m_spyIc0->setToolTip(tr("Pattern of the IC(0) factor"));
    m_curves->replot(QCustomPlot::rpQueuedReplot);
}

void BenchDetail::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace fs::ui
