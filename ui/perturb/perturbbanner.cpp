#include "perturb/perturbbanner.h"

namespace fs::ui {

PerturbBanner::PerturbBanner(QWidget *parent)
    : QLabel(parent)
{
    setWordWrap(true);
    setTextFormat(Qt::PlainText);
    setVisible(false);
    setMargin(6);
}

void PerturbBanner::showMessage(Level level, const QString &text)
{
    m_level = level;
    // Fixed colours rather than palette roles: the meaning must survive any theme.
    static const char *const styles[] = {
        "background:#e8f1fb; color:#17324d; border:1px solid #9cc0e6; border-radius:3px;",
        "background:#fff4e0; color:#5a3b00; border:1px solid #f0b44c; border-radius:3px;",
        "background:#c62828; color:white; font-weight:bold; border-radius:3px;",
    };
    setStyleSheet(QLatin1String(styles[int(level)]));
    setText(text);
    setVisible(true);
}

void PerturbBanner::clearMessage()
{
    clear();
    setVisible(false);
}

} // namespace fs::ui
