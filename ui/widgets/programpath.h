#pragma once

#include <QString>

namespace fs::ui {

/// A program of the project (factorscope-train, factorscope-cli): beside the GUI binary, in its
/// build layout (app/gui/factorscope next to app/factorscope-cli), in a trainer-only build's
/// app/train, or on PATH; empty if none.
QString findProgram(const QString &name);

} // namespace fs::ui
