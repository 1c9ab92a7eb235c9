#pragma once

#include "perturbplot.h"

#include <factor/delta.h>

namespace fs::ui {

// The locality profile (brief §4): max |ΔL| (left, log) and share of ‖ΔL‖² (right, bars) against hop
// distance from the perturbed entry, with the receptive field of a k-layer GNN shaded and the share
// of the change it cannot see as the headline.
class PerturbLocalityPlot : public PerturbPlot
{
    Q_OBJECT

public:
    explicit PerturbLocalityPlot(QWidget *parent = nullptr);

    void setProfile(const fs::factor::LocalityProfile &profile);
    const fs::factor::LocalityProfile &profile() const { return m_profile; }
    void setLayers(int k);
    int layers() const { return m_k; }
    /// Share of ‖ΔL‖² beyond k hops (0..1), what the headline states.
    double shareBeyond() const;
    QString headline() const;

    QString figureName() const override { return QStringLiteral("locality-profile"); }
    QString csv() const override;
    QCPBars *shareBars() const { return m_share; }
    QCPGraph *maxGraph() const { return m_max; }

protected:
    void retranslateUi() override;

private:
    void refresh();

    QCPBars *m_share;
    QCPGraph *m_max;
    QCPGraph *m_beyond;
    QCPItemRect *m_field;
    QCPItemText *m_fieldLabel;
    QCPTextElement *m_title;
    fs::factor::LocalityProfile m_profile;
    int m_k = 7;
};

} // namespace fs::ui
