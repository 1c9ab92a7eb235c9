#include "collection/collectiondialog.h"

#include "collection/collectiondownloader.h"
#include "collection/collectionfilterbar.h"
#include "collection/collectionmodel.h"

#include <sources/ssstats.h>

#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace fs::ui {

CollectionDialog::CollectionDialog(CollectionDownloader *downloader, QWidget *parent)
    : QDialog(parent)
    , m_downloader(downloader)
    , m_model(new CollectionModel(this))
    , m_filter(new CollectionFilterModel(this))
    , m_filterBar(new CollectionFilterBar(m_filter))
    , m_table(new QTableView)
    , m_notice(new QLabel)
    , m_fetchIndex(new QPushButton)
    , m_loadFile(new QPushButton)
    , m_status(new QLabel)
    , m_fileLabel(new QLabel)
    , m_fileProgress(new QProgressBar)
    , m_totalProgress(new QProgressBar)
    , m_download(new QPushButton)
    , m_open(new QPushButton)
    , m_cancel(new QPushButton)
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
{
    setObjectName(QStringLiteral("CollectionDialog"));
    m_filter->setSourceModel(m_model);
    m_table->setModel(m_filter);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(CollectionModel::Id, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(CollectionModel::Kind, QHeaderView::Stretch);
    m_notice->setWordWrap(true);
    m_notice->setObjectName(QStringLiteral("collectionNotice"));
    m_notice->setFrameShape(QFrame::StyledPanel);
    m_notice->setMargin(8);
    m_status->setWordWrap(true);


    auto *progress = new QGridLayout;
    progress->addWidget(m_fileLabel, 0, 0);
    progress->addWidget(m_fileProgress, 0, 1);
    progress->addWidget(m_totalProgress, 1, 1);
    progress->setColumnStretch(1, 1);

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_download);
    actions->addWidget(m_open);
    actions->addWidget(m_cancel);
    actions->addStretch(1);
    actions->addWidget(m_fetchIndex);
    actions->addWidget(m_loadFile);
    actions->addWidget(m_buttons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(m_filterBar);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_status);
    layout->addLayout(progress);
    layout->addLayout(actions);

    connect(m_fetchIndex, &QPushButton::clicked, this, &CollectionDialog::fetchIndex);
    connect(m_loadFile, &QPushButton::clicked, this, &CollectionDialog::chooseIndexFile);
    connect(m_download, &QPushButton::clicked, this, &CollectionDialog::downloadSelected);
    connect(m_open, &QPushButton::clicked, this, &CollectionDialog::openSelected);
    connect(m_cancel, &QPushButton::clicked, m_downloader, &CollectionDownloader::cancel);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableView::doubleClicked, this, &CollectionDialog::openSelected);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &CollectionDialog::updateButtons);
    connect(m_downloader, &CollectionDownloader::indexFetched, this, [this](const QString &path) {
        if (loadIndexFile(path))
            m_notice->hide();
        updateButtons();
    });
    connect(m_downloader, &CollectionDownloader::indexFailed, this, &CollectionDialog::onIndexFailed);
    connect(m_downloader, &CollectionDownloader::fileProgress, this, &CollectionDialog::onFileProgress);
    connect(m_downloader, &CollectionDownloader::totalProgress, this, [this](int done, int files) {
        m_totalProgress->setRange(0, std::max(files, 1));
        m_totalProgress->setValue(done);
        m_totalProgress->setFormat(tr("Matrices: %1 of %2").arg(done).arg(files));
    });
    connect(m_downloader, &CollectionDownloader::matrixReady, this,
            [this] { m_model->refreshCached(m_downloader->cache()); });
    connect(m_downloader, &CollectionDownloader::matrixFailed, this, &CollectionDialog::onMatrixFailed);
    connect(m_downloader, &CollectionDownloader::finished, this, &CollectionDialog::onFinished);

    m_notice->hide();
    resize(1000, 620);
    retranslateUi();
    updateButtons();
}

void CollectionDialog::loadCachedIndexOrFetch()
{
    const QString cached = m_downloader->cache().indexPath();
    if (QFileInfo::exists(cached) && loadIndexFile(cached))
        return;
    fetchIndex();
}

bool CollectionDialog::loadIndexFile(const QString &path)
{
    const fs::sources::SsIndex index = fs::sources::parse_ssstats_file(path.toStdString());
    if (index.records.empty()) {
        showNotice(tr("%1 is not a collection index (ssstats.csv): no matrix line was understood (problems: %2).")
                       .arg(QDir::toNativeSeparators(path))
                       .arg(index.issues.size()));
        return false;
    }
    m_model->setRecords(QVector<fs::sources::SsRecord>(index.records.begin(), index.records.end()));
    m_model->refreshCached(m_downloader->cache());
    m_filterBar->setChoices(m_model->kinds(), m_model->groups());
    m_table->resizeColumnsToContents();
    // "Label: number" wording needs no plural forms, in any language.
    QString info = tr("Matrices in the index of %1: %2.")
                       .arg(QString::fromStdString(index.date))
                       .arg(index.records.size());
    if (!index.issues.empty()) {
        const fs::sources::SsIssue &first = index.issues.front();
        info += QLatin1Char(' ')
                + tr("Lines skipped as malformed: %1 (the first is line %2).")
                      .arg(index.issues.size())
                      .arg(first.line);
    }
    m_indexInfo = info;
    setStatus(info);
    m_notice->hide();
    updateButtons();
    return true;
}

