#pragma once

#include "document/matrixdocument.h"

#include <sparse/generator_spec.h>

#include <memory>

namespace fs::ui {

// Which generator of core/sparse/generator_spec.h to run, with the parameters given for it (the
// others take the spec's defaults).
struct GeneratorRequest {
    fs::sparse::GeneratorKind kind = fs::sparse::GeneratorKind::Counterexample;
    fs::sparse::GeneratorParams params;

    const fs::sparse::GeneratorSpec &spec() const { return fs::sparse::generator_spec(kind); }
};

// A generated matrix as a document, with the exact factor when the generator knows it.
struct GeneratedDocument {
    MatrixDocumentPtr document;
    std::shared_ptr<const fs::sparse::Matrix> exactFactor;
};

/// Runs the generator (fs::sparse::generate) and wraps its matrix as a document named by the
/// request's title ("counterexample n=200"). Throws fs::sparse::GeneratorError for invalid
/// parameters.
GeneratedDocument generateDocument(const GeneratorRequest &request);

} // namespace fs::ui
