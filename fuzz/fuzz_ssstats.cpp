// The collection index parser: bad lines become issues, never exceptions, and every record it
// keeps has sizes that are not negative.
#include "sources/ssstats.h"

#include <cstdint>
#include <cstdlib>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const fs::sources::SsIndex index =
        fs::sources::parse_ssstats_text(std::string_view(reinterpret_cast<const char *>(data), size));
    for (const fs::sources::SsRecord &r : index.records)
        if (r.rows < 0 || r.cols < 0 || r.nnz < 0)
            std::abort();
    return 0;
}
