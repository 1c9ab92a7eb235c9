#include "trainingeval.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace fs::ui {

namespace {

QString cosCell(const QJsonValue &value)
{
    return value.isDouble() ? QString::number(value.toDouble(), 'f', 4) : QStringLiteral("–");
}

} // namespace

QString TrainingEval::pcgCell(const QJsonObject &pcg, const char *method)
{
    const QJsonObject o = pcg.value(QLatin1String(method)).toObject();
    if (o.isEmpty())
        return QStringLiteral("–");
    if (!o.value(QStringLiteral("converged")).toBool(false))
        return o.contains(QStringLiteral("failure")) ? o.value(QStringLiteral("failure")).toString().toHtmlEscaped()
                                                     : tr("no convergence");
    return QString::number(o.value(QStringLiteral("iterations")).toInt());
}

QString TrainingEval::html(const QJsonObject &eval)
{
    const QJsonArray samples = eval.value(QStringLiteral("samples")).toArray();
    if (samples.isEmpty())
        return tr("No evaluation yet: eval.json is written when a run finishes.");
    QString html = QStringLiteral("<p>%1</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>")
                       .arg(tr("Mean cosine similarity on the test set: %1")
                                .arg(cosCell(eval.value(QStringLiteral("summary")).toObject().value(QStringLiteral("mean_cos")))));
    for (const QString &head : {tr("Matrix"), tr("n"), tr("cos (learned)"), tr("cos (K-optimal)"), tr("cos (IC(0))"),
                                tr("PCG learned"), tr("PCG K-optimal"), tr("PCG IC(0)"), tr("PCG none")})
        html += QStringLiteral("<th>%1</th>").arg(head);
    html += QStringLiteral("</tr>");
    for (const QJsonValue &value : samples) {
        const QJsonObject s = value.toObject();
        const QJsonObject pcg = s.value(QStringLiteral("pcg")).toObject();
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td>")
                    .arg(s.value(QStringLiteral("name")).toString().toHtmlEscaped())
                    .arg(s.value(QStringLiteral("n")).toInt());
        for (const QString &cell : {cosCell(s.value(QStringLiteral("cos"))), cosCell(s.value(QStringLiteral("cos_kopt"))),
                                    cosCell(s.value(QStringLiteral("cos_ic0"))), pcgCell(pcg, "predicted"),
                                    pcgCell(pcg, "kopt"), pcgCell(pcg, "ic0"), pcgCell(pcg, "none")})
            html += QStringLiteral("<td align=\"right\">%1</td>").arg(cell);
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace fs::ui
