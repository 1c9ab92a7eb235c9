<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>fs::ui::LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System Default</source>
        <translation>Systemvorgabe</translation>
    </message>
</context>
<context>
    <name>fs::ui::LoadFailureText</name>
    <message>
        <source>The file cannot be opened or read.</source>
        <translation>Die Datei kann nicht geöffnet oder gelesen werden.</translation>
    </message>
    <message>
        <source>The gzip data is corrupt or truncated.</source>
        <translation>Die gzip-Daten sind beschädigt oder unvollständig.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Die Datei ist leer.</translation>
    </message>
    <message>
        <source>The first line is not a Matrix Market banner (%%MatrixMarket matrix &lt;format&gt; &lt;field&gt; &lt;symmetry&gt;).</source>
        <translation>Die erste Zeile ist kein Matrix-Market-Kopf (%%MatrixMarket matrix &lt;format&gt; &lt;field&gt; &lt;symmetry&gt;).</translation>
    </message>
    <message>
        <source>The storage format is neither &quot;coordinate&quot; nor &quot;array&quot;.</source>
        <translation>Das Speicherformat ist weder „coordinate“ noch „array“.</translation>
    </message>
    <message>
        <source>The value type is not supported (only real, integer and pattern matrices can be read).</source>
        <translation>Der Werttyp wird nicht unterstützt (lesbar sind nur Matrizen vom Typ real, integer und pattern).</translation>
    </message>
    <message>
        <source>The symmetry type is not supported (only general, symmetric and skew-symmetric matrices can be read).</source>
        <translation>Der Symmetrietyp wird nicht unterstützt (lesbar sind nur Matrizen vom Typ general, symmetric und skew-symmetric).</translation>
    </message>
    <message>
        <source>The size line is missing.</source>
        <translation>Die Größenzeile fehlt.</translation>
    </message>
    <message>
        <source>The size line is malformed or inconsistent with the declared symmetry.</source>
        <translation>Die Größenzeile ist fehlerhaft oder passt nicht zur angegebenen Symmetrie.</translation>
    </message>
    <message>
        <source>The declared size is larger than the file can hold or than this program can address.</source>
        <translation>Die angegebene Größe übersteigt, was die Datei enthalten oder dieses Programm adressieren kann.</translation>
    </message>
    <message>
        <source>The file ends before all announced entries were read.</source>
        <translation>Die Datei endet, bevor alle angekündigten Einträge gelesen wurden.</translation>
    </message>
    <message>
        <source>The file contains more entries than announced.</source>
        <translation>Die Datei enthält mehr Einträge als angekündigt.</translation>
    </message>
    <message>
        <source>A row or column index lies outside the matrix.</source>
        <translation>Ein Zeilen- oder Spaltenindex liegt außerhalb der Matrix.</translation>
    </message>
    <message>
        <source>A number was expected but something else was found.</source>
        <translation>Eine Zahl wurde erwartet, aber etwas anderes gefunden.</translation>
    </message>
    <message>
        <source>The matrix contains a NaN or infinite value.</source>
        <translation>Die Matrix enthält einen NaN- oder unendlichen Wert.</translation>
    </message>
    <message>
        <source>An entry is stored more than once.</source>
        <translation>Ein Eintrag ist mehrfach gespeichert.</translation>
    </message>
    <message>
        <source>A skew-symmetric matrix has a nonzero diagonal entry.</source>
        <translation>Eine schiefsymmetrische Matrix hat einen von null verschiedenen Diagonaleintrag.</translation>
    </message>
    <message>
        <source>The file cannot be written.</source>
        <translation>Die Datei kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <source>The file is not a valid Matrix Market file.</source>
        <translation>Die Datei ist keine gültige Matrix-Market-Datei.</translation>
    </message>
    <message>
        <source>There is not enough memory to hold this matrix.</source>
        <translation>Für diese Matrix ist nicht genug Speicher vorhanden.</translation>
    </message>
    <message>
        <source>An unexpected error occurred while reading the file.</source>
        <translation>Beim Lesen der Datei ist ein unerwarteter Fehler aufgetreten.</translation>
    </message>
    <message>
        <source>Could not load %1.</source>
        <translation>%1 konnte nicht geladen werden.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>Details: %1</source>
        <translation>Details: %1</translation>
    </message>
    <message>
        <source>Cannot Open Matrix</source>
        <translation>Matrix kann nicht geöffnet werden</translation>
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
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open a Matrix Market file (.mtx or .mtx.gz)</source>
        <translation>Eine Matrix-Market-Datei öffnen (.mtx oder .mtx.gz)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Reset Zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Show the whole matrix</source>
        <translation>Die ganze Matrix zeigen</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;About FactorScope</source>
        <translation>Ü&amp;ber FactorScope</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>&amp;Matrix List</source>
        <translation>&amp;Matrixliste</translation>
    </message>
    <message>
        <source>Open Matrix</source>
        <translation>Matrix öffnen</translation>
    </message>
    <message>
        <source>Matrix Market files (*.mtx *.mtx.gz);;All files (*)</source>
        <translation>Matrix-Market-Dateien (*.mtx *.mtx.gz);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>About FactorScope</source>
        <translation>Über FactorScope</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FactorScope %1&lt;/h3&gt;&lt;p&gt;Sparse Cholesky factors and preconditioners, made visible.&lt;/p&gt;&lt;p&gt;FactorScope is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License as published by the Free Software Foundation, either version 3 of the License, or (at your option) any later version (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;It is distributed in the hope that it will be useful, but WITHOUT ANY WARRANTY.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FactorScope %1&lt;/h3&gt;&lt;p&gt;Dünnbesetzte Cholesky-Faktoren und Vorkonditionierer, sichtbar gemacht.&lt;/p&gt;&lt;p&gt;FactorScope ist freie Software: Sie können es unter den Bedingungen der GNU General Public License, wie von der Free Software Foundation veröffentlicht, weitergeben und/oder verändern, entweder gemäß Version 3 der Lizenz oder (nach Ihrer Wahl) jeder späteren Version (GPL-3.0-or-later).&lt;/p&gt;&lt;p&gt;Es wird in der Hoffnung verbreitet, dass es nützlich ist, aber OHNE JEDE GEWÄHRLEISTUNG.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Colour By</source>
        <translation>&amp;Färben nach</translation>
    </message>
    <message>
        <source>Nonzero &amp;Count</source>
        <translation>&amp;Anzahl der Nichtnullen</translation>
    </message>
    <message>
        <source>Colour each bin by the number of nonzeros it holds</source>
        <translation>Jedes Feld nach der Anzahl seiner Nichtnullen färben</translation>
    </message>
    <message>
        <source>Largest &amp;Magnitude</source>
        <translation>Größtem &amp;Betrag</translation>
    </message>
    <message>
        <source>Colour each bin by the largest absolute value it holds</source>
        <translation>Jedes Feld nach dem größten Betrag seiner Werte färben</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
</context>
<context>
    <name>fs::ui::MatrixListDock</name>
    <message>
        <source>Benchmark Matrices</source>
        <translation>Benchmark-Matrizen</translation>
    </message>
    <message>
        <source>Filter by name</source>
        <translation>Nach Namen filtern</translation>
    </message>
</context>
<context>
    <name>fs::ui::MatrixListModel</name>
    <message>
        <source>%1: %2 × %3, %4 stored entries%5</source>
        <translation>%1: %2 × %3, %4 gespeicherte Einträge%5</translation>
    </message>
    <message>
        <source>, symmetric positive definite</source>
        <translation>, symmetrisch positiv definit</translation>
    </message>
    <message>
        <source>, symmetric</source>
        <translation>, symmetrisch</translation>
    </message>
    <message>
        <source>%1 × %2</source>
        <translation>%1 × %2</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
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
        <translation>Name der Matrix in der Sammlung</translation>
    </message>
    <message>
        <source>Order of the matrix (rows × columns when not square)</source>
        <translation>Ordnung der Matrix (Zeilen × Spalten, wenn nicht quadratisch)</translation>
    </message>
    <message>
        <source>Entries stored in the file (one triangle for symmetric matrices)</source>
        <translation>In der Datei gespeicherte Einträge (ein Dreieck bei symmetrischen Matrizen)</translation>
    </message>
</context>
<context>
    <name>fs::ui::RecentFilesMenu</name>
    <message>
        <source>Clear Menu</source>
        <translation>Menü leeren</translation>
    </message>
    <message>
        <source>Recent Files</source>
        <translation>Zuletzt geöffnete Dateien</translation>
    </message>
</context>
<context>
    <name>fs::ui::SpyPlot</name>
    <message>
        <source>Row %1, column %2: not stored</source>
        <translation>Zeile %1, Spalte %2: nicht gespeichert</translation>
    </message>
    <message>
        <source>Row %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>Spalte</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Zeile</translation>
    </message>
    <message>
        <source>Nonzeros per bin</source>
        <translation>Nichtnullen pro Feld</translation>
    </message>
    <message>
        <source>Row %1, column %2 (bin of rows %3–%4, columns %5–%6): nnz = %7</source>
        <translation>Zeile %1, Spalte %2 (Feld der Zeilen %3–%4, Spalten %5–%6): nnz = %7</translation>
    </message>
    <message>
        <source>Largest |value| per bin</source>
        <translation>Größter |Wert| pro Feld</translation>
    </message>
</context>
<context>
    <name>fs::ui::Startup</name>
    <message>
        <source>Sparse Cholesky factors and preconditioners, made visible.</source>
        <translation>Dünnbesetzte Cholesky-Faktoren und Vorkonditionierer, sichtbar gemacht.</translation>
    </message>
    <message>
        <source>Matrix Market file to open (.mtx or .mtx.gz).</source>
        <translation>Zu öffnende Matrix-Market-Datei (.mtx oder .mtx.gz).</translation>
    </message>
    <message>
        <source>[FILE]</source>
        <translation>[DATEI]</translation>
    </message>
    <message>
        <source>Only one file can be opened, got %1.</source>
        <translation>Es kann nur eine Datei geöffnet werden, angegeben wurden %1.</translation>
    </message>
    <message>
        <source>--screenshot needs a file name.</source>
        <translation>--screenshot braucht einen Dateinamen.</translation>
    </message>
    <message>
        <source>Render the main window into PNG and exit.</source>
        <translation>Das Hauptfenster als PNG speichern und beenden.</translation>
    </message>
    <message>
        <source>PNG</source>
        <translation>PNG</translation>
    </message>
    <message>
        <source>No matrix to show: no file given and no benchmark collection found.</source>
        <translation>Keine Matrix anzuzeigen: keine Datei angegeben und keine Benchmark-Sammlung gefunden.</translation>
    </message>
    <message>
        <source>Cannot write the screenshot to %1.</source>
        <translation>Das Bildschirmfoto kann nicht nach %1 geschrieben werden.</translation>
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
        <translation>nicht quadratisch</translation>
    </message>
    <message>
        <source>symmetric</source>
        <translation>symmetrisch</translation>
    </message>
    <message>
        <source>not symmetric (defect %1)</source>
        <translation>nicht symmetrisch (Defekt %1)</translation>
    </message>
    <message>
        <source>Largest |A(i,j) − A(j,i)| relative to the largest |A(i,j)|</source>
        <translation>Größtes |A(i,j) − A(j,i)| relativ zum größten |A(i,j)|</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
</context>
</TS>
