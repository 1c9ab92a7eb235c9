#include "app/appsettings.h"

#include "widgets/settingskeys.h"

#include <QFileInfo>

namespace fs::ui {

AppSettings::AppSettings() = default;

QStringList AppSettings::recentFiles() const
{
    return m_settings.value(SettingsKeys::RecentFiles).toStringList();
}

void AppSettings::setRecentFiles(const QStringList &files)
{
    m_settings.setValue(SettingsKeys::RecentFiles, files.mid(0, MaxRecentFiles));
}

void AppSettings::addRecentFile(const QString &path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = recentFiles();
    files.removeAll(absolute);
    files.prepend(absolute);
    setRecentFiles(files);
}

void AppSettings::removeRecentFile(const QString &path)
{
    QStringList files = recentFiles();
    files.removeAll(path);
    setRecentFiles(files);
}

Language AppSettings::language() const
{
    return languageFromCode(m_settings.value(SettingsKeys::Language).toString());
}

void AppSettings::setLanguage(Language language)
{
    m_settings.setValue(SettingsKeys::Language, languageCode(language));
}

SpyColorMode AppSettings::spyColorMode() const
{
    return m_settings.value(SettingsKeys::SpyColorMode).toString() == QLatin1String("maxabs") ? SpyColorMode::MaxAbs
                                                                                             : SpyColorMode::Count;
}

void AppSettings::setSpyColorMode(SpyColorMode mode)
{
    m_settings.setValue(SettingsKeys::SpyColorMode,
                        mode == SpyColorMode::MaxAbs ? QStringLiteral("maxabs") : QStringLiteral("count"));
}

QByteArray AppSettings::windowGeometry() const
{
    return m_settings.value(SettingsKeys::WindowGeometry).toByteArray();
}

void AppSettings::setWindowGeometry(const QByteArray &geometry)
{
    m_settings.setValue(SettingsKeys::WindowGeometry, geometry);
}

QByteArray AppSettings::windowState() const
{
    return m_settings.value(SettingsKeys::WindowState).toByteArray();
}

void AppSettings::setWindowState(const QByteArray &state)
{
    m_settings.setValue(SettingsKeys::WindowState, state);
}

// Stored as codes rather than enum integers so a reordered enum cannot silently switch languages.
QString languageCode(Language language)
{
    switch (language) {
    case Language::English: return QStringLiteral("en");
    case Language::German: return QStringLiteral("de");
    case Language::Russian: return QStringLiteral("ru");
    case Language::System: break;
    }
    return QStringLiteral("system");
}

Language languageFromCode(const QString &code)
{
    if (code == QLatin1String("en"))
        return Language::English;
    if (code == QLatin1String("de"))
        return Language::German;
    if (code == QLatin1String("ru"))
        return Language::Russian;
    return Language::System;
}

} // namespace fs::ui
