#include "training/trainingeval.h"

#include "training/gcvaeeval.h"

#include <QCoreApplication>

#include <cmath>
#include <limits>

namespace fs::ui {

namespace {

QString cosCell(double value)
{
    return std::isnan(value) ? QStringLiteral("–") : QString::number(value, 'f', 4);
}

QString pcgCell(const std::map<std::string, dataset::PcgOutcome> &pcg, const char *method)
{
    const auto it = pcg.find(method);
    if (it == pcg.end())
        return QStringLiteral("–");
    if (!it->second.converged)
        return !it->second.failure.empty() ? QString::fromStdString(it->second.failure).toHtmlEscaped()
                                           : TrainingEval::tr("no convergence");
    return QString::number(it->second.iterations);
}

} // namespace

QString TrainingEval::html(const QJsonObject &eval)
{
    const dataset::EvalReport report = GcvaeEval::parse(eval);
    if (report.kind == dataset::EvalKind::Gcvae)
        return gcvaeHtml(GcvaeEval::fromReport(report));
    if (report.samples.empty())
        return tr("No evaluation yet: eval.json is written when a run finishes.");
    QString html = QStringLiteral("<p>%1</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>")
                       .arg(tr("Mean cosine similarity on the test set: %1").arg(cosCell(report.mean_cos)));
    for (const QString &head : {tr("Matrix"), tr("n"), tr("cos (learned)"), tr("cos (K-optimal)"), tr("cos (IC(0))"),
                                tr("PCG learned"), tr("PCG K-optimal"), tr("PCG IC(0)"), tr("PCG none")})
        html += QStringLiteral("<th>%1</th>").arg(head);
    html += QStringLiteral("</tr>");
    for (const dataset::EvalSample &s : report.samples) {
        html += QStringLiteral("<tr><td>%1</td><td align=\"right\">%2</td>")
                    .arg(QString::fromStdString(s.name).toHtmlEscaped())
                    .arg(s.n);
        for (const QString &cell : {cosCell(s.cos), cosCell(s.cos_kopt), cosCell(s.cos_ic0),
                                    pcgCell(s.pcg, "predicted"), pcgCell(s.pcg, "kopt"), pcgCell(s.pcg, "ic0"),
                                    pcgCell(s.pcg, "none")})
            html += QStringLiteral("<td align=\"right\">%1</td>").arg(cell);
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

QString TrainingEval::gcvaeHtml(const GcvaeEval &eval)
{
    if (eval.samples.isEmpty())
        return tr("The evaluation holds no test matrices.");
    const QStringList methods = eval.methods();
    const QStringList residuals = {QStringLiteral("sampled"), QStringLiteral("mean"), eval.target};
    const auto th = [](const QString &text, int span = 1, int rows = 1) {
        return QStringLiteral("<th colspan=\"%1\" rowspan=\"%2\">%3</th>").arg(span).arg(rows).arg(text);
    };
    const auto td = [](const QString &text) { return QStringLiteral("<td align=\"right\">%1</td>").arg(text); };
    // The summary line with the Jacobi ratio stands above the chart next to this table.
    QString html = QStringLiteral("<p>%1</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\"><tr>")
                       .arg((eval.isFsai() ? tr("Per test matrix: K-condition number of G A Gᵀ for each G, PCG "
                                                "iterations with M⁻¹ = GᵀG (✗ = did not converge, with the "
                                                "iterations done) and nonzeros of each preconditioner.")
                                           : tr("Per test matrix: residual of each R, PCG iterations (✗ = did not "
                                                "converge, with the iterations done) and nonzeros of each "
                                                "preconditioner."))
                                .toHtmlEscaped());
    html += th(tr("Matrix"), 1, 2) + th(tr("n"), 1, 2) + th(tr("cos (sampled)"), 1, 2)
            + th(eval.isFsai() ? tr("K(GAGᵀ)") : tr("‖I − AR‖<sub>F</sub>"), int(residuals.size())) + th(tr("PCG iterations"), int(methods.size()))
            + th(tr("Nonzeros of the preconditioner"), int(methods.size())) + QStringLiteral("</tr><tr>");
    for (const QString &r : residuals)
        html += th(GcvaeEval::methodLabel(r).toHtmlEscaped());
    for (int group = 0; group < 2; ++group) {
        for (const QString &m : methods)
            html += th(GcvaeEval::methodLabel(m).toHtmlEscaped());
    }
    html += QStringLiteral("</tr>");
    for (const GcvaeSample &s : eval.samples) {
        html += QStringLiteral("<tr><td>%1</td>").arg(s.name.toHtmlEscaped()) + td(QString::number(s.n))
                + td(cosCell(s.cos));
        for (const QString &r : residuals)
            html += td(s.residual.contains(r) ? QString::number(s.residual.value(r), 'g', 4) : QStringLiteral("–"));
        for (const QString &m : methods) {
            const auto it = s.pcg.constFind(m);
            if (it == s.pcg.cend())
                html += td(QStringLiteral("–"));
            else if (it->converged)
                html += td(QString::number(it->iterations));
            else
                html += td(QStringLiteral("<font color=\"#b22222\">✗ %1 (%2)</font>")
                               .arg(GcvaeEval::failureText(it->failure).toHtmlEscaped())
                               .arg(it->iterations));
        }
        for (const QString &m : methods)
            html += td(s.nnz.contains(m) ? QString::number(s.nnz.value(m)) : QStringLiteral("–"));
        html += QStringLiteral("</tr>");
    }
    return html + QStringLiteral("</table>");
}

} // namespace fs::ui
