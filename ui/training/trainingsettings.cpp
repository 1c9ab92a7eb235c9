#include "training/trainingsettings.h"

#include "widgets/settingskeys.h"

namespace fs::ui {

TrainingConfig TrainingSettings::launcher(const TrainingConfig &defaults) const
{
    TrainingConfig config = defaults;
    dataset::RunConfig &c = config.core;
    const auto text = [this](const char *key, const std::string &fallback) {
        const QString value = m_settings.value(key, QString::fromStdString(fallback)).toString();
        return value.isEmpty() ? fallback : value.toStdString();
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
    const std::string model = text(SettingsKeys::TrainingModel, c.model);
    if (TrainingConfig::models().contains(QString::fromStdString(model)))
        c.model = model;
    c.dataset =
        m_settings.value(SettingsKeys::TrainingDataset, QString::fromStdString(c.dataset)).toString().toStdString();
    c.epochs = integer(SettingsKeys::TrainingEpochs, c.epochs, 1);
    c.device = text(SettingsKeys::TrainingDevice, c.device);
    c.latent = integer(SettingsKeys::TrainingLatent, c.latent, 1);
    c.beta = real(SettingsKeys::TrainingBeta, c.beta);
    c.samples = integer(SettingsKeys::TrainingSamples, c.samples, 1);
    c.residual_weight = real(SettingsKeys::TrainingResidualWeight, c.residual_weight);
    return config;
}

void TrainingSettings::setLauncher(const TrainingConfig &config)
{
    const dataset::RunConfig &c = config.core;
    m_settings.setValue(SettingsKeys::TrainingModel, QString::fromStdString(c.model));
    m_settings.setValue(SettingsKeys::TrainingDataset, QString::fromStdString(c.dataset));
    m_settings.setValue(SettingsKeys::TrainingEpochs, c.epochs);
    m_settings.setValue(SettingsKeys::TrainingDevice, QString::fromStdString(c.device));
    m_settings.setValue(SettingsKeys::TrainingLatent, c.latent);
    m_settings.setValue(SettingsKeys::TrainingBeta, c.beta);
    m_settings.setValue(SettingsKeys::TrainingSamples, c.samples);
    m_settings.setValue(SettingsKeys::TrainingResidualWeight, c.residual_weight);
}

bool TrainingSettings::logDistanceAxis() const
{
    return m_settings.value(SettingsKeys::TrainingCosineAxis).toString() == QLatin1String("log-distance");
}

void TrainingSettings::setLogDistanceAxis(bool on)
{
    m_settings.setValue(SettingsKeys::TrainingCosineAxis, on ? QStringLiteral("log-distance") : QStringLiteral("cosine"));
}

} // namespace fs::ui
