#pragma once

#include "spycolormode.h"
#include "trainingrun.h"

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

    /// Where the SuiteSparse collection is fetched from; empty means the public server.
    QString collectionBaseUrl() const;
    void setCollectionBaseUrl(const QString &url);

    /// Whether the perturbation view overlays the locality profiles of every factor kind.
    bool perturbCompareKinds() const;
    void setPerturbCompareKinds(bool on);

    /// The training launcher's last settings (model, dataset, epochs, device, the gcvae keys) over
    /// `defaults`; settings never stored keep the default's value.
    TrainingConfig trainingLauncher(const TrainingConfig &defaults) const;
    void setTrainingLauncher(const TrainingConfig &config);

private:
    QSettings m_settings;
};

QString languageCode(Language language);
Language languageFromCode(const QString &code);

} // namespace fs::ui
