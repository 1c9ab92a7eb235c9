#pragma once

#include <QString>
#include <QSettings>

namespace fs::ui {

// The collection browser's persisted preferences.
class CollectionSettings
{
public:
    /// Where the SuiteSparse collection is fetched from; empty means the public server.
    QString baseUrl() const;
    void setBaseUrl(const QString &url);

private:
    QSettings m_settings;
};

} // namespace fs::ui
