#include "document/matrixlistdock.h"

#include "document/matrixlistmodel.h"

#include <QEvent>
#include <QFileInfo>
#include <QHeaderView>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace fs::ui {

MatrixListDock::MatrixListDock(QWidget *parent)
    : QDockWidget(parent)
    , m_model(new MatrixListModel(this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_filter(new QLineEdit)
    , m_view(new QTableView)
{
    setObjectName(QStringLiteral("MatrixListDock"));
    setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable | QDockWidget::DockWidgetClosable);

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(MatrixListModel::SortRole);
    m_proxy->setFilterKeyColumn(MatrixListModel::NameColumn);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(MatrixListModel::SizeColumn, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setShowGrid(false);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(MatrixListModel::NameColumn, QHeaderView::Stretch);
    m_view->horizontalHeader()->setSectionResizeMode(MatrixListModel::SizeColumn, QHeaderView::ResizeToContents);
    m_view->horizontalHeader()->setSectionResizeMode(MatrixListModel::NonzerosColumn, QHeaderView::ResizeToContents);
    connect(m_view, &QAbstractItemView::activated, this, &MatrixListDock::activate);
    connect(m_view, &QAbstractItemView::clicked, this, &MatrixListDock::activate);

    auto *content = new QWidget;
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->setSpacing(4);
    layout->addWidget(m_filter);
    layout->addWidget(m_view);
    setWidget(content);

    retranslateUi();
}

int MatrixListDock::loadCollection(const QString &directory)
{
    m_model->setEntries(BenchmarkIndex::load(directory));
    return m_model->rowCount();
}

QString MatrixListDock::filePathOf(const QString &name) const
{
    for (const BenchmarkEntry &entry : m_model->entries()) {
        if (entry.name == name)
            return entry.filePath;
    }
    return {};
}

void MatrixListDock::setCurrentFile(const QString &filePath)
{
    const QString wanted = QFileInfo(filePath).canonicalFilePath();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex source = m_model->index(row, MatrixListModel::NameColumn);
        if (QFileInfo(source.data(MatrixListModel::FilePathRole).toString()).canonicalFilePath() == wanted) {
            const QModelIndex proxy = m_proxy->mapFromSource(source);
            m_view->selectionModel()->setCurrentIndex(proxy, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
            m_view->scrollTo(proxy);
            return;
        }
    }
    m_view->clearSelection();
}

void MatrixListDock::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDockWidget::changeEvent(event);
}

void MatrixListDock::retranslateUi()
{
    setWindowTitle(tr("Benchmark Matrices"));
    m_filter->setPlaceholderText(tr("Filter by name"));
    m_model->retranslate();
}

void MatrixListDock::activate(const QModelIndex &proxyIndex)
{
    const QString path = m_proxy->mapToSource(proxyIndex).siblingAtColumn(MatrixListModel::NameColumn)
                             .data(MatrixListModel::FilePathRole).toString();
    if (!path.isEmpty())
        Q_EMIT fileActivated(path);
}

} // namespace fs::ui
