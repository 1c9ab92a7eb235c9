// A dataset's manifest.json: parsed with the pair checks, or refused with DatasetError.
#include "dataset/dataset.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    try {
        const fs::dataset::Manifest m =
            fs::dataset::parse_manifest(std::string_view(reinterpret_cast<const char *>(data), size), "fuzz");
        for (const auto *split : {&m.train, &m.test})
            for (const fs::dataset::SampleRef &s : *split)
                if (s.A.empty() || s.L.empty() || s.A.front() == '/' || s.L.front() == '/')
                    std::abort(); // a sample file outside the dataset folder got through
    } catch (const fs::dataset::DatasetError &) {
    }
    return 0;
}
