#include "training/gcvaeeval.h"

#include <QJsonDocument>

#include <algorithm>
#include <cmath>

namespace fs::ui {

namespace {

PcgSolve solveFromCore(const dataset::PcgOutcome &p)
{
    PcgSolve s;
    s.iterations = p.iterations;
    s.converged = p.converged;
    s.relres = p.relres;
    s.failure = QString::fromStdString(p.failure);
    if (!s.converged && s.failure.isEmpty())
        s.failure = QStringLiteral("max_iterations");
    return s;
}

} // namespace

bool GcvaeEval::isGcvae(const QJsonObject &eval)
{
    return eval.value(QStringLiteral("kind")).toString() == QLatin1String("gcvae");
}

dataset::EvalReport GcvaeEval::parse(const QJsonObject &eval)
{
    return dataset::parse_eval_text(QJsonDocument(eval).toJson(QJsonDocument::Compact).toStdString());
}

GcvaeEval GcvaeEval::fromJson(const QJsonObject &eval)
{
    return fromReport(parse(eval));
}

GcvaeEval GcvaeEval::fromReport(const dataset::EvalReport &report)
{
    GcvaeEval out;
    out.meanCos = report.mean_cos;
    out.target = QString::fromStdString(report.target);
    out.pattern = report.pattern;
    for (const dataset::EvalSample &e : report.samples) {
        GcvaeSample s;
        s.name = QString::fromStdString(e.name);
        s.n = e.n;
        s.cos = e.cos;
        for (const auto &[method, value] : e.residual)
            s.residual.insert(QString::fromStdString(method), value);
        for (const auto &[method, pcg] : e.pcg)
            s.pcg.insert(QString::fromStdString(method), solveFromCore(pcg));
        for (const auto &[method, nnz] : e.nnz)
            s.nnz.insert(QString::fromStdString(method), static_cast<qint64>(nnz));
        out.samples.append(s);
    }
    return out;
}

QStringList GcvaeEval::methods() const
{
    return {QStringLiteral("none"), QStringLiteral("jacobi"), QStringLiteral("ic0"), QStringLiteral("kopt"),
            target, QStringLiteral("mean"), QStringLiteral("sampled")};
}

QString GcvaeEval::methodLabel(const QString &method)
{
    if (method == QLatin1String("none"))
        return tr("none");
    if (method == QLatin1String("jacobi"))
        return tr("Jacobi");
    if (method == QLatin1String("ic0"))
        return tr("IC(0)");
    if (method == QLatin1String("kopt"))
        return tr("K-optimal");
    if (method == QLatin1String("spai"))
        return tr("SPAI");
    if (method == QLatin1String("fsai"))
        return tr("FSAI");
    if (method == QLatin1String("mean"))
        return tr("GCVAE (mean)");
    if (method == QLatin1String("sampled"))
        return tr("GCVAE (sampled)");
    return method;
}

QColor GcvaeEval::methodColor(const QString &method)
{
    // Tableau 10 without its grey, which marks failed solves; the learned methods get the warm end.
    static const QHash<QString, QColor> colors = {
        {QStringLiteral("none"), QColor(0x9c755f)},  {QStringLiteral("jacobi"), QColor(0xf28e2b)},
        {QStringLiteral("ic0"), QColor(0x59a14f)},   {QStringLiteral("kopt"), QColor(0xb07aa1)},
        {QStringLiteral("spai"), QColor(0x4e79a7)},  {QStringLiteral("fsai"), QColor(0x4e79a7)},
        {QStringLiteral("mean"), QColor(0x76b7b2)},
        {QStringLiteral("sampled"), QColor(0xe15759)}};
    return colors.value(method, QColor(0x4e79a7));
}

QString GcvaeEval::failureText(const QString &failure)
{
    if (failure == QLatin1String("max_iterations"))
        return tr("iteration limit");
    if (failure == QLatin1String("breakdown"))
        return tr("breakdown");
    if (failure == QLatin1String("indefinite_preconditioner"))
        return tr("indefinite preconditioner");
    if (failure == QLatin1String("unavailable"))
        return tr("unavailable");
    return failure;
}

std::optional<double> GcvaeEval::medianIterations(const QString &method) const
{
    QList<int> its;
    for (const GcvaeSample &s : samples) {
        const auto it = s.pcg.constFind(method);
        if (it != s.pcg.cend() && it->converged)
            its.append(it->iterations);
    }
    if (its.isEmpty())
        return std::nullopt;
    std::sort(its.begin(), its.end());
    const qsizetype mid = its.size() / 2;
    return its.size() % 2 ? double(its.at(mid)) : 0.5 * (its.at(mid - 1) + its.at(mid));
}

int GcvaeEval::convergedCount(const QString &method) const
{
    return static_cast<int>(std::count_if(samples.cbegin(), samples.cend(), [&](const GcvaeSample &s) {
        const auto it = s.pcg.constFind(method);
        return it != s.pcg.cend() && it->converged;
    }));
}

int GcvaeEval::solveCount(const QString &method) const
{
    return static_cast<int>(std::count_if(samples.cbegin(), samples.cend(),
                                          [&](const GcvaeSample &s) { return s.pcg.contains(method); }));
}

int GcvaeEval::iterationCap() const
{
    int cap = 1;
    for (const GcvaeSample &s : samples) {
        for (const PcgSolve &p : s.pcg)
            cap = std::max(cap, p.iterations);
    }
    return cap;
}

std::optional<double> GcvaeEval::jacobiRatio() const
{
    const auto jacobi = medianIterations(QStringLiteral("jacobi"));
    const auto sampled = medianIterations(QStringLiteral("sampled"));
    if (!jacobi || !sampled || *sampled <= 0.0)
        return std::nullopt;
    return *jacobi / *sampled;
}

QString GcvaeEval::summaryText() const
{
    const QString sampled = QStringLiteral("sampled");
    QString text = tr("%n test matrices", nullptr, static_cast<int>(samples.size()));
    if (!std::isnan(meanCos))
        text += isFsai() ? tr(", mean cos(sampled G, G_FSAI) = %1").arg(meanCos, 0, 'f', 3)
                         : tr(", mean cos(sampled R, R_SPAI) = %1").arg(meanCos, 0, 'f', 3);
    const auto jacobi = medianIterations(QStringLiteral("jacobi"));
    const auto learned = medianIterations(sampled);
    if (const auto ratio = jacobiRatio()) {
        text += tr(". Median Jacobi iterations / median GCVAE iterations = %1 / %2 = %3×")
                    .arg(*jacobi)
                    .arg(*learned)
                    .arg(*ratio, 0, 'f', 2);
    } else {
        text += tr(". Median Jacobi iterations / median GCVAE iterations: not defined (a method never converged)");
    }
    text += tr(" (medians over converged solves; GCVAE converged on %1 of %2, Jacobi on %3 of %4).")
                .arg(convergedCount(sampled))
                .arg(solveCount(sampled))
                .arg(convergedCount(QStringLiteral("jacobi")))
                .arg(solveCount(QStringLiteral("jacobi")));
    return text;
}

} // namespace fs::ui
