#pragma once
// The one way ui/ includes QCustomPlot. Its header spells `signals:` and `foreach`, which the
// project's QT_NO_KEYWORDS removes, so they are mapped to the macro forms just for this header.

#include <QtGlobal>

#pragma push_macro("signals")
#pragma push_macro("foreach")
#undef signals
#undef foreach
#define signals Q_SIGNALS
#define foreach Q_FOREACH
#include <qcustomplot.h>
#pragma pop_macro("foreach")
#pragma pop_macro("signals")