void CollectionDialog::fetchIndex()
{
    setStatus(tr("Downloading the collection index from %1…").arg(m_downloader->baseUrl().toDisplayString()));
    m_downloader->fetchIndex();
    updateButtons();
}

void CollectionDialog::onIndexFailed(const DownloadFailure &failure)
{
    const QString offline = tr("Without a connection to the collection, load a copy of ssstats.csv from disk.");
    showNotice(tr("The collection index could not be downloaded. %1 %2").arg(failure.message, m_model->rowCount() > 0
        ? tr("The index shown is the one saved earlier.") : offline));
    setStatus(m_indexInfo);
    updateButtons();
}

void CollectionDialog::chooseIndexFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Collection Index"), QString(),
                                                      tr("Collection index (ssstats.csv *.csv);;All files (*)"));
    if (!path.isEmpty())
        loadIndexFile(path);
}

QList<int> CollectionDialog::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(m_filter->mapToSource(index).row());
    std::sort(rows.begin(), rows.end());
    return rows;
}

void CollectionDialog::downloadSelected()
{
    QVector<fs::sources::SsRecord> records;
    for (int row : selectedRows())
        records.append(m_model->record(row));
    if (records.isEmpty() || m_downloader->isBusy())
        return;
    m_failures.clear();
    m_fileProgress->setValue(0);
    setStatus(tr("Downloading from %1, matrices: %2…")
                  .arg(m_downloader->baseUrl().toDisplayString())
                  .arg(records.size()));
    m_downloader->download(records);
    updateButtons();
}

void CollectionDialog::openSelected()
{
    for (int row : selectedRows()) {
        if (m_model->isCached(row)) {
            Q_EMIT openRequested(m_downloader->cache().matrixPath(m_model->record(row)));
            return;
        }
    }
}

void CollectionDialog::onFileProgress(const QString &matrix, qint64 received, qint64 total)
{
    m_fileLabel->setText(matrix);
    if (total > 0) {
        // Per mille keeps the bar in int range for multi-gigabyte archives.
        m_fileProgress->setRange(0, 1000);
        m_fileProgress->setValue(int(received * 1000 / total));
    } else {
        m_fileProgress->setRange(0, 0);
    }
}

void CollectionDialog::onMatrixFailed(const DownloadFailure &failure)
{
    m_failures.append(failure.message);
}

void CollectionDialog::onFinished(const QStringList &paths, bool cancelled)
{
    m_fileProgress->setRange(0, 1000);
    m_fileProgress->setValue(cancelled ? 0 : 1000);
    m_model->refreshCached(m_downloader->cache());
    QString text;
    if (cancelled)
        text = tr("Download cancelled; nothing partial was kept.");
    else
        text = tr("Matrices ready: %1.").arg(paths.size());
    if (!m_failures.isEmpty())
        text += QLatin1Char('\n') + m_failures.join(QLatin1Char('\n'));
    setStatus(text);
    updateButtons();
    if (!paths.isEmpty())
        Q_EMIT matricesReady(paths, m_downloader->cache().matricesFolder());
}

QString CollectionDialog::statusText() const
{
    return m_status->text();
}

QString CollectionDialog::noticeText() const
{
    return m_notice->text();
}

bool CollectionDialog::isNoticeVisible() const
{
    return !m_notice->isHidden();
}

void CollectionDialog::showNotice(const QString &text)
{
    m_notice->setText(text);
    m_notice->show();
}

void CollectionDialog::setStatus(const QString &text)
{
    m_status->setText(text);
}

void CollectionDialog::updateButtons()
{
    const bool busy = m_downloader->isBusy();
    const QList<int> rows = selectedRows();
    const bool anyCached = std::any_of(rows.begin(), rows.end(), [this](int row) { return m_model->isCached(row); });
    m_download->setEnabled(!busy && !rows.isEmpty());
    m_open->setEnabled(anyCached);
    m_cancel->setEnabled(busy);
    m_fetchIndex->setEnabled(!busy);
    m_fileProgress->setVisible(busy || m_fileProgress->value() > 0);
    m_fileLabel->setVisible(m_fileProgress->isVisibleTo(this));
    m_totalProgress->setVisible(m_fileProgress->isVisibleTo(this));
}

void CollectionDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void CollectionDialog::retranslateUi()
{
    setWindowTitle(tr("SuiteSparse Matrix Collection"));
    m_fetchIndex->setText(tr("Download &Index"));
    m_loadFile->setText(tr("&Load ssstats.csv…"));
    m_download->setText(tr("&Download Selected"));
    m_open->setText(tr("&Open"));
    m_cancel->setText(tr("&Cancel Download"));
    m_table->setToolTip(tr("Select several matrices with Ctrl or Shift; double-click a downloaded one to open it."));
}

} // namespace fs::ui
