#include "document/matrixloader.h"
#include "pattern/spyplot.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <cmath>

using fs::sparse::BinWindow;
using fs::ui::MatrixDocumentPtr;
using fs::ui::SpyHover;
using fs::ui::SpyPlot;

namespace {

MatrixDocumentPtr loadThroughLoader(const QString &path)
{
    fs::ui::MatrixLoader loader;
    MatrixDocumentPtr result;
    QObject::connect(&loader, &fs::ui::MatrixLoader::loaded, [&result](const MatrixDocumentPtr &doc) { result = doc; });
    loader.load(path);
    loader.waitForIdle();
    return result;
}

// Counted straight from the matrix, independently of bin_pattern.
qint64 nonzerosInside(const fs::sparse::Matrix &A, const BinWindow &w)
{
    qint64 n = 0;
    for (int c = 0; c < A.outerSize(); ++c) {
        for (fs::sparse::Matrix::InnerIterator it(A, c); it; ++it) {
            if (it.col() >= w.col_begin && it.col() < w.col_end && it.row() >= w.row_begin && it.row() < w.row_end)
                ++n;
        }
    }
    return n;
}

double colorMapSum(const QCPColorMap *map)
{
    double sum = 0;
    QCPColorMapData *data = map->data();
    for (int x = 0; x < data->keySize(); ++x) {
        for (int y = 0; y < data->valueSize(); ++y) {
            const double v = data->cell(x, y);
            if (!std::isnan(v))
                sum += v;
        }
    }
    return sum;
}

SpyHover hoverAt(SpyPlot &plot, const QPointF &pos)
{
    QSignalSpy spy(&plot, &SpyPlot::hoverChanged);
    QMouseEvent move(QEvent::MouseMove, pos, plot.mapToGlobal(pos), Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QCoreApplication::sendEvent(&plot, &move);
    return spy.isEmpty() ? SpyHover() : spy.constLast().at(0).value<SpyHover>();
}

} // namespace

class TestSpyPlot : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        m_bus = loadThroughLoader(QStringLiteral(FS_BENCHMARK_DIR "/494_bus.mtx.gz"));
        QVERIFY(m_bus);
        QCOMPARE(m_bus->matrix.rows(), 494);
    }

    void init()
    {
        m_plot = std::make_unique<SpyPlot>();
        m_plot->resize(800, 800);
        m_plot->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_plot.get()));
        m_plot->setDocument(m_bus);
        m_plot->rebinNow();
    }

    void cleanup() { m_plot.reset(); }

    void wholeMatrixCountsSumToNnz()
    {
        const auto &bins = m_plot->bins();
        QCOMPARE(bins.total, m_bus->matrix.nonZeros());
        QCOMPARE(bins.window.row_end, 494);
        QCOMPARE(bins.window.col_end, 494);
        QCOMPARE(m_plot->colorMap()->data()->keySize(), bins.bins_x);
        QCOMPARE(m_plot->colorMap()->data()->valueSize(), bins.bins_y);
        QCOMPARE(qint64(colorMapSum(m_plot->colorMap())), m_bus->matrix.nonZeros());
    }

    void binsFollowPixelResolution()
    {
        // 494 rows on a ~700-pixel axis: one bin per matrix row, never more.
        QCOMPARE(m_plot->bins().bins_y, 494);
        m_plot->resize(300, 300);
        m_plot->rebinNow();
        QVERIFY(m_plot->bins().bins_y < 300);
        QVERIFY(m_plot->bins().bins_y > 100);
        QCOMPARE(m_plot->bins().total, m_bus->matrix.nonZeros());
    }

    void squareMatrixHasSquareCells()
    {
        m_plot->resize(900, 500);
        m_plot->resetZoom();
        const double dx = std::abs(m_plot->xAxis->coordToPixel(2) - m_plot->xAxis->coordToPixel(1));
        const double dy = std::abs(m_plot->yAxis->coordToPixel(2) - m_plot->yAxis->coordToPixel(1));
        QVERIFY2(std::abs(dx - dy) < 1e-6, qPrintable(QString("%1 vs %2").arg(dx).arg(dy)));
        // The whole matrix stays visible.
        const BinWindow w = m_plot->visibleWindow();
        QCOMPARE(w.row_begin, 0);
        QCOMPARE(w.row_end, 494);
    }

    void resizeKeepsWholeMatrixFitted()
    {
        m_plot->resetZoom();
        for (const QSize size : {QSize(1200, 500), QSize(500, 1100), QSize(700, 650)}) {
            m_plot->resize(size);
            QCoreApplication::processEvents();
        }
        const QCPRange x = m_plot->xAxis->range();
        const QCPRange y = m_plot->yAxis->range();
        m_plot->resetZoom();
        QCOMPARE(m_plot->xAxis->range().size(), x.size());
        QCOMPARE(m_plot->yAxis->range().size(), y.size());
        // One of the two axes is tight around the matrix.
        QVERIFY(qFuzzyCompare(x.size(), 494.0) || qFuzzyCompare(y.size(), 494.0));
    }

    void resizeKeepsZoomedCentre()
    {
        m_plot->showWindow({100, 150, 200, 250});
        const double centreX = m_plot->xAxis->range().center();
        m_plot->resize(1000, 700);
        QCoreApplication::processEvents();
        QCOMPARE(m_plot->xAxis->range().center(), centreX);
        QVERIFY(m_plot->visibleWindow().row_end - m_plot->visibleWindow().row_begin < 200);
    }

    void rowsGoDownward()
    {
        QVERIFY(m_plot->yAxis->coordToPixel(1) < m_plot->yAxis->coordToPixel(494));
        QVERIFY(m_plot->xAxis->coordToPixel(1) < m_plot->xAxis->coordToPixel(494));
    }

    void zoomRebinsWindow_data()
    {
        QTest::addColumn<int>("rowBegin");
        QTest::addColumn<int>("rowEnd");
        QTest::addColumn<int>("colBegin");
        QTest::addColumn<int>("colEnd");
        QTest::newRow("top left") << 0 << 50 << 0 << 50;
        QTest::newRow("middle") << 200 << 300 << 180 << 320;
        QTest::newRow("off diagonal") << 0 << 100 << 300 << 494;
        QTest::newRow("single cell") << 10 << 11 << 10 << 11;
    }

    void zoomRebinsWindow()
    {
        QFETCH(int, rowBegin);
        QFETCH(int, rowEnd);
        QFETCH(int, colBegin);
        QFETCH(int, colEnd);
        m_plot->showWindow({rowBegin, rowEnd, colBegin, colEnd});
        QTRY_VERIFY(!m_plot->isRebinPending());
        const auto &bins = m_plot->bins();
        // Square cells may widen one direction, never cut the requested window.
        QVERIFY(bins.window.row_begin <= rowBegin && bins.window.row_end >= rowEnd);
        QVERIFY(bins.window.col_begin <= colBegin && bins.window.col_end >= colEnd);
        QVERIFY(bins.total < m_bus->matrix.nonZeros());
        QCOMPARE(bins.total, nonzerosInside(m_bus->matrix, bins.window));
        QCOMPARE(qint64(colorMapSum(m_plot->colorMap())),
                 bins.total * (bins.bins_x == 1 ? 2 : 1) * (bins.bins_y == 1 ? 2 : 1));
    }

    void wheelZoomRebins()
    {
        const QPointF centre = m_plot->axisRect()->rect().center();
        for (int i = 0; i < 5; ++i) {
            QWheelEvent wheel(centre, m_plot->mapToGlobal(centre), QPoint(), QPoint(0, 120), Qt::NoButton,
                              Qt::NoModifier, Qt::NoScrollPhase, false);
            QCoreApplication::sendEvent(m_plot.get(), &wheel);
        }
        QVERIFY(m_plot->isRebinPending());
        QTRY_VERIFY(!m_plot->isRebinPending());
        const auto &bins = m_plot->bins();
        QVERIFY(bins.window.row_end - bins.window.row_begin < 494 / 2);
        QCOMPARE(bins.total, nonzerosInside(m_bus->matrix, bins.window));
        QCOMPARE(qint64(colorMapSum(m_plot->colorMap())), bins.total);

        m_plot->resetZoom();
        QTRY_VERIFY(!m_plot->isRebinPending());
        QCOMPARE(m_plot->bins().total, m_bus->matrix.nonZeros());
    }

    void dragPansAndRebins()
    {
        m_plot->showWindow({100, 200, 100, 200});
        m_plot->rebinNow();
        const BinWindow before = m_plot->bins().window;
        const QPointF start = m_plot->axisRect()->rect().center();
        const QPointF end = start + QPointF(-200, -150);
        const auto send = [this](QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent event(type, pos, m_plot->mapToGlobal(pos), button, buttons, Qt::NoModifier);
            QCoreApplication::sendEvent(m_plot.get(), &event);
        };
        send(QEvent::MouseButtonPress, start, Qt::LeftButton, Qt::LeftButton);
        send(QEvent::MouseMove, (start + end) / 2, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseMove, end, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, end, Qt::LeftButton, Qt::NoButton);
        QTRY_VERIFY(!m_plot->isRebinPending());
        const BinWindow after = m_plot->bins().window;
        // Dragging up and left reveals later rows and columns.
        QVERIFY(after.col_begin > before.col_begin);
        QVERIFY(after.row_begin > before.row_begin);
        QCOMPARE(m_plot->bins().total, nonzerosInside(m_bus->matrix, after));
    }

    void shiftDragZoomsToRectangle()
    {
        const QPointF from = m_plot->positionOfCell(100, 200);
        const QPointF to = m_plot->positionOfCell(160, 240);
        const auto send = [this](QEvent::Type type, QPointF pos, Qt::MouseButton button, Qt::MouseButtons buttons) {
            QMouseEvent event(type, pos, m_plot->mapToGlobal(pos), button, buttons, Qt::ShiftModifier);
            QCoreApplication::sendEvent(m_plot.get(), &event);
        };
        send(QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
        send(QEvent::MouseMove, to, Qt::NoButton, Qt::LeftButton);
        send(QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
        QTRY_VERIFY(!m_plot->isRebinPending());
        const BinWindow w = m_plot->bins().window;
        // The rectangle is kept whole; square cells may widen one side.
        QVERIFY2(w.row_begin <= 100 && w.row_end >= 161 && w.col_begin <= 200 && w.col_end >= 241,
                 qPrintable(QString("%1-%2 x %3-%4").arg(w.row_begin).arg(w.row_end).arg(w.col_begin).arg(w.col_end)));
        QVERIFY(w.row_end - w.row_begin < 80);
        QCOMPARE(m_plot->bins().total, nonzerosInside(m_bus->matrix, w));
    }

    void zoomingOutStopsAtWholeMatrix()
    {
        m_plot->resetZoom();
        const QCPRange fitted = m_plot->yAxis->range();
        m_plot->zoomBy(8.0);
        QTRY_VERIFY(!m_plot->isRebinPending());
        QCOMPARE(m_plot->visibleWindow().row_begin, 0);
        QCOMPARE(m_plot->visibleWindow().row_end, 494);
        QCOMPARE(m_plot->yAxis->range().lower, fitted.lower);
        QCOMPARE(m_plot->yAxis->range().upper, fitted.upper);
    }

    void colourByMagnitude()
    {
        m_plot->setColorMode(fs::ui::SpyColorMode::MaxAbs);
        m_plot->rebinNow();
        const auto &bins = m_plot->bins();
        QCPColorMapData *data = m_plot->colorMap()->data();
        QCOMPARE(data->keySize(), bins.bins_x);
        double largest = 0;
        for (int y = 0; y < bins.bins_y; ++y) {
            for (int x = 0; x < bins.bins_x; ++x) {
                const std::size_t bin = std::size_t(y) * bins.bins_x + x;
                const double cell = data->cell(x, y);
                if (bins.counts[bin] == 0) {
                    QVERIFY(std::isnan(cell));
                } else {
                    QCOMPARE(cell, bins.max_abs[bin]);
                    largest = std::max(largest, cell);
                }
            }
        }
        double matrixMax = 0;
        for (int k = 0; k < m_bus->matrix.nonZeros(); ++k)
            matrixMax = std::max(matrixMax, std::abs(m_bus->matrix.valuePtr()[k]));
        QCOMPARE(largest, matrixMax);
        QCOMPARE(m_plot->colorScale()->dataRange().upper, matrixMax);
        QVERIFY(m_plot->colorScale()->axis()->label().contains("value"));

        m_plot->setColorMode(fs::ui::SpyColorMode::Count);
        QCOMPARE(qint64(colorMapSum(m_plot->colorMap())), m_bus->matrix.nonZeros());
    }

    void hoverReportsStoredEntry_data()
    {
        QTest::addColumn<int>("column");
        QTest::newRow("first column") << 0;
        QTest::newRow("column 100") << 100;
        QTest::newRow("last column") << 493;
    }

    void hoverReportsStoredEntry()
    {
        QFETCH(int, column);
        // The last stored entry of the column: off the diagonal where one exists.
        const auto &A = m_bus->matrix;
        int row = -1;
        double value = 0;
        for (fs::sparse::Matrix::InnerIterator it(A, column); it; ++it) {
            row = it.row();
            value = it.value();
        }
        QVERIFY(row >= 0);
        const SpyHover hover = hoverAt(*m_plot, m_plot->positionOfCell(row, column));
        QVERIFY(hover.valid);
        QCOMPARE(hover.row, row + 1);
        QCOMPARE(hover.col, column + 1);
        QVERIFY(hover.singleCell);
        QCOMPARE(hover.count, 1);
        QCOMPARE(hover.value, value);
        QVERIFY(SpyPlot::hoverText(hover).contains(QString::number(row + 1)));
    }

    void hoverReportsEmptyCell()
    {
        const auto &A = m_bus->matrix;
        QCOMPARE(A.coeff(0, 493), 0.0);
        const SpyHover hover = hoverAt(*m_plot, m_plot->positionOfCell(0, 493));
        QVERIFY(hover.valid);
        QCOMPARE(hover.row, 1);
        QCOMPARE(hover.col, 494);
        QCOMPARE(hover.count, 0);
        QVERIFY(SpyPlot::hoverText(hover).contains("not stored"));
    }

    void hoverOnCoarseBinsReportsCount()
    {
        m_plot->resize(260, 260);
        m_plot->rebinNow();
        QVERIFY(m_plot->bins().bins_x < 494);
        const SpyHover hover = hoverAt(*m_plot, m_plot->positionOfCell(250, 250));
        QVERIFY(hover.valid);
        QVERIFY(!hover.singleCell);
        QVERIFY(hover.firstRow <= 251 && hover.lastRow >= 251);
        const BinWindow bin{hover.firstRow - 1, hover.lastRow, hover.firstCol - 1, hover.lastCol};
        QCOMPARE(hover.count, nonzerosInside(m_bus->matrix, bin));
        QVERIFY(hover.count > 0);
    }

    void hoverOutsideMatrixIsInvalid()
    {
        QVERIFY(!hoverAt(*m_plot, QPointF(2, 2)).valid);
    }

    void emptyAndTinyMatrices()
    {
        m_plot->setDocument(nullptr);
        QCOMPARE(m_plot->bins().total, 0);
        QVERIFY(!hoverAt(*m_plot, m_plot->rect().center()).valid);

        const auto pi = loadThroughLoader(QStringLiteral(FS_BENCHMARK_DIR "/pi.mtx.gz"));
        QVERIFY(pi);
        m_plot->setDocument(pi);
        QCOMPARE(m_plot->bins().total, 1);
        const SpyHover hover = hoverAt(*m_plot, m_plot->positionOfCell(0, 0));
        QVERIFY(hover.valid && hover.singleCell);
        QCOMPARE(hover.value, pi->matrix.coeff(0, 0));
    }

    void rectangularMatrixKeepsSquareCells()
    {
        const auto ash = loadThroughLoader(QStringLiteral(FS_TEST_DATA_DIR "/suitesparse/ash219.mtx"));
        QVERIFY(ash);
        QCOMPARE(ash->matrix.cols(), 85);
        m_plot->setDocument(ash);
        const BinWindow w = m_plot->visibleWindow();
        QCOMPARE(w.row_end, 219);
        QCOMPARE(w.col_end, 85);
        const double dx = std::abs(m_plot->xAxis->coordToPixel(2) - m_plot->xAxis->coordToPixel(1));
        const double dy = std::abs(m_plot->yAxis->coordToPixel(2) - m_plot->yAxis->coordToPixel(1));
        QVERIFY(std::abs(dx - dy) < 1e-6);
        QCOMPARE(m_plot->bins().total, ash->matrix.nonZeros());
    }

    // Re-binning cost follows the nonzeros in view and the pixels, not one marker per nonzero.
    void largeMatrixRebinsQuickly()
    {
        const int n = 1'000'000;
        const int perColumn = 10;
        auto doc = std::make_shared<fs::ui::MatrixDocument>();
        doc->filePath = QStringLiteral("band.mtx");
        auto &A = doc->matrix;
        A.resize(n, n);
        A.resizeNonZeros(Eigen::Index(n) * perColumn);
        int *outer = A.outerIndexPtr();
        int *inner = A.innerIndexPtr();
        double *values = A.valuePtr();
        for (int c = 0; c <= n; ++c)
            outer[c] = c * perColumn;
        for (int c = 0; c < n; ++c) {
            const int first = std::clamp(c - perColumn / 2, 0, n - perColumn);
            for (int k = 0; k < perColumn; ++k) {
                inner[c * perColumn + k] = first + k;
                values[c * perColumn + k] = 1.0;
            }
        }
        QCOMPARE(A.nonZeros(), Eigen::Index(n) * perColumn);

        QElapsedTimer timer;
        timer.start();
        m_plot->setDocument(doc);
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
        const qint64 wholeMs = timer.elapsed();
        QCOMPARE(m_plot->bins().total, A.nonZeros());
        QVERIFY(m_plot->colorMap()->data()->keySize() <= 2 * m_plot->width());

        timer.restart();
        m_plot->showWindow({400'000, 400'100, 400'000, 400'100});
        m_plot->rebinNow();
        m_plot->replot(QCustomPlot::rpImmediateRefresh);
        const qint64 zoomedMs = timer.elapsed();
        QCOMPARE(m_plot->bins().total, nonzerosInside(A, m_plot->bins().window));
        qInfo("10^7 nonzeros: whole view %lld ms, 100x100 window %lld ms", wholeMs, zoomedMs);
        QVERIFY2(wholeMs < 5000, "binning 10^7 nonzeros should take well under a second");
        QVERIFY(zoomedMs < 1000);
    }

private:
    MatrixDocumentPtr m_bus;
    std::unique_ptr<SpyPlot> m_plot;
};

QTEST_MAIN(TestSpyPlot)
#include "tst_spyplot.moc"
