#include "perturb/perturbdeltaeditor.h"

#include <QDoubleSpinBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>
#include <QSlider>

#include <cmath>

namespace fs::ui {

namespace {

constexpr double MinExponent = -6.0;
constexpr double MaxExponent = 2.0;
// The few slider steps around the middle all mean δ = 0, so zero is easy to hit by hand.
constexpr int ZeroZone = 10;

} // namespace

PerturbDeltaEditor::PerturbDeltaEditor(QWidget *parent)
    : QWidget(parent)
    , m_label(new QLabel)
    , m_spin(new QDoubleSpinBox)
    , m_slider(new QSlider(Qt::Horizontal))
{
    m_spin->setObjectName(QStringLiteral("deltaSpin"));
    m_slider->setObjectName(QStringLiteral("deltaSlider"));
    m_spin->setDecimals(6);
    m_spin->setRange(-1e6, 1e6);
    m_spin->setStepType(QAbstractSpinBox::AdaptiveDecimalStepType);
    m_spin->setKeyboardTracking(false);
    m_slider->setRange(-SliderHalfRange, SliderHalfRange);
    m_slider->setMinimumWidth(220);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_spin);
    layout->addWidget(m_slider, 1);

    connect(m_slider, &QSlider::valueChanged, this, [this](int position) {
        if (m_updating)
            return;
        const double delta = sliderToDelta(position);
        const QSignalBlocker block(m_spin);
        m_spin->setValue(delta);
        Q_EMIT deltaEdited(delta, m_slider->isSliderDown());
    });
    connect(m_slider, &QSlider::sliderReleased, this, &PerturbDeltaEditor::dragFinished);
    connect(m_spin, &QDoubleSpinBox::valueChanged, this, [this](double delta) {
        if (m_updating)
            return;
        const QSignalBlocker block(m_slider);
        m_slider->setValue(deltaToSlider(delta));
        Q_EMIT deltaEdited(delta, false);
    });
    retranslateUi();
}

double PerturbDeltaEditor::value() const
{
    return m_spin->value();
}

void PerturbDeltaEditor::setValue(double delta)
{
    m_updating = true;
    m_spin->setValue(delta);
    if (!m_slider->isSliderDown())
        m_slider->setValue(deltaToSlider(delta));
    m_updating = false;
}

bool PerturbDeltaEditor::isDragging() const
{
    return m_slider->isSliderDown();
}

double PerturbDeltaEditor::sliderToDelta(int position)
{
    const int magnitude = std::abs(position);
    if (magnitude <= ZeroZone)
        return 0.0;
    const double t = double(magnitude - ZeroZone) / double(SliderHalfRange - ZeroZone);
    const double value = std::pow(10.0, MinExponent + t * (MaxExponent - MinExponent));
    // Round to three significant digits so the spin box shows what the slider means.
    const double scale = std::pow(10.0, std::floor(std::log10(value)) - 2);
    const double rounded = std::round(value / scale) * scale;
    return position < 0 ? -rounded : rounded;
}

int PerturbDeltaEditor::deltaToSlider(double delta)
{
    if (delta == 0.0 || !std::isfinite(delta))
        return 0;
    const double e = std::clamp(std::log10(std::abs(delta)), MinExponent, MaxExponent);
    const int magnitude = ZeroZone + 1
                          + int(std::lround((e - MinExponent) / (MaxExponent - MinExponent)
                                            * (SliderHalfRange - ZeroZone - 1)));
    return delta < 0 ? -std::min(magnitude, SliderHalfRange) : std::min(magnitude, SliderHalfRange);
}

void PerturbDeltaEditor::retranslateUi()
{
    m_label->setText(tr("δ:"));
    m_slider->setToolTip(tr("Drag to change δ on a symmetric logarithmic scale (±10⁻⁶ … ±10²); the middle is 0"));
    m_spin->setToolTip(tr("The perturbation δ added to A(p, q) and A(q, p)"));
}

void PerturbDeltaEditor::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

} // namespace fs::ui
