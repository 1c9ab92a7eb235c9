#pragma once

#include <QLabel>

namespace fs::ui {

// A message strip above the plots. It never takes focus or blocks input, so it can report a
// refused δ while the slider is still being dragged.
class PerturbBanner : public QLabel
{
    Q_OBJECT

public:
    enum class Level { Info, Warning, Error };

    explicit PerturbBanner(QWidget *parent = nullptr);

    void showMessage(Level level, const QString &text);
    void clearMessage();
    Level level() const { return m_level; }

private:
    Level m_level = Level::Info;
};

} // namespace fs::ui
