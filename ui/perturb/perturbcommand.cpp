#include "perturb/perturbcommand.h"

#include <QCoreApplication>

namespace fs::ui {

PerturbCommand::PerturbCommand(const PerturbEdit &before, const PerturbEdit &after, int dragId, Apply apply)
    : m_before(before)
    , m_after(after)
    , m_dragId(dragId)
    , m_apply(std::move(apply))
{
    updateText();
}

void PerturbCommand::undo()
{
    m_apply(m_before);
}

void PerturbCommand::redo()
{
    m_apply(m_after);
}

bool PerturbCommand::mergeWith(const QUndoCommand *other)
{
    const auto *next = static_cast<const PerturbCommand *>(other);
    if (m_dragId == 0 || next->m_dragId != m_dragId)
        return false;
    m_after = next->m_after;
    updateText();
    return true;
}

void PerturbCommand::updateText()
{
    if (m_after.row < 0) {
        setText(QCoreApplication::translate("fs::ui::PerturbCommand", "Reset perturbation"));
        return;
    }
    setText(QCoreApplication::translate("fs::ui::PerturbCommand", "Perturb A(%1, %2) by %3")
                .arg(m_after.row + 1)
                .arg(m_after.col + 1)
                .arg(m_after.delta, 0, 'g', 4));
}

} // namespace fs::ui
