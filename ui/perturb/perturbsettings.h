#pragma once

#include <QSettings>

namespace fs::ui {

// The perturbation explorer's persisted preferences.
class PerturbSettings
{
public:
    /// Whether the perturbation view overlays the locality profiles of every factor kind.
    bool compareKinds() const;
    void setCompareKinds(bool on);

private:
    QSettings m_settings;
};

} // namespace fs::ui
