#include "appsettings.h"

#include "settingskeys.h"

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

QString AppSettings::collectionBaseUrl() const
{
    return m_settings.value(SettingsKeys::CollectionBaseUrl).toString();
}

void AppSettings::setCollectionBaseUrl(const QString &url)
{
    m_settings.setValue(SettingsKeys::CollectionBaseUrl, url);
}

TrainingConfig AppSettings::trainingLauncher(const TrainingConfig &defaults) const
{
    TrainingConfig c = defaults;
    const auto text = [this](const char *key, const QString &fallback) {
        const QString value = m_settings.value(key, fallback).toString();
        return value.isEmpty() ? fallback : value;
    };
    // A stored value of the wrong type (a hand-edited file) falls back like a missing one.
    const auto integer = [this](const char *key, int fallback, int low) {
        bool ok = false;
        const int value = m_settings.value(key, fallback).toInt(&ok);
        return ok && value >= low ? value : fallback;
    };
    const auto real = [this](const char *key, double fallback) {
        bool ok = false;
        const double value = m_settings.value(key, fallback).toDouble(&ok);
        return ok && value >= 0.0 ? value : fallback;
    };
    const QString model = text(SettingsKeys::TrainingModel, c.model);
    if (TrainingConfig::models().contains(model))
        c.model = model;
    c.dataset = m_settings.value(SettingsKeys::TrainingDataset, c.dataset).toString();
    c.epochs = integer(SettingsKeys::TrainingEpochs, c.epochs, 1);
    c.device = text(SettingsKeys::TrainingDevice, c.device);
    c.latent = integer(SettingsKeys::TrainingLatent, c.latent, 1);
    c.beta = real(SettingsKeys::TrainingBeta, c.beta);
    c.samples = integer(SettingsKeys::TrainingSamples, c.samples, 1);
    c.residualWeight = real(SettingsKeys::TrainingResidualWeight, c.residualWeight);
    return c;
}

void AppSettings::setTrainingLauncher(const TrainingConfig &config)
{
    m_settings.setValue(SettingsKeys::TrainingModel, config.model);
    m_settings.setValue(SettingsKeys::TrainingDataset, config.dataset);
    m_settings.setValue(SettingsKeys::TrainingEpochs, config.epochs);
    m_settings.setValue(SettingsKeys::TrainingDevice, config.device);
    m_settings.setValue(SettingsKeys::TrainingLatent, config.latent);
    m_settings.setValue(SettingsKeys::TrainingBeta, config.beta);
    m_settings.setValue(SettingsKeys::TrainingSamples, config.samples);
    m_settings.setValue(SettingsKeys::TrainingResidualWeight, config.residualWeight);
}

bool AppSettings::perturbCompareKinds() const
{
    return m_settings.value(SettingsKeys::PerturbCompareKinds, false).toBool();
}

void AppSettings::setPerturbCompareKinds(bool on)
{
    m_settings.setValue(SettingsKeys::PerturbCompareKinds, on);
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
