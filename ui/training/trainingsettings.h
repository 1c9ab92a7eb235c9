#pragma once

#include "training/trainingrun.h"

#include <QSettings>

namespace fs::ui {

// The training dashboard's persisted launcher settings.
class TrainingSettings
{
public:
    /// The training launcher's last settings (model, dataset, epochs, device, the gcvae keys) over
    /// `defaults`; settings never stored keep the default's value.
    TrainingConfig launcher(const TrainingConfig &defaults) const;
    void setLauncher(const TrainingConfig &config);
    /// The cosine chart's axis: false the linear cosine axis, true "1 - cosine" on a log axis.
    bool logDistanceAxis() const;
    void setLogDistanceAxis(bool on);

private:
    QSettings m_settings;
};

} // namespace fs::ui
