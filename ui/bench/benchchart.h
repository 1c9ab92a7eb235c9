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

    void setCounts(const std::array<int, fs::bench::CategoryCount> &counts);
    const std::array<int, fs::bench::CategoryCount> &counts() const { return m_counts; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void refresh();

    QCPBars *m_bars;
    QCPTextElement *m_title;
    QList<QCPItemText *> m_labels;
    std::array<int, fs::bench::CategoryCount> m_counts{};
};

} // namespace fs::ui
