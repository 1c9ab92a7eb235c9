#pragma once

#include <QUndoCommand>

#include <functional>

namespace fs::ui {

// The perturbation a document shows: δ added at (row, col) and its mirror. row < 0: none chosen.
struct PerturbEdit {
    int row = -1;
    int col = -1;
    double delta = 0.0;

    bool operator==(const PerturbEdit &) const = default;
};

// One edit of the perturbation. Commands of the same slider drag carry the same drag id and merge,
// so a whole drag undoes in one step.
class PerturbCommand : public QUndoCommand
{
public:
    using Apply = std::function<void(const PerturbEdit &)>;

    PerturbCommand(const PerturbEdit &before, const PerturbEdit &after, int dragId, Apply apply);

    void undo() override;
    void redo() override;
    int id() const override { return Id; }
    bool mergeWith(const QUndoCommand *other) override;

    const PerturbEdit &after() const { return m_after; }

private:
    void updateText();

    static constexpr int Id = 0x7045;
    PerturbEdit m_before;
    PerturbEdit m_after;
    int m_dragId; // 0: not part of a drag, never merges
    Apply m_apply;
};

} // namespace fs::ui
