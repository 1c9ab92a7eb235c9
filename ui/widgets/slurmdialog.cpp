#include "widgets/slurmdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTimer>
#include <QVBoxLayout>

namespace fs::ui {

SlurmDialog::SlurmDialog(Kind kind, std::function<QStringList(const SlurmSettings &)> arguments, QWidget *parent)
    : QDialog(parent)
    , m_kind(kind)
    , m_arguments(std::move(arguments))
    , m_partition(new QLineEdit)
    , m_time(new QLineEdit)
    , m_extra(new QLineEdit)
    , m_gres(new QLineEdit)
    , m_ranks(new QSpinBox)
    , m_tasks(new QSpinBox)
    , m_script(new QPlainTextEdit)
    , m_status(new QLabel)
    , m_debounce(new QTimer(this))
{
    setObjectName(QStringLiteral("slurmDialog"));
    setWindowTitle(kind == Kind::Sweep ? tr("Train on the cluster") : tr("Run the benchmark on the cluster"));
    m_partition->setObjectName(QStringLiteral("slurmPartition"));
    m_partition->setPlaceholderText(tr("the cluster's default"));
    m_time->setObjectName(QStringLiteral("slurmTime"));
    m_time->setPlaceholderText(tr("e.g. 30:00 or 1-00:00:00"));
    m_extra->setObjectName(QStringLiteral("slurmExtra"));
    m_extra->setPlaceholderText(tr("e.g. --mem=8G --qos=short"));
    m_gres->setObjectName(QStringLiteral("slurmGres"));
    m_gres->setPlaceholderText(tr("e.g. gpu:1"));
    m_ranks->setObjectName(QStringLiteral("slurmRanks"));
    m_ranks->setRange(1, 1024);
    m_tasks->setObjectName(QStringLiteral("slurmTasks"));
    m_tasks->setRange(1, 10000);
    m_script->setObjectName(QStringLiteral("slurmScript"));
    m_script->setReadOnly(true);
    m_script->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_script->setMinimumSize(620, 260);
    m_status->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("Partition:"), m_partition);
    form->addRow(tr("Time limit:"), m_time);
    if (kind == Kind::Sweep) {
        form->addRow(tr("Generic resources:"), m_gres);
        form->addRow(tr("Ranks per run:"), m_ranks);
        m_ranks->setToolTip(tr("Data-parallel processes per training run, started by srun (c10d, Gloo)"));
    } else {
        form->addRow(tr("Shards:"), m_tasks);
        m_tasks->setToolTip(tr("Array tasks; each computes every N-th matrix of the name-sorted folder"));
    }
    form->addRow(tr("More sbatch options:"), m_extra);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Submit"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("slurmSubmit"));
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        settings().save();
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Batch scripts (written next to the results, then given to sbatch):")));
    layout->addWidget(m_script, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    m_debounce->setSingleShot(true);
    m_debounce->setInterval(300);
    connect(m_debounce, &QTimer::timeout, this, &SlurmDialog::refresh);
    for (QLineEdit *e : {m_partition, m_time, m_extra, m_gres})
        connect(e, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    for (QSpinBox *b : {m_ranks, m_tasks})
        connect(b, &QSpinBox::valueChanged, m_debounce, qOverload<>(&QTimer::start));
    setSettings(SlurmSettings::load());
    refresh();
}

SlurmSettings SlurmDialog::settings() const
{
    SlurmSettings s = SlurmSettings::load(); // keeps what this dialog does not show
    s.partition = m_partition->text();
    s.time = m_time->text();
    s.extra = m_extra->text();
    if (m_kind == Kind::Sweep) {
        s.gres = m_gres->text();
        s.ranks = m_ranks->value();
    } else {
        s.tasks = m_tasks->value();
    }
    return s;
}

void SlurmDialog::setSettings(const SlurmSettings &s)
{
    m_partition->setText(s.partition);
    m_time->setText(s.time);
    m_extra->setText(s.extra);
    m_gres->setText(s.gres);
    m_ranks->setValue(s.ranks);
    m_tasks->setValue(s.tasks);
}

QString SlurmDialog::script() const
{
    return m_error.isEmpty() ? m_script->toPlainText() : QString();
}

void SlurmDialog::refresh()
{
    m_debounce->stop();
    QString error;
    const QString text = SlurmClient::preview(m_arguments(settings()), &error);
    m_error = error;
    m_script->setPlainText(error.isEmpty() ? text : QString());
    m_status->setText(error.isEmpty() ? QString() : tr("Cannot prepare the submission: %1").arg(error));
}

} // namespace fs::ui
