#pragma once

#include "perturb/plots/perturbplot.h"

#include <perturb/delta.h>

#include <QList>

namespace fs::ui {

// One kind's profile in the comparison: its name and either the profile or why it is missing.
struct KindProfile {
    QString name;
    bool available = false;
    QString reason; ///< why not available (failure or "computing"), shown in the legend
    fs::perturb::LocalityProfile profile;
};

// The locality profile (brief §4): max |ΔL| (left, log) and share of ‖ΔL‖² (right, bars) against hop
// distance from the perturbed entry, with the receptive field of a k-layer GNN shaded and the share
// of the change it cannot see as the headline. In compare mode it overlays instead the share of
// ‖Δ‖² per hop of every factor kind for the same perturbation, one coloured line each.
class PerturbLocalityPlot : public PerturbPlot
{
    Q_OBJECT

public:
    explicit PerturbLocalityPlot(QWidget *parent = nullptr);

    void setProfile(const fs::perturb::LocalityProfile &profile);
    const fs::perturb::LocalityProfile &profile() const { return m_profile; }
    void setLayers(int k);
    int layers() const { return m_k; }
    /// Share of ‖ΔL‖² beyond k hops (0..1), what the headline states.
    double shareBeyond() const;
    QString headline() const;

    /// Switches between the current kind's profile and the overlay of all kinds.
    void setCompareMode(bool on);
    bool compareMode() const { return m_compareMode; }
    /// The profiles overlaid in compare mode, in the order given (one graph each).
    void setComparison(const QList<KindProfile> &kinds);
    const QList<KindProfile> &comparison() const { return m_kinds; }
    /// The graphs of the overlay (one per kind of setComparison, hidden outside compare mode).
    const QList<QCPGraph *> &compareGraphs() const { return m_compareGraphs; }

    QString figureName() const override { return QStringLiteral("locality-profile"); }
    QString csv() const override;
    QCPBars *shareBars() const { return m_share; }
    QCPGraph *maxGraph() const { return m_max; }

protected:
    void retranslateUi() override;

private:
    void refresh();
    void refreshComparison();

    QCPBars *m_share;
    QCPGraph *m_max;
    QCPGraph *m_beyond;
    QCPItemRect *m_field;
    QCPItemText *m_fieldLabel;
    QCPTextElement *m_title;
    fs::perturb::LocalityProfile m_profile;
    int m_k = 7;
    bool m_compareMode = false;
    QList<KindProfile> m_kinds;
    QList<QCPGraph *> m_compareGraphs;
};

} // namespace fs::ui
