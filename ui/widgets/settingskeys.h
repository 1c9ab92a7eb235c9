#pragma once
// Every QSettings key the program uses, in one place, so renaming or migrating a key cannot miss a
// reader somewhere else.

namespace fs::ui::SettingsKeys {

inline constexpr char RecentFiles[] = "files/recent";
inline constexpr char Language[] = "view/language";
inline constexpr char SpyColorMode[] = "view/spyColorMode";
inline constexpr char WindowGeometry[] = "window/geometry";
inline constexpr char WindowState[] = "window/state";
inline constexpr char CollectionBaseUrl[] = "collection/baseUrl";
inline constexpr char PerturbCompareKinds[] = "perturb/compareKinds";
inline constexpr char TrainingModel[] = "training/model";
inline constexpr char TrainingDataset[] = "training/dataset";
inline constexpr char TrainingEpochs[] = "training/epochs";
inline constexpr char TrainingDevice[] = "training/device";
inline constexpr char TrainingLatent[] = "training/gcvae/latent";
inline constexpr char TrainingBeta[] = "training/gcvae/beta";
inline constexpr char TrainingSamples[] = "training/gcvae/samples";
inline constexpr char TrainingResidualWeight[] = "training/gcvae/residualWeight";
inline constexpr char TrainingCosineAxis[] = "training/cosineAxis";
inline constexpr char TrainingLaunchMode[] = "training/launchMode";
inline constexpr char SlurmPartition[] = "slurm/partition";
inline constexpr char SlurmTime[] = "slurm/time";
inline constexpr char SlurmExtra[] = "slurm/extraArguments";
inline constexpr char SlurmGres[] = "slurm/gres";
inline constexpr char SlurmRanks[] = "slurm/ranks";
inline constexpr char SlurmTasks[] = "slurm/tasks";

} // namespace fs::ui::SettingsKeys
