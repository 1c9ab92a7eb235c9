#include "training/gcvaeeval.h"

#include <QJsonArray>

#include <algorithm>
#include <cmath>

namespace fs::ui {

namespace {

double number(const QJsonValue &value)
{
    return value.isDouble() ? value.toDouble() : std::numeric_limits<double>::quiet_NaN();
}

PcgSolve solveFromJson(const QJsonObject &o)
{
    PcgSolve s;
    s.iterations = o.value(QStringLiteral("iterations")).toInt();
    s.converged = o.value(QStringLiteral("converged")).toBool(false);
    s.relres = number(o.value(QStringLiteral("relres")));
    s.failure = o.value(QStringLiteral("failure")).toString();
    if (!s.converged && s.failure.isEmpty())
        s.failure = QStringLiteral("max_iterations");
    return s;
}

} // namespace

bool GcvaeEval::isGcvae(const QJsonObject &eval)
{
    return eval.value(QStringLiteral("kind")).toString() == QLatin1String("gcvae");
}

GcvaeEval GcvaeEval::fromJson(const QJsonObject &eval)
{
    GcvaeEval out;
    out.meanCos = number(eval.value(QStringLiteral("summary")).toObject().value(QStringLiteral("mean_cos")));
    for (const QJsonValue &value : eval.value(QStringLiteral("samples")).toArray()) {
        const QJsonObject o = value.toObject();
        GcvaeSample s;
        s.name = o.value(QStringLiteral("name")).toString();
        s.n = o.value(QStringLiteral("n")).toInt();
        s.cos = number(o.value(QStringLiteral("cos")));
        const QJsonObject residual = o.value(QStringLiteral("residual")).toObject();
        for (auto it = residual.begin(); it != residual.end(); ++it)
            s.residual.insert(it.key(), number(it.value()));
        const QJsonObject pcg = o.value(QStringLiteral("pcg")).toObject();
        for (auto it = pcg.begin(); it != pcg.end(); ++it) {
            if (it.value().isObject())
                s.pcg.insert(it.key(), solveFromJson(it.value().toObject()));
        }
        const QJsonObject nnz = o.value(QStringLiteral("nnz")).toObject();
        for (auto it = nnz.begin(); it != nnz.end(); ++it) {
            if (it.value().isDouble())
                s.nnz.insert(it.key(), it.value().toInteger());
        }
        out.samples.append(s);
    }
    return out;
}

QStringList GcvaeEval::methods()
{
    return {QStringLiteral("none"), QStringLiteral("jacobi"), QStringLiteral("ic0"), QStringLiteral("kopt"),
            QStringLiteral("spai"), QStringLiteral("mean"), QStringLiteral("sampled")};
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
        {QStringLiteral("spai"), QColor(0x4e79a7)},  {QStringLiteral("mean"), QColor(0x76b7b2)},
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
        text += tr(", mean cos(sampled R, R_SPAI) = %1").arg(meanCos, 0, 'f', 3);
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
