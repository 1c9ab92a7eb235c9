// A run's config.json as the trainer reads it on --resume: JSON, then every key checked. Only
// ConfigError and JSON errors may come out.
#include "dataset/run_config.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const std::string_view text(reinterpret_cast<const char *>(data), size);
    try {
        fs::dataset::RunConfig config;
        config.apply(nlohmann::json::parse(text));
        config.validate();
        fs::dataset::RunConfig again;
        again.apply(config.to_json());
    } catch (const fs::dataset::ConfigError &) {
    } catch (const nlohmann::json::exception &) {
    }
    return 0;
}
