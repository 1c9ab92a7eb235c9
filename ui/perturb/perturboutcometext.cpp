#include "perturb/perturboutcometext.h"

#include <QCoreApplication>

namespace fs::ui {

namespace {

// The words keep the perturbation view's catalogue context, where they have always been translated.
QString sentence(const fs::perturb::Outcome &o, const QString &where)
{
    const QString detail = QString::fromStdString(o.reason);
    switch (o.status) {
    case fs::perturb::Status::Ok:
        return {};
    case fs::perturb::Status::Refused:
        return QCoreApplication::translate("fs::ui::PerturbView", "%1 refused: the matrix would no longer be positive definite.").arg(where);
    case fs::perturb::Status::Breakdown:
        return QCoreApplication::translate("fs::ui::PerturbView", "%1: IC(0) breaks down at pivot %2 (not positive).").arg(where).arg(o.column + 1);
    case fs::perturb::Status::TooLarge:
        return QCoreApplication::translate("fs::ui::PerturbView", "K-optimal refuses this matrix: it is too large (%1).").arg(detail);
    case fs::perturb::Status::NotPositiveDefinite:
        return QCoreApplication::translate("fs::ui::PerturbView", "%1: the factorisation failed, the matrix is not positive definite (%2).").arg(where, detail);
    case fs::perturb::Status::Failed:
        break;
    }
    return QCoreApplication::translate("fs::ui::PerturbView", "%1 failed: %2").arg(where, detail);
}

QString reason(const fs::perturb::Outcome &o)
{
    switch (o.status) {
    case fs::perturb::Status::Ok:
        return {};
    case fs::perturb::Status::Refused:
        return QCoreApplication::translate("fs::ui::PerturbView", "refused, A would not stay positive definite");
    case fs::perturb::Status::Breakdown:
        return QCoreApplication::translate("fs::ui::PerturbView", "breaks down at pivot %1").arg(o.column + 1);
    case fs::perturb::Status::TooLarge:
        return QCoreApplication::translate("fs::ui::PerturbView", "matrix too large");
    case fs::perturb::Status::NotPositiveDefinite:
        return QCoreApplication::translate("fs::ui::PerturbView", "not positive definite");
    case fs::perturb::Status::Failed:
        break;
    }
    QString detail = QString::fromStdString(o.reason);
    if (detail.size() > 60)
        detail = detail.left(59) + QChar(0x2026);
    return QCoreApplication::translate("fs::ui::PerturbView", "failed (%1)").arg(detail);
}

} // namespace

QString describeOutcome(const fs::perturb::Outcome &outcome, OutcomeWording wording, const QString &where)
{
    return wording == OutcomeWording::Sentence ? sentence(outcome, where) : reason(outcome);
}

} // namespace fs::ui
