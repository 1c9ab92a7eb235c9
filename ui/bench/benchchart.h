#pragma once

#include "widgets/customplot.h"

#include <bench/outcome.h>

#include <array>

namespace fs::ui {

// Figure 2 of [P1]: how many matrices fall into each category, as labelled bars.
class BenchChart : public QCustomPlot
{
    Q_OBJECT

public:
    explicit BenchChart(QWidget *parent = nullptr);

    /// `noise`: per category, how many of its matrices are within noise; drawn as a hatched top
    /// segment of the bar.
    void setCounts(const std::array<int, fs::bench::CategoryCount> &counts,
                   const std::array<int, fs::bench::CategoryCount> &noise = {});
    const std::array<int, fs::bench::CategoryCount> &counts() const { return m_counts; }
    const std::array<int, fs::bench::CategoryCount> &noiseCounts() const { return m_noise; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();

    QCPBars *m_bars;
    QCPTextElement *m_title;
    QList<QCPItemText *> m_labels;
    QList<QCPBars *> m_solid, m_hatched;
    QCPItemText *m_legendNote = nullptr;
    std::array<int, fs::bench::CategoryCount> m_counts{};
    std::array<int, fs::bench::CategoryCount> m_noise{};
};

} // namespace fs::ui
