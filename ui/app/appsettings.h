#pragma once

#include "pattern/spycolormode.h"

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace fs::ui {

enum class Language { System, English, German, Russian };

// Typed access to the persisted preferences; callers never see a key or a QVariant.
class AppSettings
{
public:
    static constexpr int MaxRecentFiles = 10;

    AppSettings();

    QStringList recentFiles() const;
    void setRecentFiles(const QStringList &files);
    /// Moves `path` to the front, dropping duplicates and the oldest beyond MaxRecentFiles.
    void addRecentFile(const QString &path);
    void removeRecentFile(const QString &path);

    Language language() const;
    void setLanguage(Language language);

    SpyColorMode spyColorMode() const;
    void setSpyColorMode(SpyColorMode mode);

    QByteArray windowGeometry() const;
    void setWindowGeometry(const QByteArray &geometry);
    QByteArray windowState() const;
    void setWindowState(const QByteArray &state);

private:
    QSettings m_settings;
};

QString languageCode(Language language);
Language languageFromCode(const QString &code);

} // namespace fs::ui
