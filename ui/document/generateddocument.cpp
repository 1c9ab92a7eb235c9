#include "document/generateddocument.h"

namespace fs::ui {

GeneratedDocument generateDocument(const GeneratorRequest &request)
{
    fs::sparse::GeneratedMatrix g = fs::sparse::generate(request.spec(), request.params);
    auto doc = std::make_shared<MatrixDocument>();
    // Generated matrices have no file; the title stands in for it in titles and lists.
    doc->filePath = QString::fromStdString(fs::sparse::generator_title(request.spec(), request.params));
    doc->matrix = std::move(g.A);
    doc->symmetric = true;
    GeneratedDocument out;
    if (g.exact_L)
        out.exactFactor = std::make_shared<const fs::sparse::Matrix>(std::move(*g.exact_L));
    out.document = std::move(doc);
    return out;
}

} // namespace fs::ui
