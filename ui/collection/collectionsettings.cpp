#include "collection/collectionsettings.h"

#include "widgets/settingskeys.h"

namespace fs::ui {

QString CollectionSettings::baseUrl() const
{
    return m_settings.value(SettingsKeys::CollectionBaseUrl).toString();
}

void CollectionSettings::setBaseUrl(const QString &url)
{
    m_settings.setValue(SettingsKeys::CollectionBaseUrl, url);
}

} // namespace fs::ui
