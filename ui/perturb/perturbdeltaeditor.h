#pragma once

#include <QWidget>

class QDoubleSpinBox;
class QLabel;
class QSlider;

namespace fs::ui {

// δ as a spin box and a slider on a symmetric log scale: the slider covers 1e-6 … 1e2 in both
// signs with zero in the middle, so one drag sweeps both tiny and large perturbations.
class PerturbDeltaEditor : public QWidget
{
    Q_OBJECT

public:
    explicit PerturbDeltaEditor(QWidget *parent = nullptr);

    double value() const;
    /// Sets δ without emitting deltaEdited (undo/redo and programmatic changes).
    void setValue(double delta);
    bool isDragging() const;
    QSlider *slider() const { return m_slider; }
    QDoubleSpinBox *spinBox() const { return m_spin; }

    static double sliderToDelta(int position);
    static int deltaToSlider(double delta);
    static constexpr int SliderHalfRange = 1000;

Q_SIGNALS:
    /// The user changed δ; `dragging` is true while the slider is held.
    void deltaEdited(double delta, bool dragging);
    void dragFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_label;
    QDoubleSpinBox *m_spin;
    QSlider *m_slider;
    bool m_updating = false;
};

} // namespace fs::ui
