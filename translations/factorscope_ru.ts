<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>fs::ui</name>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>не удаётся создать папку для %1</translation>
    </message>
    <message>
        <source>%1 is damaged (%2) and cannot be moved aside</source>
        <translation>%1 повреждён (%2), и его не удаётся отложить в сторону</translation>
    </message>
    <message>
        <source>%1 was damaged (%2); it was moved to %3 and a new, empty store started.</source>
        <translation>%1 был повреждён (%2); файл перемещён в %3, создано новое пустое хранилище.</translation>
    </message>
</context>
<context>
    <name>fs::ui::BenchChart</name>
    <message>
        <source>Figure 2: matrices per category (K-optimal vs IC(0))</source>
        <translation>Рисунок 2: матрицы по категориям (K-оптимальный против IC(0))</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>Матрицы</translation>
    </message>
    <message numerus="yes">
        <source>hatched: %n within noise (IC(0) and K-optimal ranges overlap)</source>
        <translation>
            <numerusform>штриховка: %n в пределах шума (диапазоны IC(0) и K-оптимального пересекаются)</numerusform>
            <numerusform>штриховка: %n в пределах шума (диапазоны IC(0) и K-оптимального пересекаются)</numerusform>
            <numerusform>штриховка: %n в пределах шума (диапазоны IC(0) и K-оптимального пересекаются)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::ui::BenchDetail</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Jacobi</source>
        <translation>Якоби</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-optimal</source>
        <translation>K-оптимальный</translation>
    </message>
    <message>
        <source>SPAI</source>
        <translation>SPAI</translation>
    </message>
    <message>
        <source>%1 (n = %2)</source>
        <translation>%1 (n = %2)</translation>
    </message>
    <message>
        <source>Select a matrix in the table</source>
        <translation>Выберите матрицу в таблице</translation>
    </message>
    <message>
        <source>Computing factors…</source>
        <translation>Вычисление множителей…</translation>
    </message>
    <message>
        <source>K-optimal factor not available</source>
        <translation>K-оптимальный множитель недоступен</translation>
    </message>
    <message>
        <source>IC(0) broke down</source>
        <translation>Срыв IC(0)</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (неудача)</translation>
    </message>
    <message>
        <source>Open in perturb view</source>
        <translation>Открыть в виде возмущений</translation>
    </message>
    <message>
        <source>PCG iteration</source>
        <translation>Итерация PCG</translation>
    </message>
    <message>
        <source>Relative residual</source>
        <translation>Относительная невязка</translation>
    </message>
    <message>
        <source>Pattern of A</source>
        <translation>Портрет A</translation>
    </message>
    <message>
        <source>Pattern of the K-optimal factor</source>
        <translation>Портрет K-оптимального множителя</translation>
    </message>
    <message>
        <source>Pattern of the IC(0) factor</source>
        <translation>Портрет множителя IC(0)</translation>
    </message>
    <message>
        <source>FSAI</source>
        <translation>FSAI</translation>
    </message>
</context>
<context>
    <name>fs::ui::BenchTableModel</name>
    <message>
        <source>K-optimal only</source>
        <translation>Только K-оптимальный</translation>
    </message>
    <message>
        <source>K-optimal fewer</source>
        <translation>K-оптимальный меньше</translation>
    </message>
    <message>
        <source>IC(0) fewer</source>
        <translation>IC(0) меньше</translation>
    </message>
    <message>
        <source>IC(0) only</source>
        <translation>Только IC(0)</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Ничья</translation>
    </message>
    <message>
        <source>Both failed</source>
        <translation>Оба не сошлись</translation>
    </message>
    <message>
        <source>Not SPD</source>
        <translation>Не СПО</translation>
    </message>
    <message>
        <source>SPD</source>
        <translation>СПО</translation>
    </message>
    <message>
        <source>not SPD</source>
        <translation>не СПО</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>не читается</translation>
    </message>
    <message>
        <source>breakdown</source>
        <translation>срыв</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>бюджет</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>неудача</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Матрица</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Nonzeros</source>
        <translation>Ненулевые</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Jacobi</source>
        <translation>Якоби</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-opt</source>
        <translation>K-опт</translation>
    </message>
    <message>
        <source>SPAI</source>
        <translation>SPAI</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категория</translation>
    </message>
    <message>
        <source>K(IC(0))</source>
        <translation>K(IC(0))</translation>
    </message>
    <message>
        <source>K(K-opt)</source>
        <translation>K(K-опт)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Iteration ranges not measured (noise reruns 0)</source>
        <translation>Диапазоны итераций не измерены (0 повторов с шумом)</translation>
    </message>
    <message>
        <source>IC(0) %1–%2, K-optimal %3–%4 iterations with values perturbed at 1e-12</source>
        <translation>IC(0) %1–%2, K-оптимальный %3–%4 итераций при значениях, возмущённых на 1e-12</translation>
    </message>
    <message>
        <source>FSAI</source>
        <translation>FSAI</translation>
    </message>
    <message>
        <source>Within noise</source>
        <translation>В пределах шума</translation>
    </message>
