#pragma once

#include "perturb/plots/perturbplot.h"

#include <vector>

namespace fs::ui {

// |L'_ii - L_ii| against the row i of A (1-based): the two panels of Figure 1 of [P1].
class PerturbDiagPlot : public PerturbPlot
{
    Q_OBJECT

public:
    explicit PerturbDiagPlot(QWidget *parent = nullptr);

    void setDiagonalChange(const std::vector<double> &diagByRow);
    const std::vector<double> &diagonalChange() const { return m_diag; }
    void setLogScale(bool log);
    bool logScale() const { return m_log; }
    /// Text above the plot, e.g. which matrix and perturbation it shows.
    void setCaption(const QString &caption);

    QString figureName() const override { return QStringLiteral("diagonal-change"); }
    QString csv() const override;
    QCPGraph *graph() const { return m_graph; }

protected:
    void retranslateUi() override;

private:
    void refresh();

    QCPGraph *m_graph;
    QCPTextElement *m_title;
    std::vector<double> m_diag;
    QString m_caption;
    bool m_log = false;
};

} // namespace fs::ui
