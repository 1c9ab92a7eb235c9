#pragma once
// Settings of one training run: the schema lives in core/dataset (dataset/run_config.h) so that the
// trainer, the command line and the GUI read and write the same keys.

#include "dataset/run_config.h"

namespace fs::learn {

using TrainConfig = dataset::RunConfig;
using dataset::ConfigError;

} // namespace fs::learn
