#include "perturb/perturbsettings.h"

#include "widgets/settingskeys.h"

namespace fs::ui {

bool PerturbSettings::compareKinds() const
{
    return m_settings.value(SettingsKeys::PerturbCompareKinds, false).toBool();
}

void PerturbSettings::setCompareKinds(bool on)
{
    m_settings.setValue(SettingsKeys::PerturbCompareKinds, on);
}

} // namespace fs::ui
