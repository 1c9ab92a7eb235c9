#include "training/trainingsettings.h"

#include "widgets/settingskeys.h"

namespace fs::ui {

TrainingConfig TrainingSettings::launcher(const TrainingConfig &defaults) const
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

void TrainingSettings::setLauncher(const TrainingConfig &config)
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

} // namespace fs::ui
