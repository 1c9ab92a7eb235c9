// One line of the trainer's JSON stream, as the dashboard reads every line a trainer prints: it
// is an epoch, a final status or malformed, and an epoch line written back reads the same.
#include "dataset/stream_line.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fs::dataset::StreamLine line =
        fs::dataset::parse_stream_line(std::string_view(reinterpret_cast<const char *>(data), size));
    if (const auto *epoch = std::get_if<fs::dataset::EpochLine>(&line)) {
        const std::string again = fs::dataset::to_json(*epoch).dump();
        const fs::dataset::StreamLine back = fs::dataset::parse_stream_line(again);
        const auto *reread = std::get_if<fs::dataset::EpochLine>(&back);
        if (!reread || reread->epoch != epoch->epoch)
            std::abort();
    }
    return 0;
}
