#pragma once

#include <perturb/outcome.h>

#include <QString>

namespace fs::ui {

// How a classified perturbation outcome is worded: the banner's sentence about the perturbation
// `where` ("A(2, 3) += 0.5"), or the short reason a comparison legend shows next to a kind.
enum class OutcomeWording { Sentence, Reason };

/// The words for a failed outcome (empty for Ok), in the current language.
QString describeOutcome(const fs::perturb::Outcome &outcome, OutcomeWording wording, const QString &where = {});

} // namespace fs::ui