</context>
<context>
    <name>fs::ui::BenchView</name>
    <message>
        <source>Benchmark</source>
        <translation>Бенчмарк</translation>
    </message>
    <message>
        <source>Matrices:</source>
        <translation>Матрицы:</translation>
    </message>
    <message>
        <source>Bundled benchmark</source>
        <translation>Встроенный бенчмарк</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Добавить папку…</translation>
    </message>
    <message>
        <source>Ordering:</source>
        <translation>Упорядочение:</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Лимит времени:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Wall-time limit per matrix and preconditioner; an overrun is recorded as an outcome.</source>
        <translation>Лимит времени на матрицу и предобусловливатель; превышение записывается как результат.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Фильтр:</translation>
    </message>
    <message>
        <source>Name or group</source>
        <translation>Имя или группа</translation>
    </message>
    <message>
        <source>n:</source>
        <translation>n:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любой</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <source>Folder with .mtx / .mtx.gz files</source>
        <translation>Папка с файлами .mtx / .mtx.gz</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Экспорт диаграммы…</translation>
    </message>
    <message>
        <source>Export Figure 2</source>
        <translation>Экспорт рисунка 2</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;Изображение PNG (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>The benchmark store %1 cannot be opened (%2): results are shown but not kept.</source>
        <translation>Хранилище результатов %1 не открывается (%2): результаты показываются, но не сохраняются.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) not yet stored (%1): they stay in the table and are stored as soon as the store is free.</source>
        <translation>
            <numerusform>%n результат ещё не сохранён (%1): он остаётся в таблице и будет сохранён, как только хранилище освободится.</numerusform>
            <numerusform>%n результата ещё не сохранены (%1): они остаются в таблице и будут сохранены, как только хранилище освободится.</numerusform>
            <numerusform>%n результатов ещё не сохранены (%1): они остаются в таблице и будут сохранены, как только хранилище освободится.</numerusform>
        </translation>
    </message>
    <message>
        <source>K-opt scaling:</source>
        <translation>Масштаб K-opt:</translation>
    </message>
    <message>
        <source>Algorithm 1</source>
        <translation>Алгоритм 1</translation>
    </message>
    <message>
        <source>for PCG</source>
        <translation>для PCG</translation>
    </message>
    <message>
        <source>Algorithm 1 scales K-optimal columns so that diag(LᵀA⁻¹L) = 1; “for PCG” rescales them so that diag(L⁻¹AL⁻ᵀ) = 1, the operator PCG sees.</source>
        <translation>Алгоритм 1 масштабирует столбцы K-оптимального множителя так, что diag(LᵀA⁻¹L) = 1; «для PCG» — так, что diag(L⁻¹AL⁻ᵀ) = 1, оператор, который видит PCG.</translation>
    </message>
    <message>
        <source>Noise reruns:</source>
        <translation>Повторы с шумом:</translation>
    </message>
    <message>
        <source>PCG reruns per preconditioner with its values perturbed at relative 1e-12. A category whose IC(0) and K-optimal iteration ranges overlap is marked within noise (hatched in the chart).</source>
        <translation>Повторные запуски PCG для каждого предобусловливателя со значениями, возмущёнными на относительные 1e-12. Категория, в которой диапазоны итераций IC(0) и K-оптимального пересекаются, помечается как находящаяся в пределах шума (штриховка на диаграмме).</translation>
    </message>
    <message numerus="yes">
        <source>Cluster run done: %n results imported from %1.</source>
        <translation>
            <numerusform>Запуск на кластере завершён: импортирован %n результат из %1.</numerusform>
            <numerusform>Запуск на кластере завершён: импортировано %n результата из %1.</numerusform>
            <numerusform>Запуск на кластере завершён: импортировано %n результатов из %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cluster run done, but its store could not be imported: %1</source>
        <translation>Запуск на кластере завершён, но его хранилище не удалось импортировать: %1</translation>
    </message>
    <message>
        <source>The cluster&apos;s merge job %1 ended %2; see the logs next to %3.</source>
        <translation>Задача слияния %1 на кластере завершилась со статусом %2; журналы лежат рядом с %3.</translation>
    </message>
    <message>
        <source>unseen</source>
        <translation>не виден</translation>
    </message>
    <message>
        <source>Run on cluster…</source>
        <translation>На кластере…</translation>
    </message>
    <message>
        <source>Submit the folder to Slurm as an array of shards and a merge job; the results arrive here when the merge is done</source>
        <translation>Отправить папку в Slurm как массив частей и задачу слияния; результаты появятся здесь после слияния</translation>
    </message>
    <message>
        <source>Nothing was submitted: %1</source>
        <translation>Ничего не отправлено: %1</translation>
    </message>
    <message>
        <source>On the cluster: shards (job %1) %2 of %3 done, %4 running; merge (job %5) %6.</source>
        <translation>На кластере: части (задача %1) готово %2 из %3, выполняется %4; слияние (задача %5) %6.</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionController</name>
    <message>
        <source>SuiteSparse &amp;Collection…</source>
        <translation>&amp;Коллекция SuiteSparse…</translation>
    </message>
    <message>
        <source>Browse the SuiteSparse Matrix Collection and download matrices from it</source>
        <translation>Просмотреть коллекцию матриц SuiteSparse и загрузить из неё матрицы</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionDialog</name>
    <message>
        <source>Matrices: %1 of %2</source>
        <translation>Матрицы: %1 из %2</translation>
    </message>
    <message>
        <source>%1 is not a collection index (ssstats.csv): no matrix line was understood (problems: %2).</source>
        <translation>%1 не является индексом коллекции (ssstats.csv): ни одна строка матрицы не распознана (проблем: %2).</translation>
    </message>
    <message>
        <source>Matrices in the index of %1: %2.</source>
        <translation>Матриц в индексе от %1: %2.</translation>
    </message>
    <message>
        <source>Lines skipped as malformed: %1 (the first is line %2).</source>
        <translation>Пропущено некорректных строк: %1 (первая — строка %2).</translation>
    </message>
    <message>
        <source>Downloading the collection index from %1…</source>
        <translation>Загрузка индекса коллекции с %1…</translation>
    </message>
    <message>
        <source>Without a connection to the collection, load a copy of ssstats.csv from disk.</source>
        <translation>Без подключения к коллекции загрузите копию ssstats.csv с диска.</translation>
    </message>
    <message>
        <source>The collection index could not be downloaded. %1 %2</source>
        <translation>Не удалось загрузить индекс коллекции. %1 %2</translation>
    </message>
    <message>
        <source>The index shown is the one saved earlier.</source>
        <translation>Показан ранее сохранённый индекс.</translation>
    </message>
    <message>
        <source>Load Collection Index</source>
        <translation>Загрузить индекс коллекции</translation>
    </message>
    <message>
        <source>Collection index (ssstats.csv *.csv);;All files (*)</source>
        <translation>Индекс коллекции (ssstats.csv *.csv);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Downloading from %1, matrices: %2…</source>
        <translation>Загрузка с %1, матриц: %2…</translation>
    </message>
    <message>
        <source>Download cancelled; nothing partial was kept.</source>
        <translation>Загрузка отменена; неполные файлы не сохранены.</translation>
    </message>
    <message>
        <source>Matrices ready: %1.</source>
        <translation>Готово матриц: %1.</translation>
    </message>
    <message>
        <source>SuiteSparse Matrix Collection</source>
        <translation>Коллекция матриц SuiteSparse</translation>
    </message>
    <message>
        <source>Download &amp;Index</source>
        <translation>Загрузить &amp;индекс</translation>
    </message>
    <message>
        <source>&amp;Load ssstats.csv…</source>
        <translation>&amp;Открыть ssstats.csv…</translation>
    </message>
    <message>
        <source>&amp;Download Selected</source>
        <translation>&amp;Загрузить выбранные</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>От&amp;крыть</translation>
    </message>
    <message>
        <source>&amp;Cancel Download</source>
        <translation>О&amp;тменить загрузку</translation>
    </message>
    <message>
        <source>Select several matrices with Ctrl or Shift; double-click a downloaded one to open it.</source>
        <translation>Выберите несколько матриц с Ctrl или Shift; двойной щелчок по загруженной открывает её.</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionDownloader</name>
    <message>
        <source>The collection at %1 has no file %2 (HTTP %3).</source>
        <translation>В коллекции по адресу %1 нет файла %2 (HTTP %3).</translation>
    </message>
    <message>
        <source>Could not download %1: %2.</source>
        <translation>Не удалось загрузить %1: %2.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>Не удалось записать %1: %2.</translation>
    </message>
    <message>
        <source>The archive of %1 does not contain %2.</source>
        <translation>Архив %1 не содержит %2.</translation>
    </message>
    <message>
        <source>Could not write %1 into the cache: %2.</source>
        <translation>Не удалось записать %1 в кэш: %2.</translation>
    </message>
    <message>
        <source>The archive of %1 is damaged or incomplete (%2). Try the download again.</source>
        <translation>Архив %1 повреждён или неполон (%2). Повторите загрузку.</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionFilterBar</name>
    <message>
        <source>Filter by name, group, kind or id</source>
        <translation>Фильтр по имени, группе, типу или id</translation>
    </message>
    <message>
        <source>&amp;Positive definite only</source>
        <translation>Только &amp;положительно определённые</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Группа:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Строки:</translation>
    </message>
    <message>
        <source>&amp;Nonzeros:</source>
        <translation>&amp;Ненулевые:</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Все типы</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Все группы</translation>
    </message>
    <message>
        <source>any</source>
        <translation>любое</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>без ограничения</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionModel</name>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>неизвестно</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>загружена</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Группа</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Столбцы</translation>
    </message>
    <message>
        <source>Nonzeros</source>
        <translation>Ненулевые</translation>
    </message>
    <message>
        <source>SPD</source>
        <translation>SPD</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Local copy</source>
        <translation>Локальная копия</translation>
    </message>
</context>
<context>
    <name>fs::ui::DatasetGenerator</name>
    <message>
        <source>Dataset written to %1.</source>
        <translation>Набор данных записан в %1.</translation>
    </message>
    <message>
        <source>The dataset could not be generated: %1</source>
        <translation>Не удалось создать набор данных: %1</translation>
    </message>
    <message>
        <source>%1 has no readable manifest.json.</source>
        <translation>В %1 нет читаемого manifest.json.</translation>
    </message>
    <message>
        <source>The manifest.json in %1 names no dataset kind.</source>
        <translation>manifest.json в %1 не указывает тип набора данных.</translation>
    </message>
    <message>
        <source>%1 learns Cholesky factors, but this is a SPAI dataset (pairs A, R) that only gcvae trains on. Choose a synthetic or K-optimal dataset, or the model gcvae.</source>
        <translation>%1 обучается множителям Холецкого, но это набор данных SPAI (пары A, R), на котором обучается только gcvae. Выберите синтетический или K-оптимальный набор данных либо модель gcvae.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>отменено</translation>
    </message>
    <message>
        <source>gcvae learns sparse approximate inverses and needs a SPAI dataset (pairs A, R), but this dataset is of kind &quot;%1&quot;. Generate one with &quot;Generate&quot; and the kind SPAI.</source>
        <translation>gcvae обучается разреженным приближённым обратным и требует набор SPAI (пары A, R), но этот набор вида «%1». Создайте его кнопкой «Создать» с видом SPAI.</translation>
    </message>
</context>
<context>
    <name>fs::ui::ExperimentFigure</name>
    <message>
        <source>depth (processor blocks)</source>
        <translation>глубина (блоки процессора)</translation>
    </message>
    <message>
        <source>best test cosine</source>
        <translation>лучший косинус на тесте</translation>
    </message>
    <message>
        <source>bound (%1)</source>
        <translation>граница (%1)</translation>
    </message>
    <message>
        <source>The experiment results hold no datasets.</source>
        <translation>Результаты эксперимента не содержат наборов данных.</translation>
    </message>
    <message>
        <source>The experiment results are malformed: %1</source>
        <translation>Результаты эксперимента повреждены: %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::ExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Экспорт рисунка</translation>
    </message>
    <message>
        <source>Export All Figures</source>
        <translation>Экспорт всех рисунков</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>Изображение PNG</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>Документ PDF</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>Рисунок SVG</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> мм</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Файл:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Формат:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Ширина:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Высота:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Разрешение:</translation>
    </message>
    <message>
        <source>Figures (*.png *.pdf *.svg)</source>
        <translation>Рисунки (*.png *.pdf *.svg)</translation>
    </message>
