<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
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
</TS>