</context>
<context>
    <name>fs::ui::FigureExporter</name>
    <message>
        <source>Unknown figure format for %1: use .png, .pdf or .svg.</source>
        <translation>Неизвестный формат рисунка для %1: используйте .png, .pdf или .svg.</translation>
    </message>
    <message>
        <source>The figure size and resolution must be positive.</source>
        <translation>Размер и разрешение рисунка должны быть положительными.</translation>
    </message>
    <message>
        <source>Cannot write the figure to %1.</source>
        <translation>Не удаётся записать рисунок в %1.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>fs::ui::GcvaeEval</name>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Jacobi</source>
        <translation>Якоби</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-optimal</source>
        <translation>K-оптимальный</translation>
    </message>
    <message>
        <source>SPAI</source>
        <translation>SPAI</translation>
    </message>
    <message>
        <source>GCVAE (mean)</source>
        <translation>GCVAE (среднее)</translation>
    </message>
    <message>
        <source>GCVAE (sampled)</source>
        <translation>GCVAE (выборочный)</translation>
    </message>
    <message>
        <source>iteration limit</source>
        <translation>предел итераций</translation>
    </message>
    <message>
        <source>breakdown</source>
        <translation>срыв</translation>
    </message>
    <message>
        <source>indefinite preconditioner</source>
        <translation>незнакоопределённый предобусловливатель</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>недоступно</translation>
    </message>
    <message numerus="yes">
        <source>%n test matrices</source>
        <translation>
            <numerusform>%n тестовая матрица</numerusform>
            <numerusform>%n тестовые матрицы</numerusform>
            <numerusform>%n тестовых матриц</numerusform>
        </translation>
    </message>
    <message>
        <source>, mean cos(sampled R, R_SPAI) = %1</source>
        <translation>, среднее cos(выборочная R, R_SPAI) = %1</translation>
    </message>
    <message>
        <source>. Median Jacobi iterations / median GCVAE iterations = %1 / %2 = %3×</source>
        <translation>. Медиана итераций Якоби / медиана итераций GCVAE = %1 / %2 = %3×</translation>
    </message>
    <message>
        <source>. Median Jacobi iterations / median GCVAE iterations: not defined (a method never converged)</source>
        <translation>. Медиана итераций Якоби / медиана итераций GCVAE: не определено (один из методов ни разу не сошёлся)</translation>
    </message>
    <message>
        <source> (medians over converged solves; GCVAE converged on %1 of %2, Jacobi on %3 of %4).</source>
        <translation> (медианы по сошедшимся решениям; GCVAE сошёлся в %1 из %2, Якоби — в %3 из %4).</translation>
    </message>
    <message>
        <source>FSAI</source>
        <translation>FSAI</translation>
    </message>
    <message>
        <source>, mean cos(sampled G, G_FSAI) = %1</source>
        <translation>, средний cos(выбранная G, G_FSAI) = %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::GeneratorDialog</name>
    <message>
        <source>New Matrix from Generator</source>
        <translation>Новая матрица из генератора</translation>
    </message>
    <message>
        <source>1D Laplacian tridiag(−1, 2, −1)</source>
        <translation>Одномерный лапласиан tridiag(−1, 2, −1)</translation>
    </message>
    <message>
        <source>Counterexample of Theorem 2.1 (exact factor)</source>
        <translation>Контрпример теоремы 2.1 (точный множитель)</translation>
    </message>
    <message>
        <source>Rank-1 semiseparable inverse factor (§5.1)</source>
        <translation>Множитель с полуразделимым обратным ранга 1 (§5.1)</translation>
    </message>
    <message>
        <source>2D Poisson, 5-point</source>
        <translation>Двумерное уравнение Пуассона, 5-точечный шаблон</translation>
    </message>
    <message>
        <source>3D Poisson, 7-point</source>
        <translation>Трёхмерное уравнение Пуассона, 7-точечный шаблон</translation>
    </message>
    <message>
        <source>Random graph Laplacian + shift·I</source>
        <translation>Лапласиан случайного графа + сдвиг·I</translation>
    </message>
    <message>
        <source>Generator:</source>
        <translation>Генератор:</translation>
    </message>
    <message>
        <source>Order n:</source>
        <translation>Порядок n:</translation>
    </message>
    <message>
        <source>Grid nx:</source>
        <translation>Сетка nx:</translation>
    </message>
    <message>
        <source>Grid ny:</source>
        <translation>Сетка ny:</translation>
    </message>
    <message>
        <source>Grid nz:</source>
        <translation>Сетка nz:</translation>
    </message>
    <message>
        <source>Mean degree:</source>
        <translation>Средняя степень:</translation>
    </message>
    <message>
        <source>Shift:</source>
        <translation>Сдвиг:</translation>
    </message>
    <message>
        <source>Growth ρ:</source>
        <translation>Рост ρ:</translation>
    </message>
    <message>
        <source>Spread:</source>
        <translation>Разброс:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Начальное значение:</translation>
    </message>
    <message>
        <source>2D diffusion −∇·(k∇u), log-normal k</source>
        <translation>Двумерная диффузия −∇·(k∇u), логнормальный k</translation>
    </message>
    <message>
        <source>2D biharmonic L·diag(k)·L, log-normal k</source>
        <translation>Двумерная бигармоническая задача L·diag(k)·L, логнормальный k</translation>
    </message>
    <message>
        <source>Standard deviation of log k; 0 gives the constant-coefficient operator.</source>
        <translation>Стандартное отклонение log k; 0 даёт оператор с постоянным коэффициентом.</translation>
    </message>
    <message>
        <source>Correlation length of log k on the unit square.</source>
        <translation>Длина корреляции log k на единичном квадрате.</translation>
    </message>
    <message>
        <source>Grid side:</source>
        <translation>Сторона сетки:</translation>
    </message>
    <message>
        <source>Log-coefficient σ:</source>
        <translation>σ логарифма коэффициента:</translation>
    </message>
    <message>
        <source>Correlation length:</source>
        <translation>Длина корреляции:</translation>
    </message>
</context>
<context>
    <name>fs::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Как в системе</translation>
    </message>
</context>
<context>
    <name>fs::ui::LoadFailureText</name>
    <message>
        <source>The file cannot be opened or read.</source>
        <translation>Не удаётся открыть или прочитать файл.</translation>
    </message>
    <message>
        <source>The gzip data is corrupt or truncated.</source>
        <translation>Данные gzip повреждены или обрезаны.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Файл пуст.</translation>
    </message>
    <message>
        <source>The first line is not a Matrix Market banner (%%MatrixMarket matrix &lt;format&gt; &lt;field&gt; &lt;symmetry&gt;).</source>
        <translation>Первая строка не является заголовком Matrix Market (%%MatrixMarket matrix &lt;format&gt; &lt;field&gt; &lt;symmetry&gt;).</translation>
    </message>
    <message>
        <source>The storage format is neither &quot;coordinate&quot; nor &quot;array&quot;.</source>
        <translation>Формат хранения не является ни «coordinate», ни «array».</translation>
    </message>
    <message>
        <source>The value type is not supported (only real, integer and pattern matrices can be read).</source>
        <translation>Тип значений не поддерживается (читаются только матрицы типов real, integer и pattern).</translation>
    </message>
    <message>
        <source>The symmetry type is not supported (only general, symmetric and skew-symmetric matrices can be read).</source>
        <translation>Тип симметрии не поддерживается (читаются только матрицы типов general, symmetric и skew-symmetric).</translation>
    </message>
    <message>
        <source>The size line is missing.</source>
        <translation>Отсутствует строка с размерами.</translation>
    </message>
    <message>
        <source>The size line is malformed or inconsistent with the declared symmetry.</source>
        <translation>Строка с размерами повреждена или не согласуется с объявленной симметрией.</translation>
    </message>
    <message>
        <source>The declared size is larger than the file can hold or than this program can address.</source>
        <translation>Объявленный размер больше, чем может содержать файл или адресовать эта программа.</translation>
    </message>
    <message>
        <source>The file ends before all announced entries were read.</source>
        <translation>Файл закончился раньше, чем были прочитаны все объявленные элементы.</translation>
    </message>
    <message>
        <source>The file contains more entries than announced.</source>
        <translation>Файл содержит больше элементов, чем объявлено.</translation>
    </message>
    <message>
        <source>A row or column index lies outside the matrix.</source>
        <translation>Индекс строки или столбца выходит за пределы матрицы.</translation>
    </message>
    <message>
        <source>A number was expected but something else was found.</source>
        <translation>Ожидалось число, но найдено что-то другое.</translation>
    </message>
    <message>
        <source>The matrix contains a NaN or infinite value.</source>
        <translation>Матрица содержит значение NaN или бесконечность.</translation>
    </message>
    <message>
        <source>An entry is stored more than once.</source>
        <translation>Элемент записан более одного раза.</translation>
    </message>
    <message>
        <source>A skew-symmetric matrix has a nonzero diagonal entry.</source>
        <translation>Кососимметричная матрица имеет ненулевой диагональный элемент.</translation>
    </message>
    <message>
        <source>The file cannot be written.</source>
        <translation>Не удаётся записать файл.</translation>
    </message>
    <message>
        <source>The file is not a valid Matrix Market file.</source>
        <translation>Файл не является корректным файлом Matrix Market.</translation>
    </message>
    <message>
        <source>There is not enough memory to hold this matrix.</source>
        <translation>Недостаточно памяти для этой матрицы.</translation>
    </message>
    <message>
        <source>An unexpected error occurred while reading the file.</source>
        <translation>При чтении файла произошла непредвиденная ошибка.</translation>
    </message>
    <message>
        <source>Could not load %1.</source>
        <translation>Не удалось загрузить %1.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Строка %1: %2</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Подробности: %1</translation>
    </message>
    <message>
        <source>Cannot Open Matrix</source>
        <translation>Не удаётся открыть матрицу</translation>
    </message>
</context>
<context>
    <name>fs::ui::MainWindow</name>
    <message>
        <source>%1 — FactorScope</source>
        <translation>%1 — FactorScope</translation>
    </message>
    <message>
        <source>FactorScope</source>
        <translation>FactorScope</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Вид</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>&amp;Открыть…</translation>
    </message>
    <message>
        <source>Open a Matrix Market file (.mtx or .mtx.gz)</source>
        <translation>Открыть файл Matrix Market (.mtx или .mtx.gz)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>&amp;Сбросить масштаб</translation>
    </message>
    <message>
        <source>Show the whole matrix</source>
        <translation>Показать всю матрицу</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>&amp;Увеличить</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>&amp;Уменьшить</translation>
    </message>
    <message>
        <source>&amp;About FactorScope</source>
        <translation>&amp;О программе FactorScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>О &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Matrix List</source>
        <translation>&amp;Список матриц</translation>
    </message>
    <message>
        <source>Open Matrix</source>
        <translation>Открыть матрицу</translation>
    </message>
    <message>
        <source>Matrix Market files (*.mtx *.mtx.gz);;All files (*)</source>
        <translation>Файлы Matrix Market (*.mtx *.mtx.gz);;Все файлы (*)</translation>
    </message>
    <message>
        <source>About FactorScope</source>
        <translation>О программе FactorScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FactorScope %1&lt;/h3&gt;&lt;p&gt;Sparse Cholesky factors and preconditioners, made visible.&lt;/p&gt;&lt;p&gt;FactorScope is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;It is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FactorScope %1&lt;/h3&gt;&lt;p&gt;Разреженные множители Холецкого и предобусловливатели — наглядно.&lt;/p&gt;&lt;p&gt;FactorScope — свободная программа: вы можете распространять и/или изменять её на условиях GNU General Public License в том виде, в каком она опубликована Free Software Foundation, версии 3 либо (по вашему выбору) любой более поздней версии (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Она распространяется в надежде, что будет полезной, но БЕЗ КАКИХ-ЛИБО ГАРАНТИЙ.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Colour By</source>
        <translation>&amp;Цвет по</translation>
    </message>
    <message>
        <source>Nonzero &amp;Count</source>
        <translation>&amp;Числу ненулевых</translation>
    </message>
    <message>
        <source>Colour each bin by the number of nonzeros it holds</source>
        <translation>Окрашивать каждую ячейку по числу ненулевых элементов в ней</translation>
    </message>
    <message>
        <source>Largest &amp;Magnitude</source>
        <translation>Наибольшему &amp;модулю</translation>
    </message>
    <message>
        <source>Colour each bin by the largest absolute value it holds</source>
        <translation>Окрашивать каждую ячейку по наибольшему модулю её значений</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Портрет</translation>
    </message>
</context>
<context>
    <name>fs::ui::MatrixListDock</name>
    <message>
        <source>Benchmark Matrices</source>
        <translation>Тестовые матрицы</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Фильтр по имени</translation>
    </message>
</context>
<context>
    <name>fs::ui::MatrixListModel</name>
    <message>
        <source>%1: %2 × %3, %4 stored entries%5</source>
        <translation>%1: %2 × %3, хранимых элементов: %4%5</translation>
    </message>
    <message>
        <source>, symmetric positive definite</source>
        <translation>, симметричная положительно определённая</translation>
    </message>
    <message>
        <source>, symmetric</source>
        <translation>, симметричная</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>nnz</source>
        <translation>nnz</translation>
    </message>
    <message>
        <source>Matrix name in the collection</source>
        <translation>Имя матрицы в коллекции</translation>
    </message>
    <message>
        <source>Order of the matrix (rows × columns when not square)</source>
        <translation>Порядок матрицы (строки × столбцы, если она не квадратная)</translation>
    </message>
    <message>
        <source>Entries stored in the file (one triangle for symmetric matrices)</source>
        <translation>Элементы, записанные в файле (один треугольник для симметричных матриц)</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbCommand</name>
    <message>
        <source>Reset perturbation</source>
        <translation>Сброс возмущения</translation>
    </message>
    <message>
        <source>Perturb A(%1, %2) by %3</source>
        <translation>Возмущение A(%1, %2) на %3</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbControls</name>
    <message>
        <source>Entry:</source>
        <translation>Элемент:</translation>
    </message>
    <message>
        <source>Factor:</source>
        <translation>Множитель:</translation>
    </message>
    <message>
        <source>Ordering:</source>
        <translation>Упорядочение:</translation>
    </message>
    <message>
        <source>GNN layers k:</source>
        <translation>Слоёв GNN k:</translation>
    </message>
    <message>
        <source>Cholesky (exact)</source>
        <translation>Холецкий (точный)</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-optimal</source>
        <translation>K-оптимальный</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Natural</source>
        <translation>Естественное</translation>
    </message>
    <message>
        <source>AMD</source>
        <translation>AMD</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Логарифмическая шкала</translation>
    </message>
    <message>
        <source>Show |ΔL_ii| on a logarithmic axis</source>
        <translation>Показать |ΔL_ii| на логарифмической оси</translation>
    </message>
    <message>
        <source>Reset to Original</source>
        <translation>Вернуть исходную</translation>
    </message>
    <message>
        <source>Export All Figures…</source>
        <translation>Экспорт всех рисунков…</translation>
    </message>
    <message>
        <source>Depth of the message-passing GNN whose receptive field is shaded</source>
        <translation>Глубина GNN с передачей сообщений, чьё рецептивное поле закрашено</translation>
    </message>
    <message>
        <source>SPAI (R)</source>
        <translation>SPAI (R)</translation>
    </message>
    <message>
        <source>Sparse approximate inverse R on the pattern of A: not triangular, the plots show ΔR</source>
        <translation>Разреженная приближённая обратная R на портрете A: не треугольная, графики показывают ΔR</translation>
    </message>
    <message>
        <source>Compare kinds</source>
        <translation>Сравнить типы</translation>
    </message>
    <message>
        <source>FSAI (G)</source>
        <translation>FSAI (G)</translation>
    </message>
    <message>
        <source>Factorized sparse approximate inverse G on the pattern of tril(A), M⁻¹ = GᵀG: row i depends only on A restricted to that row&apos;s pattern.</source>
        <translation>Факторизованная разреженная приближённая обратная G на портрете tril(A), M⁻¹ = GᵀG: строка i зависит только от A, ограниченной на портрет этой строки.</translation>
    </message>
    <message>
        <source>Overlay the locality profiles of Cholesky, IC(0), K-optimal, SPAI and FSAI for the current perturbation</source>
        <translation>Наложить профили локальности Холецкого, IC(0), K-оптимального, SPAI и FSAI для текущего возмущения</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbDeltaEditor</name>
    <message>
        <source>δ:</source>
        <translation>δ:</translation>
    </message>
    <message>
        <source>Drag to change δ on a symmetric logarithmic scale (±10⁻⁶ … ±10²); the middle is 0</source>
        <translation>Перетаскивайте, чтобы менять δ по симметричной логарифмической шкале (±10⁻⁶ … ±10²); середина равна 0</translation>
    </message>
    <message>
        <source>The perturbation δ added to A(p, q) and A(q, p)</source>
        <translation>Возмущение δ, добавляемое к A(p, q) и A(q, p)</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbDiagPlot</name>
    <message>
        <source>row i</source>
        <translation>строка i</translation>
    </message>
    <message>
        <source>|ΔL_ii|</source>
        <translation>|ΔL_ii|</translation>
    </message>
    <message>
        <source>Change of the diagonal of L</source>
        <translation>Изменение диагонали L</translation>
    </message>
    <message>
        <source>|ΔR_ii|</source>
        <translation>|ΔR_ii|</translation>
    </message>
    <message>
        <source>Change of the diagonal of R</source>
        <translation>Изменение диагонали R</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbFigure</name>
    <message>
        <source>Unknown figure &apos;%1&apos;; known: %2.</source>
        <translation>Неизвестный рисунок «%1»; известны: %2.</translation>
    </message>
    <message>
        <source>--n must be at least 2.</source>
        <translation>--n должно быть не меньше 2.</translation>
    </message>
    <message>
        <source>1D Laplacian, n = %1: A₁₁ += 1</source>
        <translation>Одномерный лапласиан, n = %1: A₁₁ += 1</translation>
    </message>
    <message>
        <source>Counterexample (Theorem 2.1), n = %1: A₁₁ += 1</source>
        <translation>Контрпример (теорема 2.1), n = %1: A₁₁ += 1</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbHeatPlot</name>
    <message>
        <source>|ΔL| on the pattern of L (grey: unchanged)</source>
        <translation>|ΔL| на портрете L (серый: без изменений)</translation>
    </message>
    <message>
        <source>max |ΔL| per bin</source>
        <translation>макс. |ΔL| в ячейке</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>|ΔR| on the pattern of R (grey: unchanged)</source>
        <translation>|ΔR| на портрете R (серый: без изменений)</translation>
    </message>
    <message>
        <source>max |ΔR| per bin</source>
        <translation>макс. |ΔR| в ячейке</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbLocalityPlot</name>
    <message>
        <source>No change in L</source>
        <translation>L не изменился</translation>
    </message>
    <message>
        <source>%1 % of the change lies beyond %2 hops</source>
        <translation>%1 % изменения лежит дальше %2 шагов</translation>
    </message>
    <message>
        <source>hop distance from the perturbed entry</source>
        <translation>расстояние в шагах от возмущённого элемента</translation>
    </message>
    <message>
        <source>receptive field of a %1-layer GNN</source>
        <translation>рецептивное поле GNN из %1 слоёв</translation>
    </message>
    <message>
        <source>max |ΔL|</source>
        <translation>макс. |ΔL|</translation>
    </message>
    <message>
        <source>% of ‖ΔL‖²</source>
        <translation>% от ‖ΔL‖²</translation>
    </message>
    <message>
        <source>‖ΔL‖² at h hops</source>
        <translation>‖ΔL‖² на расстоянии h</translation>
    </message>
    <message>
        <source>‖ΔL‖² beyond h hops</source>
        <translation>‖ΔL‖² дальше h шагов</translation>
    </message>
    <message>
        <source>Share of ‖Δ‖² per hop, by kind</source>
        <translation>Доля ‖Δ‖² по шагам, по типам</translation>
    </message>
    <message>
        <source>No change in R</source>
        <translation>R не изменилась</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no change</source>
        <translation>%1: без изменений</translation>
    </message>
    <message>
        <source>%1: %2 % beyond %3 hops</source>
        <translation>%1: %2 % дальше %3 шагов</translation>
    </message>
    <message>
        <source>% of ‖Δ‖² at h hops</source>
        <translation>% от ‖Δ‖² на расстоянии h</translation>
    </message>
    <message>
        <source>max |ΔR|</source>
        <translation>макс. |ΔR|</translation>
    </message>
    <message>
        <source>% of ‖ΔR‖²</source>
        <translation>% от ‖ΔR‖²</translation>
    </message>
    <message>
        <source>‖ΔR‖² at h hops</source>
        <translation>‖ΔR‖² на расстоянии h</translation>
    </message>
    <message>
        <source>‖ΔR‖² beyond h hops</source>
        <translation>‖ΔR‖² дальше h шагов</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbPlot</name>
    <message>
        <source>NOT RELIABLE</source>
        <translation>НЕНАДЁЖНО</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbStartup</name>
    <message>
        <source>Render figure NAME (%1) into --out and exit.</source>
        <translation>Нарисовать рисунок NAME (%1) в --out и выйти.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Output file of --export-figure (.png, .pdf or .svg).</source>
        <translation>Выходной файл --export-figure (.png, .pdf или .svg).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>ФАЙЛ</translation>
    </message>
    <message>
        <source>Matrix order for --export-figure and --generator.</source>
        <translation>Порядок матрицы для --export-figure и --generator.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>VIEW</source>
        <translation>ВИД</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ВИД</translation>
    </message>
    <message>
        <source>Entry to perturb in the Perturb view, 1-based.</source>
        <translation>Возмущаемый элемент в виде «Возмущение», с нумерацией от 1.</translation>
    </message>
    <message>
        <source>P,Q</source>
        <translation>P,Q</translation>
    </message>
    <message>
        <source>Perturbation added to the entry (default 1).</source>
        <translation>Возмущение, добавляемое к элементу (по умолчанию 1).</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>--n expects a positive integer.</source>
        <translation>--n ожидает положительное целое число.</translation>
    </message>
    <message>
        <source>--delta expects a number.</source>
        <translation>--delta ожидает число.</translation>
    </message>
    <message>
        <source>--export-figure needs --out FILE.</source>
        <translation>--export-figure требует --out ФАЙЛ.</translation>
    </message>
    <message>
        <source>Unknown generator &apos;%1&apos;.</source>
        <translation>Неизвестный генератор «%1».</translation>
    </message>
    <message>
        <source>Unknown view &apos;%1&apos;: use pattern or perturb.</source>
        <translation>Неизвестный вид «%1»: используйте pattern или perturb.</translation>
    </message>
    <message>
        <source>--entry expects P,Q (1-based), got &apos;%1&apos;.</source>
        <translation>--entry ожидает P,Q (с нумерацией от 1), получено «%1».</translation>
    </message>
    <message>
        <source>The Perturb view is not available.</source>
        <translation>Вид «Возмущение» недоступен.</translation>
    </message>
    <message>
        <source>--entry %1 lies outside the matrix of order %2.</source>
        <translation>--entry %1 лежит вне матрицы порядка %2.</translation>
    </message>
    <message>
        <source>Show this view for --screenshot: perturb, bench, or training (with --runs DIR…).</source>
        <translation>Показать это представление для --screenshot: perturb, bench или training (с --runs DIR…).</translation>
    </message>
    <message>
        <source>Start with a generated matrix: %1.</source>
        <translation>Начать со сгенерированной матрицы: %1.</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbView</name>
    <message>
        <source>Factorising…</source>
        <translation>Разложение…</translation>
    </message>
    <message>
        <source>This matrix cannot be factored with the chosen method: %1</source>
        <translation>Эту матрицу нельзя разложить выбранным методом: %1</translation>
    </message>
    <message>
        <source>natural (this factor keeps the pattern of tril(A))</source>
        <translation>естественное (этот множитель сохраняет портрет tril(A))</translation>
    </message>
    <message>
        <source>AMD, chosen automatically: in natural order the factor would fill the band and updates would be too slow to follow the slider</source>
        <translation>AMD, выбрано автоматически: при естественном упорядочении множитель заполнил бы ленту, и обновления не успевали бы за ползунком</translation>
    </message>
    <message>
        <source>AMD</source>
        <translation>AMD</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>естественное</translation>
    </message>
    <message>
        <source>Click an entry of A first to choose where δ is added.</source>
        <translation>Сначала щёлкните элемент A, чтобы выбрать, куда добавить δ.</translation>
    </message>
    <message>
        <source>A(%1, %2) += %3</source>
        <translation>A(%1, %2) += %3</translation>
    </message>
    <message>
        <source>%1 refused: the matrix would no longer be positive definite.</source>
        <translation>%1 отклонено: матрица перестала бы быть положительно определённой.</translation>
    </message>
    <message>
        <source>%1: IC(0) breaks down at pivot %2 (not positive).</source>
        <translation>%1: IC(0) прерывается на ведущем элементе %2 (не положителен).</translation>
    </message>
    <message>
        <source>K-optimal refuses this matrix: it is too large (%1).</source>
        <translation>K-оптимальный метод отклоняет эту матрицу: она слишком велика (%1).</translation>
    </message>
    <message>
        <source>%1: the factorisation failed, the matrix is not positive definite (%2).</source>
        <translation>%1: разложение не удалось, матрица не положительно определена (%2).</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 не удалось: %2</translation>
    </message>
    <message>
        <source>The plots show the unperturbed factor.</source>
        <translation>Графики показывают невозмущённый множитель.</translation>
    </message>
    <message>
        <source>The plots still show δ = %1.</source>
        <translation>Графики по-прежнему показывают δ = %1.</translation>
    </message>
    <message>
        <source>Not reliable: %1 (estimated error %2). Load the matrix from its generator to use the exact factor.</source>
        <translation>Ненадёжно: %1 (оценка ошибки %2). Создайте матрицу генератором, чтобы использовать точный множитель.</translation>
    </message>
    <message>
        <source>none — click an entry of A</source>
        <translation>нет — щёлкните элемент A</translation>
    </message>
    <message>
        <source>A(%1, %1)</source>
        <translation>A(%1, %1)</translation>
    </message>
    <message>
        <source>A(%1, %2) and A(%2, %1)</source>
        <translation>A(%1, %2) и A(%2, %1)</translation>
    </message>
    <message>
        <source>(structural zero: perturbing it changes the pattern)</source>
        <translation>(структурный нуль: возмущение меняет портрет)</translation>
    </message>
    <message>
        <source>No perturbation: L is the original factor.</source>
        <translation>Возмущения нет: L — исходный множитель.</translation>
    </message>
    <message>
        <source>%1 entries of L changed, max |ΔL| = %2, ‖ΔL‖_F = %3; %4 % of ‖ΔL‖² lies beyond %5 hops.</source>
        <translation>Изменено элементов L: %1, макс. |ΔL| = %2, ‖ΔL‖_F = %3; %4 % от ‖ΔL‖² лежит дальше %5 шагов.</translation>
    </message>
    <message>
        <source>%1 new entries in L.</source>
        <translation>Новых элементов в L: %1.</translation>
    </message>
    <message>
        <source>Unperturbed factor: the generator&apos;s exact L.</source>
        <translation>Невозмущённый множитель: точный L генератора.</translation>
    </message>
    <message>
        <source>(%1 ms)</source>
        <translation>(%1 мс)</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Не удаётся создать папку %1.</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>Экспорт данных</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>Экспорт рисунка…</translation>
    </message>
    <message>
        <source>Export Data as CSV…</source>
        <translation>Экспорт данных в CSV…</translation>
    </message>
    <message>
        <source>Export All Figures…</source>
        <translation>Экспорт всех рисунков…</translation>
    </message>
    <message>
        <source>natural (R keeps the pattern of A)</source>
        <translation>естественное (R сохраняет портрет A)</translation>
    </message>
    <message>
        <source>refused, A would not stay positive definite</source>
        <translation>отклонено, A перестала бы быть положительно определённой</translation>
    </message>
    <message>
        <source>breaks down at pivot %1</source>
        <translation>срыв на ведущем элементе %1</translation>
    </message>
    <message>
        <source>matrix too large</source>
        <translation>матрица слишком велика</translation>
    </message>
    <message>
        <source>not positive definite</source>
        <translation>не положительно определена</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>не удалось (%1)</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>вычисление…</translation>
    </message>
    <message>
        <source>No perturbation: R is the approximate inverse of the original matrix.</source>
        <translation>Возмущения нет: R — приближённая обратная исходной матрицы.</translation>
    </message>
    <message>
        <source>%1 entries of R changed, max |ΔR| = %2, ‖ΔR‖_F = %3; %4 % of ‖ΔR‖² lies beyond %5 hops.</source>
        <translation>Изменено элементов R: %1, макс. |ΔR| = %2, ‖ΔR‖_F = %3; %4 % от ‖ΔR‖² лежит дальше %5 шагов.</translation>
    </message>
    <message>
        <source>%1 new entries in R.</source>
        <translation>Новых элементов в R: %1.</translation>
    </message>
    <message>
        <source>A %1-layer model can reach at most cosine %2 on this perturbation.</source>
        <translation>Модель с числом слоёв %1 может достичь на этом возмущении косинусного сходства не выше %2.</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbWorkspace</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Отменить</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>Cannot Generate Matrix</source>
        <translation>Не удаётся создать матрицу</translation>
    </message>
    <message>
        <source>Perturb</source>
        <translation>Возмущение</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <source>&amp;Matrix</source>
        <translation>&amp;Матрица</translation>
    </message>
    <message>
        <source>New from &amp;Generator…</source>
        <translation>Новая из &amp;генератора…</translation>
    </message>
    <message>
        <source>Create a model matrix (Laplacian, counterexample, Poisson, …) as the current matrix</source>
        <translation>Создать модельную матрицу (лапласиан, контрпример, Пуассон, …) как текущую</translation>
    </message>
</context>
<context>
    <name>fs::ui::RecentFilesMenu</name>
    <message>
        <source>Clear Menu</source>
        <translation>Очистить меню</translation>
    </message>
    <message>
        <source>Recent Files</source>
        <translation>Недавние файлы</translation>
    </message>
</context>
<context>
    <name>fs::ui::RunController</name>
    <message>
        <source>The run is still training.</source>
        <translation>Запуск ещё обучается.</translation>
    </message>
    <message>
        <source>Cannot start the trainer: %1</source>
        <translation>Не удаётся запустить обучение: %1</translation>
    </message>
    <message>
        <source>Skipped a malformed line (%1): %2</source>
        <translation>Пропущена ошибочная строка (%1): %2</translation>
    </message>
    <message>
        <source>The trainer ended after the stop request without reporting a status.</source>
        <translation>Процесс обучения завершился после запроса остановки, не сообщив состояние.</translation>
    </message>
    <message>
        <source>The trainer exited with code %1 without a final status.</source>
        <translation>Процесс обучения завершился с кодом %1 без итогового состояния.</translation>
    </message>
    <message>
        <source>The trainer was killed or crashed after epoch %1; Resume continues from its last good checkpoint.</source>
        <translation>Процесс обучения был завершён или аварийно остановился после эпохи %1; «Продолжить» начнёт с последней целой контрольной точки.</translation>
    </message>
    <message>
        <source>Slurm task %1 ended %2; its output is in the runs folder&apos;s slurm/logs</source>
        <translation>Задача Slurm %1 завершилась со статусом %2; её вывод в папке slurm/logs папки запусков</translation>
    </message>
    <message>
        <source>(no longer known to squeue)</source>
        <translation>(squeue её больше не знает)</translation>
    </message>
</context>
<context>
    <name>fs::ui::SlurmClient</name>
    <message>
        <source>factorscope-cli was not found next to the program or on PATH.</source>
        <translation>factorscope-cli не найден ни рядом с программой, ни в PATH.</translation>
    </message>
    <message>
        <source>factorscope-cli did not answer within a minute.</source>
        <translation>factorscope-cli не ответил в течение минуты.</translation>
    </message>
    <message>
        <source>factorscope-cli failed.</source>
        <translation>factorscope-cli завершился с ошибкой.</translation>
    </message>
    <message>
        <source>factorscope-cli printed no submission: %1</source>
        <translation>factorscope-cli не вывел сведений об отправке: %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::SlurmDialog</name>
    <message>
        <source>Train on the cluster</source>
        <translation>Обучение на кластере</translation>
    </message>
    <message>
        <source>Run the benchmark on the cluster</source>
        <translation>Бенчмарк на кластере</translation>
    </message>
    <message>
        <source>the cluster&apos;s default</source>
        <translation>по умолчанию кластера</translation>
    </message>
    <message>
        <source>e.g. 30:00 or 1-00:00:00</source>
        <translation>напр. 30:00 или 1-00:00:00</translation>
    </message>
    <message>
        <source>e.g. --mem=8G --qos=short</source>
        <translation>напр. --mem=8G --qos=short</translation>
    </message>
    <message>
        <source>e.g. gpu:1</source>
        <translation>напр. gpu:1</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Раздел:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Лимит времени:</translation>
    </message>
    <message>
        <source>Generic resources:</source>
        <translation>Общие ресурсы:</translation>
    </message>
    <message>
        <source>Ranks per run:</source>
        <translation>Рангов на запуск:</translation>
    </message>
    <message>
        <source>Data-parallel processes per training run, started by srun (c10d, Gloo)</source>
        <translation>Процессы параллелизма по данным на один запуск, запускаемые srun (c10d, Gloo)</translation>
    </message>
    <message>
        <source>Shards:</source>
        <translation>Частей:</translation>
    </message>
    <message>
        <source>Array tasks; each computes every N-th matrix of the name-sorted folder</source>
        <translation>Задачи массива; каждая считает каждую N-ю матрицу папки, отсортированной по имени</translation>
    </message>
    <message>
        <source>More sbatch options:</source>
        <translation>Доп. параметры sbatch:</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Отправить</translation>
    </message>
    <message>
        <source>Batch scripts (written next to the results, then given to sbatch):</source>
        <translation>Пакетные скрипты (записываются рядом с результатами и передаются sbatch):</translation>
    </message>
    <message>
        <source>Cannot prepare the submission: %1</source>
        <translation>Не удаётся подготовить отправку: %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::SpyPlot</name>
    <message>
        <source>Row %1, column %2: not stored</source>
        <translation>Строка %1, столбец %2: не хранится</translation>
    </message>
    <message>
        <source>Row %1, column %2: %3</source>
        <translation>Строка %1, столбец %2: %3</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Столбец</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Строка</translation>
    </message>
    <message>
        <source>Nonzeros per bin</source>
        <translation>Ненулевых в ячейке</translation>
    </message>
    <message>
        <source>Row %1, column %2 (bin of rows %3–%4, columns %5–%6): nnz = %7</source>
        <translation>Строка %1, столбец %2 (ячейка строк %3–%4, столбцов %5–%6): nnz = %7</translation>
    </message>
    <message>
        <source>Largest |value| per bin</source>
        <translation>Наибольшее |значение| в ячейке</translation>
    </message>
</context>
<context>
    <name>fs::ui::Startup</name>
    <message>
        <source>Sparse Cholesky factors and preconditioners, made visible.</source>
        <translation>Разреженные множители Холецкого и предобусловливатели — наглядно.</translation>
    </message>
    <message>
        <source>Matrix Market file to open (.mtx or .mtx.gz).</source>
        <translation>Открываемый файл Matrix Market (.mtx или .mtx.gz).</translation>
    </message>
    <message>
        <source>[FILE]</source>
        <translation>[ФАЙЛ]</translation>
    </message>
    <message>
        <source>Only one file can be opened, got %1.</source>
        <translation>Можно открыть только один файл, указано: %1.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>Для --screenshot нужно имя файла.</translation>
    </message>
    <message>
        <source>Render the main window into PNG and exit.</source>
        <translation>Сохранить главное окно в PNG и выйти.</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>No matrix to show: no file given and no benchmark collection found.</source>
        <translation>Нечего показать: файл не указан, и тестовая коллекция не найдена.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Не удаётся записать снимок экрана в %1.</translation>
    </message>
    <message>
        <source>The view &apos;%1&apos; is not available.</source>
        <translation>Вид «%1» недоступен.</translation>
    </message>
    <message>
        <source>--export-figure training needs --runs DIR…</source>
        <translation>Для --export-figure training нужен --runs КАТАЛОГ…</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>КАТАЛОГ</translation>
    </message>
    <message>
        <source>Cannot read the run folder %1: %2</source>
        <translation>Не удаётся прочитать каталог запуска %1: %2</translation>
    </message>
    <message>
        <source>--export-figure training-eval needs exactly one run folder: --runs DIR</source>
        <translation>Для --export-figure training-eval нужна ровно одна папка запуска: --runs КАТАЛОГ</translation>
    </message>
    <message>
        <source>Training run folders for --export-figure training, or the one gcvae run for --export-figure training-eval.</source>
        <translation>Папки запусков обучения для --export-figure training или единственный запуск gcvae для --export-figure training-eval.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Print where the bundled benchmark and the translations are read from, then exit.</source>
        <translation>Показать, откуда читаются встроенный набор матриц и переводы, и выйти.</translation>
    </message>
    <message>
        <source>built into the program</source>
        <translation>встроены в программу</translation>
    </message>
</context>
<context>
    <name>fs::ui::StatusPanel</name>
    <message>
        <source>n = %1</source>
        <translation>n = %1</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>nnz = %1</source>
        <translation>nnz = %1</translation>
    </message>
    <message>
        <source>not square</source>
        <translation>не квадратная</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>симметричная</translation>
    </message>
    <message>
        <source>not symmetric (defect %1)</source>
        <translation>несимметричная (дефект %1)</translation>
    </message>
    <message>
        <source>Largest |A(i,j) − A(j,i)| relative to the largest |A(i,j)|</source>
        <translation>Наибольшее |A(i,j) − A(j,i)| относительно наибольшего |A(i,j)|</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Загрузка…</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingEval</name>
    <message>
        <source>no convergence</source>
        <translation>нет сходимости</translation>
    </message>
    <message>
        <source>No evaluation yet: eval.json is written when a run finishes.</source>
        <translation>Оценки пока нет: eval.json записывается по завершении запуска.</translation>
    </message>
    <message>
        <source>Mean cosine similarity on the test set: %1</source>
        <translation>Среднее косинусное сходство на тестовом наборе: %1</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Матрица</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>cos (learned)</source>
        <translation>cos (обученный)</translation>
    </message>
    <message>
        <source>cos (K-optimal)</source>
        <translation>cos (K-оптимальный)</translation>
    </message>
    <message>
        <source>cos (IC(0))</source>
        <translation>cos (IC(0))</translation>
    </message>
    <message>
        <source>PCG learned</source>
        <translation>PCG обученный</translation>
    </message>
    <message>
        <source>PCG K-optimal</source>
        <translation>PCG K-оптимальный</translation>
    </message>
    <message>
        <source>PCG IC(0)</source>
        <translation>PCG IC(0)</translation>
    </message>
    <message>
        <source>PCG none</source>
        <translation>PCG без</translation>
    </message>
    <message>
        <source>The evaluation holds no test matrices.</source>
        <translation>Оценка не содержит тестовых матриц.</translation>
    </message>
    <message>
        <source>Per test matrix: residual of each R, PCG iterations (✗ = did not converge, with the iterations done) and nonzeros of each preconditioner.</source>
        <translation>Для каждой тестовой матрицы: невязка каждой R, итерации PCG (✗ — не сошёлся, с числом выполненных итераций) и число ненулевых элементов каждого предобусловливателя.</translation>
    </message>
    <message>
        <source>cos (sampled)</source>
        <translation>cos (выборочный)</translation>
    </message>
    <message>
        <source>‖I − AR‖&lt;sub&gt;F&lt;/sub&gt;</source>
        <translation>‖I − AR‖&lt;sub&gt;F&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>PCG iterations</source>
        <translation>Итерации PCG</translation>
    </message>
    <message>
        <source>Nonzeros of the preconditioner</source>
        <translation>Ненулевые предобусловливателя</translation>
    </message>
    <message>
        <source>Per test matrix: K-condition number of G A Gᵀ for each G, PCG iterations with M⁻¹ = GᵀG (✗ = did not converge, with the iterations done) and nonzeros of each preconditioner.</source>
        <translation>Для каждой тестовой матрицы: K-число обусловленности G A Gᵀ для каждой G, итерации PCG с M⁻¹ = GᵀG (✗ = не сошёлся, с числом выполненных итераций) и число ненулевых элементов каждого предобусловливателя.</translation>
    </message>
    <message>
        <source>K(GAGᵀ)</source>
        <translation>K(GAGᵀ)</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingEvalChart</name>
    <message>
        <source>limit</source>
        <translation>предел</translation>
    </message>
    <message>
        <source>indefinite</source>
        <translation>незнакоопред.</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>н/д</translation>
    </message>
    <message>
        <source>Preconditioner (median over converged solves, whiskers min–max)</source>
        <translation>Предобусловливатель (медиана по сошедшимся решениям, усы мин.–макс.)</translation>
    </message>
    <message>
        <source>Test matrix</source>
        <translation>Тестовая матрица</translation>
    </message>
    <message>
        <source>not converged (at the cap)</source>
        <translation>не сошёлся (на пределе)</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>предел %1</translation>
    </message>
    <message>
        <source>✗ %1 failed</source>
        <translation>✗ не удалось: %1</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <source>Bars:</source>
        <translation>Столбцы:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>Per test matrix</source>
        <translation>По тестовым матрицам</translation>
    </message>
    <message>
        <source>Per method (median, min–max)</source>
        <translation>По методам (медиана, мин.–макс.)</translation>
    </message>
    <message>
        <source>Logarithmic scale</source>
        <translation>Логарифмическая шкала</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Экспорт диаграммы…</translation>
    </message>
    <message>
        <source>PCG iterations</source>
        <translation>Итерации PCG</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingForm</name>
    <message>
        <source>Dataset Folder</source>
        <translation>Папка набора данных</translation>
    </message>
    <message>
        <source>Runs Folder</source>
        <translation>Папка запусков</translation>
    </message>
    <message>
        <source>Generating %1…</source>
        <translation>Создание %1…</translation>
    </message>
    <message>
        <source>Runs on the command&apos;s machine; {args} becomes the trainer&apos;s arguments and its output is recorded in the local run folder.</source>
        <translation>Выполняется на машине команды; {args} заменяется аргументами обучения, а его вывод записывается в локальную папку запуска.</translation>
    </message>
    <message>
        <source>&lt;b&gt;factorscope-train was not found&lt;/b&gt; next to this program or on PATH. Build it (it needs LibTorch) or use a command template.</source>
        <translation>&lt;b&gt;factorscope-train не найден&lt;/b&gt; ни рядом с программой, ни в PATH. Соберите его (нужен LibTorch) или используйте шаблон команды.</translation>
    </message>
    <message>
        <source>Trainer: %1</source>
        <translation>Программа обучения: %1</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Набор данных</translation>
    </message>
    <message>
        <source>Model and Hyperparameters</source>
        <translation>Модель и гиперпараметры</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Серия</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Папка:</translation>
    </message>
    <message>
        <source>Pairs:</source>
        <translation>Пары:</translation>
    </message>
    <message>
        <source>n:</source>
        <translation>n:</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Глубина:</translation>
    </message>
    <message>
        <source>Hidden width:</source>
        <translation>Ширина скрытого слоя:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Эпохи:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Скорость обучения:</translation>
    </message>
    <message>
        <source>Decay every (epochs):</source>
        <translation>Снижение каждые (эпох):</translation>
    </message>
    <message>
        <source>Decay factor:</source>
        <translation>Коэффициент снижения:</translation>
    </message>
    <message>
        <source>Patience (epochs):</source>
        <translation>Терпение (эпох):</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Размер пакета:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Начальное значение:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Устройство:</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Где запускать:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Команда:</translation>
    </message>
    <message>
        <source>Parallel runs:</source>
        <translation>Параллельных запусков:</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Папка запусков:</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Модели:</translation>
    </message>
    <message>
        <source>Depths:</source>
        <translation>Глубины:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Обзор…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Автоматически</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>ЦП</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Этот компьютер</translation>
    </message>
    <message>
        <source>Command template</source>
        <translation>Шаблон команды</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Запустить</translation>
    </message>
    <message>
        <source>Train the chosen node model and depth</source>
        <translation>Обучить выбранную модель узла выбранной глубины</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>Запустить серию</translation>
    </message>
    <message>
        <source>Train every checked model at every checked depth</source>
        <translation>Обучить каждую отмеченную модель на каждой отмеченной глубине</translation>
    </message>
    <message>
        <source>Grid side:</source>
        <translation>Сторона сетки:</translation>
    </message>
    <message>
        <source>Each matrix comes from a side × side grid (order side², or more for the biharmonic problem).</source>
        <translation>Каждая матрица строится на сетке сторона × сторона (порядок сторона², для бигармонической задачи больше).</translation>
    </message>
    <message>
        <source>Order of every matrix.</source>
        <translation>Порядок каждой матрицы.</translation>
    </message>
    <message>
        <source>Dataset kind: %1</source>
        <translation>Тип набора данных: %1</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Модель:</translation>
    </message>
    <message>
        <source>Latent size:</source>
        <translation>Латентная размерность:</translation>
    </message>
    <message>
        <source>KL weight β:</source>
        <translation>Вес KL β:</translation>
    </message>
    <message>
        <source>Samples per matrix:</source>
        <translation>Выборок на матрицу:</translation>
    </message>
    <message>
        <source>Residual weight:</source>
        <translation>Вес невязки:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Тип:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Задача:</translation>
    </message>
    <message>
        <source>σ of log k:</source>
        <translation>σ для log k:</translation>
    </message>
    <message>
        <source>SPAI (elliptic PDEs, for gcvae)</source>
        <translation>SPAI (эллиптические УЧП, для gcvae)</translation>
    </message>
    <message>
        <source>Diffusion −∇·(k∇u)</source>
        <translation>Диффузия −∇·(k∇u)</translation>
    </message>
    <message>
        <source>Biharmonic</source>
        <translation>Бигармоническая</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Смешанная</translation>
    </message>
    <message>
        <source>Standard deviation of the log-normal coefficient field k</source>
        <translation>Стандартное отклонение логнормального поля коэффициентов k</translation>
    </message>
    <message>
        <source>Dimension of the latent variable z</source>
        <translation>Размерность латентной переменной z</translation>
    </message>
    <message>
        <source>Weight of the KL term in the ELBO</source>
        <translation>Вес члена KL в ELBO</translation>
    </message>
    <message>
        <source>Latent draws z ~ N(0, I) per test matrix; the best one is kept</source>
        <translation>Латентные выборки z ~ N(0, I) на тестовую матрицу; сохраняется лучшая</translation>
    </message>
    <message>
        <source>Weight of ‖I − AR‖_F in the loss</source>
        <translation>Вес ‖I − AR‖_F в функции потерь</translation>
    </message>
    <message>
        <source>A dataset is already being generated.</source>
        <translation>Набор данных уже создаётся.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Stop writing the dataset; the folder keeps no manifest, so it is never mistaken for a whole dataset</source>
        <translation>Прекратить запись набора данных; в папке не останется манифеста, и она не будет принята за полный набор</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bound&lt;/b&gt;: the best mean test cosine any model whose outputs see only depth − 1 hops (gatv2, gen, mpmlp, transformer; mlp: depth 1) can reach on this test split:</source>
        <translation>&lt;b&gt;Граница&lt;/b&gt;: лучший средний косинус на тесте, достижимый моделью, выходы которой видят лишь глубина − 1 шагов (gatv2, gen, mpmlp, transformer; mlp: глубина 1), на этой тестовой части:</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>глубина</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>граница</translation>
    </message>
    <message>
        <source>Preset set: generate the %1 dataset, then Start Sweep. &lt;tt&gt;%2&lt;/tt&gt; runs the same and adds the unpaired semiseparable contrast, the table and the figure.</source>
        <translation>Шаблон задан: создайте набор %1, затем «Запустить серию». &lt;tt&gt;%2&lt;/tt&gt; делает то же и добавляет непарный полуразделимый контраст, таблицу и рисунок.</translation>
    </message>
    <message>
        <source>Preset set: Figure 4 trains on K-optimal pairs of the benchmark. Write them with &lt;tt&gt;factorscope-cli dataset kopt --from resources/benchmark --paired --out DIR&lt;/tt&gt;, choose DIR above, then Start Sweep; &lt;tt&gt;%1&lt;/tt&gt; does all of it.</source>
        <translation>Шаблон задан: рисунок 4 обучается на K-оптимальных парах бенчмарка. Запишите их командой &lt;tt&gt;factorscope-cli dataset kopt --from resources/benchmark --paired --out DIR&lt;/tt&gt;, выберите DIR выше, затем «Запустить серию»; &lt;tt&gt;%1&lt;/tt&gt; делает всё это.</translation>
    </message>
    <message>
        <source>Write a synthetic dataset (the chosen family) with factorscope-cli dataset synthetic into the application&apos;s data folder</source>
        <translation>Записать синтетический набор (выбранного семейства) командой factorscope-cli dataset synthetic в папку данных программы</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Семейство:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Создать</translation>
    </message>
    <message>
        <source>Synthetic (for the node models)</source>
        <translation>Синтетический (для узловых моделей)</translation>
    </message>
    <message>
        <source>Semiseparable (seed paper)</source>
        <translation>Полуразделимое (исходная статья)</translation>
    </message>
    <message>
        <source>Counterexample of Thm 2.1</source>
        <translation>Контрпример теоремы 2.1</translation>
    </message>
    <message>
        <source>Laplacian (path graph)</source>
        <translation>Лапласиан (граф-путь)</translation>
    </message>
    <message>
        <source>Semiseparable: the seed paper&apos;s family. Counterexample: the randomised family of Thm 2.1, on which locality provably limits a k-layer model. Laplacian: a tridiagonal Laplacian with random weights.</source>
        <translation>Полуразделимое: семейство исходной статьи. Контрпример: рандомизированное семейство теоремы 2.1, на котором локальность доказуемо ограничивает k-слойную модель. Лапласиан: трёхдиагональный лапласиан со случайными весами.</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>Парный</translation>
    </message>
    <message>
        <source>Write (A, L) and (A′, L′) with A′ = A + A₁₁e₁e₁ᵀ for every base matrix: the data on which the receptive-field bound separates local from non-local models</source>
        <translation>Для каждой базовой матрицы записать (A, L) и (A′, L′), A′ = A + A₁₁e₁e₁ᵀ: данные, на которых граница рецептивного поля отделяет локальные модели от нелокальных</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Нет</translation>
    </message>
    <message>
        <source>Figure 3, quick (counterexample pairs)</source>
        <translation>Рисунок 3, быстро (пары контрпримера)</translation>
    </message>
    <message>
        <source>Figure 3, paper sizes</source>
        <translation>Рисунок 3, размеры статьи</translation>
    </message>
    <message>
        <source>Figure 4, quick (K-optimal pairs)</source>
        <translation>Рисунок 4, быстро (K-оптимальные пары)</translation>
    </message>
    <message>
        <source>Figure 4, paper sizes</source>
        <translation>Рисунок 4, размеры статьи</translation>
    </message>
    <message>
        <source>Set the six models, depths 1, 3, 5, 7 and the training settings of factorscope-cli experiment fig3|fig4</source>
        <translation>Задать шесть моделей, глубины 1, 3, 5, 7 и настройки обучения factorscope-cli experiment fig3|fig4</translation>
    </message>
    <message>
        <source>Write (A, R) or (A, G) pairs of elliptic problems with factorscope-cli dataset spai</source>
        <translation>Записать пары (A, R) или (A, G) эллиптических задач через factorscope-cli dataset spai</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Цель:</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Шаблон:</translation>
    </message>
    <message>
        <source>SPAI R (minimises ‖I − AR‖_F)</source>
        <translation>SPAI R (минимизирует ‖I − AR‖_F)</translation>
    </message>
    <message>
        <source>FSAI G (M⁻¹ = GᵀG, SPD)</source>
        <translation>FSAI G (M⁻¹ = GᵀG, SPD)</translation>
    </message>
    <message>
        <source>SPAI&apos;s symmetrised R can be indefinite; the FSAI factor G always gives an SPD preconditioner, and the model then learns a triangular G</source>
        <translation>Симметризованная R из SPAI может быть знаконеопределённой; множитель FSAI G всегда даёт SPD-предобусловливатель, и модель тогда обучается треугольной G</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>A²</source>
        <translation>A²</translation>
    </message>
    <message>
        <source>The sparsity pattern of the targets: that of A, or of A² (more entries, a stronger preconditioner)</source>
        <translation>Шаблон разреженности целей: шаблон A или A² (больше элементов, более сильный предобусловливатель)</translation>
    </message>
    <message>
        <source>Each run is a task of a Slurm array job; the scripts are shown before they are submitted. The runs folder must be one the cluster&apos;s nodes share with this computer: the curves follow its metrics files.</source>
        <translation>Каждый запуск — задача массива Slurm; скрипты показываются перед отправкой. Папка запусков должна быть общей для узлов кластера и этого компьютера: кривые следуют её файлам метрик.</translation>
    </message>
    <message>
        <source>Slurm (job array)</source>
        <translation>Slurm (массив задач)</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingMetricPlot</name>
    <message>
        <source>Reconstruction</source>
        <translation>Реконструкция</translation>
    </message>
    <message>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>GCVAE metric:</source>
        <translation>Метрика GCVAE:</translation>
    </message>
    <message>
        <source>Reconstruction loss (train)</source>
        <translation>Ошибка реконструкции (обучение)</translation>
    </message>
    <message>
        <source>KL divergence (train)</source>
        <translation>KL-дивергенция (обучение)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Эпоха</translation>
    </message>
    <message>
        <source>Target objective</source>
        <translation>Целевая функция</translation>
    </message>
    <message>
        <source>Ratio to the target</source>
        <translation>Отношение к цели</translation>
    </message>
    <message>
        <source>Target objective (train): (‖I − AR‖_F ratio)² or log-K gap</source>
        <translation>Целевая функция (обучение): (отношение ‖I − AR‖_F)² или разрыв log K</translation>
    </message>
    <message>
        <source>Ratio to the target (test): ‖I − AR‖_F / ‖I − AR_SPAI‖_F or K(GAGᵀ) / K_FSAI</source>
        <translation>Отношение к цели (тест): ‖I − AR‖_F / ‖I − AR_SPAI‖_F или K(GAGᵀ) / K_FSAI</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingPlot</name>
    <message>
        <source>%1 test</source>
        <translation>%1 тест</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 обучение</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Эпоха</translation>
    </message>
    <message>
        <source>Cosine similarity</source>
        <translation>Косинусное сходство</translation>
    </message>
    <message>
        <source>%1 bound</source>
        <translation>%1 граница</translation>
    </message>
    <message>
        <source>&amp;Axis:</source>
        <translation>&amp;Ось:</translation>
    </message>
    <message>
        <source>1 − cosine, log</source>
        <translation>1 − косинус, лог.</translation>
    </message>
    <message>
        <source>A log axis of 1 − cosine shows the differences a 0–1 axis hides above 0.95.</source>
        <translation>Логарифмическая ось 1 − косинус показывает различия, которые ось 0–1 скрывает выше 0,95.</translation>
    </message>
    <message>
        <source>1 − cosine similarity</source>
        <translation>1 − косинусное сходство</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingRun</name>
    <message>
        <source>queued</source>
        <translation>в очереди</translation>
    </message>
    <message>
        <source>running</source>
        <translation>выполняется</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>останавливается</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>завершён</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>остановлен</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>ошибка</translation>
    </message>
    <message>
        <source>%1 holds no training run (no config.json or metrics.jsonl).</source>
        <translation>%1 не содержит запуска обучения (нет config.json или metrics.jsonl).</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingRunModel</name>
    <message>
        <source>%1 (malformed lines: %2)</source>
        <translation>%1 (ошибочных строк: %2)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Запуск</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Модель</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Глубина</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Эпохи</translation>
    </message>
    <message>
        <source>Best test cos</source>
        <translation>Лучший тест. cos</translation>
    </message>
    <message>
        <source>Final test cos</source>
        <translation>Итоговый тест. cos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source> · Slurm %1 %2</source>
        <translation> · Slurm %1 %2</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingView</name>
    <message>
        <source>The run history cannot be opened: %1</source>
        <translation>Не удаётся открыть историю запусков: %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Обучение</translation>
    </message>
    <message>
        <source>The run folder is missing.</source>
        <translation>Папка запуска отсутствует.</translation>
    </message>
    <message>
        <source>factorscope-train was not found next to this program or on PATH; nothing was started.</source>
        <translation>factorscope-train не найден ни рядом с программой, ни в PATH; ничего не запущено.</translation>
    </message>
    <message>
        <source>Choose a dataset folder first.</source>
        <translation>Сначала выберите папку с набором данных.</translation>
    </message>
    <message>
        <source>Check at least one model and one depth for the sweep.</source>
        <translation>Отметьте для серии хотя бы одну модель и одну глубину.</translation>
    </message>
    <message>
        <source>Queued %1 runs.</source>
        <translation>Запусков в очереди: %1.</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Удаление запусков</translation>
    </message>
    <message>
        <source>Remove %1 run(s) from the history? Their folders can be kept or deleted.</source>
        <translation>Удалить запуски (%1) из истории? Их папки можно сохранить или удалить.</translation>
    </message>
    <message>
        <source>Remove, Keep Folders</source>
        <translation>Удалить, сохранив папки</translation>
    </message>
    <message>
        <source>Delete Folders</source>
        <translation>Удалить папки</translation>
    </message>
    <message>
        <source>Open Run Folder</source>
        <translation>Открыть папку запуска</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Ошибка экспорта</translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation>Экспорт метрик</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Файлы CSV (*.csv)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Остановить</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Open Run…</source>
        <translation>Открыть запуск…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>Экспорт рисунка…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Экспорт CSV…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Журнал</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Оценка</translation>
    </message>
    <message>
        <source>The selected run has no GCVAE evaluation (eval.json with &quot;kind&quot;: &quot;gcvae&quot;).</source>
        <translation>У выбранного запуска нет оценки GCVAE (eval.json с &quot;kind&quot;: &quot;gcvae&quot;).</translation>
    </message>
    <message>
        <source>The run history could not be updated (%1); the run itself is not affected.</source>
        <translation>Не удалось обновить историю запусков (%1); сам запуск не затронут.</translation>
    </message>
    <message>
        <source>A Slurm sweep trains every chosen model at every chosen depth.</source>
        <translation>Перебор на Slurm обучает каждую выбранную модель на каждой выбранной глубине.</translation>
    </message>
    <message>
        <source>The sweep was not submitted: %1</source>
        <translation>Перебор не отправлен: %1</translation>
    </message>
    <message>
        <source>Submitted %1 runs as Slurm job %2 (scripts and logs in %3).</source>
        <translation>Отправлено запусков: %1 как задача Slurm %2 (скрипты и журналы в %3).</translation>
    </message>
</context>
</TS>
