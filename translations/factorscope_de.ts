<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>fs::ui</name>
    <message>
        <source>cannot create the folder of %1</source>
        <translation>der Ordner von %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>%1 is damaged (%2) and cannot be moved aside</source>
        <translation>%1 ist beschädigt (%2) und kann nicht beiseitegelegt werden</translation>
    </message>
    <message>
        <source>%1 was damaged (%2); it was moved to %3 and a new, empty store started.</source>
        <translation>%1 war beschädigt (%2); die Datei wurde nach %3 verschoben und ein neuer, leerer Speicher angelegt.</translation>
    </message>
</context>
<context>
    <name>fs::ui::BenchChart</name>
    <message>
        <source>Figure 2: matrices per category (K-optimal vs IC(0))</source>
        <translation>Abbildung 2: Matrizen je Kategorie (K-optimal gegen IC(0))</translation>
    </message>
    <message>
        <source>Matrices</source>
        <translation>Matrizen</translation>
    </message>
    <message numerus="yes">
        <source>hatched: %n within noise (IC(0) and K-optimal ranges overlap)</source>
        <translation>
            <numerusform>schraffiert: %n im Rauschen (Bereiche von IC(0) und K-optimal überlappen)</numerusform>
            <numerusform>schraffiert: %n im Rauschen (Bereiche von IC(0) und K-optimal überlappen)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fs::ui::BenchDetail</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Jacobi</source>
        <translation>Jacobi</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-optimal</source>
        <translation>K-optimal</translation>
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
        <translation>Wählen Sie eine Matrix in der Tabelle</translation>
    </message>
    <message>
        <source>Computing factors…</source>
        <translation>Faktoren werden berechnet …</translation>
    </message>
    <message>
        <source>K-optimal factor not available</source>
        <translation>K-optimaler Faktor nicht verfügbar</translation>
    </message>
    <message>
        <source>IC(0) broke down</source>
        <translation>IC(0) ist abgebrochen</translation>
    </message>
    <message>
        <source>%1 (failed)</source>
        <translation>%1 (gescheitert)</translation>
    </message>
    <message>
        <source>Open in perturb view</source>
        <translation>In der Störungsansicht öffnen</translation>
    </message>
    <message>
        <source>PCG iteration</source>
        <translation>PCG-Iteration</translation>
    </message>
    <message>
        <source>Relative residual</source>
        <translation>Relatives Residuum</translation>
    </message>
    <message>
        <source>Pattern of A</source>
        <translation>Muster von A</translation>
    </message>
    <message>
        <source>Pattern of the K-optimal factor</source>
        <translation>Muster des K-optimalen Faktors</translation>
    </message>
    <message>
        <source>Pattern of the IC(0) factor</source>
        <translation>Muster des IC(0)-Faktors</translation>
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
        <translation>Nur K-optimal</translation>
    </message>
    <message>
        <source>K-optimal fewer</source>
        <translation>K-optimal weniger</translation>
    </message>
    <message>
        <source>IC(0) fewer</source>
        <translation>IC(0) weniger</translation>
    </message>
    <message>
        <source>IC(0) only</source>
        <translation>Nur IC(0)</translation>
    </message>
    <message>
        <source>Tie</source>
        <translation>Gleichstand</translation>
    </message>
    <message>
        <source>Both failed</source>
        <translation>Beide gescheitert</translation>
    </message>
    <message>
        <source>Not SPD</source>
        <translation>Nicht SPD</translation>
    </message>
    <message>
        <source>SPD</source>
        <translation>SPD</translation>
    </message>
    <message>
        <source>not SPD</source>
        <translation>nicht SPD</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>unlesbar</translation>
    </message>
    <message>
        <source>breakdown</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <source>budget</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>&gt; %1</source>
        <translation>&gt; %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gescheitert</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Nonzeros</source>
        <translation>Nichtnullen</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Jacobi</source>
        <translation>Jacobi</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-opt</source>
        <translation>K-opt</translation>
    </message>
    <message>
        <source>SPAI</source>
        <translation>SPAI</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <source>K(IC(0))</source>
        <translation>K(IC(0))</translation>
    </message>
    <message>
        <source>K(K-opt)</source>
        <translation>K(K-opt)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>Iteration ranges not measured (noise reruns 0)</source>
        <translation>Iterationsbereiche nicht gemessen (0 Rauschläufe)</translation>
    </message>
    <message>
        <source>IC(0) %1–%2, K-optimal %3–%4 iterations with values perturbed at 1e-12</source>
        <translation>IC(0) %1–%2, K-optimal %3–%4 Iterationen mit um 1e-12 gestörten Werten</translation>
    </message>
    <message>
        <source>FSAI</source>
        <translation>FSAI</translation>
    </message>
    <message>
        <source>Within noise</source>
        <translation>Im Rauschen</translation>
    </message>
</context>
<context>
    <name>fs::ui::BenchView</name>
    <message>
        <source>Benchmark</source>
        <translation>Benchmark</translation>
    </message>
    <message>
        <source>Matrices:</source>
        <translation>Matrizen:</translation>
    </message>
    <message>
        <source>Bundled benchmark</source>
        <translation>Mitgelieferter Benchmark</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ordner hinzufügen …</translation>
    </message>
    <message>
        <source>Ordering:</source>
        <translation>Ordnung:</translation>
    </message>
    <message>
        <source>Time budget:</source>
        <translation>Zeitbudget:</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Wall-time limit per matrix and preconditioner; an overrun is recorded as an outcome.</source>
        <translation>Zeitlimit je Matrix und Vorkonditionierer; eine Überschreitung wird als Ergebnis festgehalten.</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Filter:</source>
        <translation>Filter:</translation>
    </message>
    <message>
        <source>Name or group</source>
        <translation>Name oder Gruppe</translation>
    </message>
    <message>
        <source>n:</source>
        <translation>n:</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Alle Kategorien</translation>
    </message>
    <message>
        <source>Folder with .mtx / .mtx.gz files</source>
        <translation>Ordner mit .mtx-/.mtx.gz-Dateien</translation>
    </message>
    <message>
        <source>%1:%2</source>
        <translation>%1:%2</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>Diagramm exportieren …</translation>
    </message>
    <message>
        <source>Export Figure 2</source>
        <translation>Abbildung 2 exportieren</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;PNG image (*.png);;SVG (*.svg)</source>
        <translation>PDF (*.pdf);;PNG-Bild (*.png);;SVG (*.svg)</translation>
    </message>
    <message>
        <source>The benchmark store %1 cannot be opened (%2): results are shown but not kept.</source>
        <translation>Der Benchmark-Speicher %1 lässt sich nicht öffnen (%2): Ergebnisse werden angezeigt, aber nicht gespeichert.</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s) not yet stored (%1): they stay in the table and are stored as soon as the store is free.</source>
        <translation>
            <numerusform>%n Ergebnis ist noch nicht gespeichert (%1): es bleibt in der Tabelle und wird gespeichert, sobald der Speicher frei ist.</numerusform>
            <numerusform>%n Ergebnisse sind noch nicht gespeichert (%1): sie bleiben in der Tabelle und werden gespeichert, sobald der Speicher frei ist.</numerusform>
        </translation>
    </message>
    <message>
        <source>K-opt scaling:</source>
        <translation>K-opt-Skalierung:</translation>
    </message>
    <message>
        <source>Algorithm 1</source>
        <translation>Algorithmus 1</translation>
    </message>
    <message>
        <source>for PCG</source>
        <translation>für PCG</translation>
    </message>
    <message>
        <source>Algorithm 1 scales K-optimal columns so that diag(LᵀA⁻¹L) = 1; “for PCG” rescales them so that diag(L⁻¹AL⁻ᵀ) = 1, the operator PCG sees.</source>
        <translation>Algorithmus 1 skaliert die K-optimalen Spalten so, dass diag(LᵀA⁻¹L) = 1; „für PCG“ skaliert sie so, dass diag(L⁻¹AL⁻ᵀ) = 1, der Operator, den PCG sieht.</translation>
    </message>
    <message>
        <source>Noise reruns:</source>
        <translation>Rauschläufe:</translation>
    </message>
    <message>
        <source>PCG reruns per preconditioner with its values perturbed at relative 1e-12. A category whose IC(0) and K-optimal iteration ranges overlap is marked within noise (hatched in the chart).</source>
        <translation>PCG-Wiederholungen je Vorkonditionierer mit relativ um 1e-12 gestörten Werten. Eine Kategorie, deren Iterationsbereiche von IC(0) und K-optimal überlappen, wird als im Rauschen markiert (im Diagramm schraffiert).</translation>
    </message>
    <message numerus="yes">
        <source>Cluster run done: %n results imported from %1.</source>
        <translation>
            <numerusform>Cluster-Lauf fertig: %n Ergebnis aus %1 übernommen.</numerusform>
            <numerusform>Cluster-Lauf fertig: %n Ergebnisse aus %1 übernommen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Cluster run done, but its store could not be imported: %1</source>
        <translation>Cluster-Lauf fertig, aber sein Speicher ließ sich nicht übernehmen: %1</translation>
    </message>
    <message>
        <source>The cluster&apos;s merge job %1 ended %2; see the logs next to %3.</source>
        <translation>Der Zusammenführungsjob %1 des Clusters endete mit %2; die Protokolle liegen neben %3.</translation>
    </message>
    <message>
        <source>unseen</source>
        <translation>ungesehen</translation>
    </message>
    <message>
        <source>Run on cluster…</source>
        <translation>Auf dem Cluster…</translation>
    </message>
    <message>
        <source>Submit the folder to Slurm as an array of shards and a merge job; the results arrive here when the merge is done</source>
        <translation>Den Ordner als Slurm-Array von Teilen und einen Zusammenführungsjob abschicken; die Ergebnisse erscheinen hier, sobald die Zusammenführung fertig ist</translation>
    </message>
    <message>
        <source>Nothing was submitted: %1</source>
        <translation>Nichts wurde abgeschickt: %1</translation>
    </message>
    <message>
        <source>On the cluster: shards (job %1) %2 of %3 done, %4 running; merge (job %5) %6.</source>
        <translation>Auf dem Cluster: Teile (Job %1) %2 von %3 fertig, %4 laufen; Zusammenführung (Job %5) %6.</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionController</name>
    <message>
        <source>SuiteSparse &amp;Collection…</source>
        <translation>SuiteSparse-&amp;Sammlung…</translation>
    </message>
    <message>
        <source>Browse the SuiteSparse Matrix Collection and download matrices from it</source>
        <translation>Die SuiteSparse Matrix Collection durchsuchen und Matrizen daraus herunterladen</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionDialog</name>
    <message>
        <source>Matrices: %1 of %2</source>
        <translation>Matrizen: %1 von %2</translation>
    </message>
    <message>
        <source>%1 is not a collection index (ssstats.csv): no matrix line was understood (problems: %2).</source>
        <translation>%1 ist kein Index der Sammlung (ssstats.csv): keine Matrixzeile war lesbar (Probleme: %2).</translation>
    </message>
    <message>
        <source>Matrices in the index of %1: %2.</source>
        <translation>Matrizen im Index vom %1: %2.</translation>
    </message>
    <message>
        <source>Lines skipped as malformed: %1 (the first is line %2).</source>
        <translation>Fehlerhafte Zeilen übersprungen: %1 (die erste ist Zeile %2).</translation>
    </message>
    <message>
        <source>Downloading the collection index from %1…</source>
        <translation>Index der Sammlung wird von %1 heruntergeladen…</translation>
    </message>
    <message>
        <source>Without a connection to the collection, load a copy of ssstats.csv from disk.</source>
        <translation>Ohne Verbindung zur Sammlung können Sie eine Kopie von ssstats.csv von der Festplatte laden.</translation>
    </message>
    <message>
        <source>The collection index could not be downloaded. %1 %2</source>
        <translation>Der Index der Sammlung konnte nicht heruntergeladen werden. %1 %2</translation>
    </message>
    <message>
        <source>The index shown is the one saved earlier.</source>
        <translation>Angezeigt wird der früher gespeicherte Index.</translation>
    </message>
    <message>
        <source>Load Collection Index</source>
        <translation>Index der Sammlung laden</translation>
    </message>
    <message>
        <source>Collection index (ssstats.csv *.csv);;All files (*)</source>
        <translation>Index der Sammlung (ssstats.csv *.csv);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Downloading from %1, matrices: %2…</source>
        <translation>Download von %1, Matrizen: %2…</translation>
    </message>
    <message>
        <source>Download cancelled; nothing partial was kept.</source>
        <translation>Download abgebrochen; nichts Unvollständiges wurde behalten.</translation>
    </message>
    <message>
        <source>Matrices ready: %1.</source>
        <translation>Matrizen bereit: %1.</translation>
    </message>
    <message>
        <source>SuiteSparse Matrix Collection</source>
        <translation>SuiteSparse Matrix Collection</translation>
    </message>
    <message>
        <source>Download &amp;Index</source>
        <translation>&amp;Index herunterladen</translation>
    </message>
    <message>
        <source>&amp;Load ssstats.csv…</source>
        <translation>ssstats.csv &amp;laden…</translation>
    </message>
    <message>
        <source>&amp;Download Selected</source>
        <translation>Auswahl &amp;herunterladen</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Öffnen</translation>
    </message>
    <message>
        <source>&amp;Cancel Download</source>
        <translation>Download a&amp;bbrechen</translation>
    </message>
    <message>
        <source>Select several matrices with Ctrl or Shift; double-click a downloaded one to open it.</source>
        <translation>Mehrere Matrizen mit Strg oder Umschalt auswählen; eine heruntergeladene per Doppelklick öffnen.</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionDownloader</name>
    <message>
        <source>The collection at %1 has no file %2 (HTTP %3).</source>
        <translation>Die Sammlung unter %1 hat keine Datei %2 (HTTP %3).</translation>
    </message>
    <message>
        <source>Could not download %1: %2.</source>
        <translation>%1 konnte nicht heruntergeladen werden: %2.</translation>
    </message>
    <message>
        <source>Could not write %1: %2.</source>
        <translation>%1 konnte nicht geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The archive of %1 does not contain %2.</source>
        <translation>Das Archiv von %1 enthält %2 nicht.</translation>
    </message>
    <message>
        <source>Could not write %1 into the cache: %2.</source>
        <translation>%1 konnte nicht in den Cache geschrieben werden: %2.</translation>
    </message>
    <message>
        <source>The archive of %1 is damaged or incomplete (%2). Try the download again.</source>
        <translation>Das Archiv von %1 ist beschädigt oder unvollständig (%2). Bitte den Download wiederholen.</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionFilterBar</name>
    <message>
        <source>Filter by name, group, kind or id</source>
        <translation>Nach Name, Gruppe, Art oder Id filtern</translation>
    </message>
    <message>
        <source>&amp;Positive definite only</source>
        <translation>Nur &amp;positiv definite</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>&amp;Group:</source>
        <translation>&amp;Gruppe:</translation>
    </message>
    <message>
        <source>&amp;Rows:</source>
        <translation>&amp;Zeilen:</translation>
    </message>
    <message>
        <source>&amp;Nonzeros:</source>
        <translation>&amp;Nichtnullen:</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>Alle Arten</translation>
    </message>
    <message>
        <source>All groups</source>
        <translation>Alle Gruppen</translation>
    </message>
    <message>
        <source>any</source>
        <translation>beliebig</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>unbegrenzt</translation>
    </message>
</context>
<context>
    <name>fs::ui::CollectionModel</name>
    <message>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>unbekannt</translation>
    </message>
    <message>
        <source>downloaded</source>
        <translation>heruntergeladen</translation>
    </message>
    <message>
        <source>Id</source>
        <translation>Id</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>Zeilen</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>Spalten</translation>
    </message>
    <message>
        <source>Nonzeros</source>
        <translation>Nichtnullen</translation>
    </message>
    <message>
        <source>SPD</source>
        <translation>SPD</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Art</translation>
    </message>
    <message>
        <source>Local copy</source>
        <translation>Lokale Kopie</translation>
    </message>
</context>
<context>
    <name>fs::ui::DatasetGenerator</name>
    <message>
        <source>Dataset written to %1.</source>
        <translation>Datensatz nach %1 geschrieben.</translation>
    </message>
    <message>
        <source>The dataset could not be generated: %1</source>
        <translation>Der Datensatz konnte nicht erzeugt werden: %1</translation>
    </message>
    <message>
        <source>%1 has no readable manifest.json.</source>
        <translation>%1 enthält keine lesbare manifest.json.</translation>
    </message>
    <message>
        <source>The manifest.json in %1 names no dataset kind.</source>
        <translation>Die manifest.json in %1 nennt keine Datensatzart.</translation>
    </message>
    <message>
        <source>%1 learns Cholesky factors, but this is a SPAI dataset (pairs A, R) that only gcvae trains on. Choose a synthetic or K-optimal dataset, or the model gcvae.</source>
        <translation>%1 lernt Cholesky-Faktoren, aber dies ist ein SPAI-Datensatz (Paare A, R), auf dem nur gcvae trainiert. Wählen Sie einen synthetischen oder K-optimalen Datensatz oder das Modell gcvae.</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>gcvae learns sparse approximate inverses and needs a SPAI dataset (pairs A, R), but this dataset is of kind &quot;%1&quot;. Generate one with &quot;Generate&quot; and the kind SPAI.</source>
        <translation>gcvae lernt dünnbesetzte approximative Inverse und braucht einen SPAI-Datensatz (Paare A, R), dieser Datensatz ist aber von der Art „%1“. Erzeugen Sie einen mit „Erzeugen“ und der Art SPAI.</translation>
    </message>
</context>
<context>
    <name>fs::ui::ExperimentFigure</name>
    <message>
        <source>depth (processor blocks)</source>
        <translation>Tiefe (Prozessorblöcke)</translation>
    </message>
    <message>
        <source>best test cosine</source>
        <translation>bester Test-Kosinus</translation>
    </message>
    <message>
        <source>bound (%1)</source>
        <translation>Schranke (%1)</translation>
    </message>
    <message>
        <source>The experiment results hold no datasets.</source>
        <translation>Die Ergebnisse des Experiments enthalten keine Datensätze.</translation>
    </message>
    <message>
        <source>The experiment results are malformed: %1</source>
        <translation>Die Ergebnisse des Experiments sind fehlerhaft: %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::ExportDialog</name>
    <message>
        <source>Export Figure</source>
        <translation>Abbildung exportieren</translation>
    </message>
    <message>
        <source>Export All Figures</source>
        <translation>Alle Abbildungen exportieren</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>PDF document</source>
        <translation>PDF-Dokument</translation>
    </message>
    <message>
        <source>SVG drawing</source>
        <translation>SVG-Zeichnung</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>Datei:</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>Breite:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>Höhe:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>Auflösung:</translation>
    </message>
    <message>
        <source>Figures (*.png *.pdf *.svg)</source>
        <translation>Abbildungen (*.png *.pdf *.svg)</translation>
    </message>
</context>
<context>
    <name>fs::ui::FigureExporter</name>
    <message>
        <source>Unknown figure format for %1: use .png, .pdf or .svg.</source>
        <translation>Unbekanntes Abbildungsformat für %1: bitte .png, .pdf oder .svg verwenden.</translation>
    </message>
    <message>
        <source>The figure size and resolution must be positive.</source>
        <translation>Größe und Auflösung der Abbildung müssen positiv sein.</translation>
    </message>
    <message>
        <source>Cannot write the figure to %1.</source>
        <translation>Die Abbildung kann nicht nach %1 geschrieben werden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
</context>
<context>
    <name>fs::ui::GcvaeEval</name>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Jacobi</source>
        <translation>Jacobi</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-optimal</source>
        <translation>K-optimal</translation>
    </message>
    <message>
        <source>SPAI</source>
        <translation>SPAI</translation>
    </message>
    <message>
        <source>GCVAE (mean)</source>
        <translation>GCVAE (Mittelwert)</translation>
    </message>
    <message>
        <source>GCVAE (sampled)</source>
        <translation>GCVAE (gezogen)</translation>
    </message>
    <message>
        <source>iteration limit</source>
        <translation>Iterationsgrenze</translation>
    </message>
    <message>
        <source>breakdown</source>
        <translation>Abbruch</translation>
    </message>
    <message>
        <source>indefinite preconditioner</source>
        <translation>indefiniter Vorkonditionierer</translation>
    </message>
    <message>
        <source>unavailable</source>
        <translation>nicht verfügbar</translation>
    </message>
    <message numerus="yes">
        <source>%n test matrices</source>
        <translation>
            <numerusform>%n Testmatrix</numerusform>
            <numerusform>%n Testmatrizen</numerusform>
        </translation>
    </message>
    <message>
        <source>, mean cos(sampled R, R_SPAI) = %1</source>
        <translation>, mittlerer cos(gezogenes R, R_SPAI) = %1</translation>
    </message>
    <message>
        <source>. Median Jacobi iterations / median GCVAE iterations = %1 / %2 = %3×</source>
        <translation>. Median der Jacobi-Iterationen / Median der GCVAE-Iterationen = %1 / %2 = %3×</translation>
    </message>
    <message>
        <source>. Median Jacobi iterations / median GCVAE iterations: not defined (a method never converged)</source>
        <translation>. Median der Jacobi-Iterationen / Median der GCVAE-Iterationen: nicht definiert (ein Verfahren konvergierte nie)</translation>
    </message>
    <message>
        <source> (medians over converged solves; GCVAE converged on %1 of %2, Jacobi on %3 of %4).</source>
        <translation> (Mediane über konvergierte Lösungen; GCVAE konvergierte bei %1 von %2, Jacobi bei %3 von %4).</translation>
    </message>
    <message>
        <source>FSAI</source>
        <translation>FSAI</translation>
    </message>
    <message>
        <source>, mean cos(sampled G, G_FSAI) = %1</source>
        <translation>, mittlerer cos(gezogenes G, G_FSAI) = %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::GeneratorDialog</name>
    <message>
        <source>New Matrix from Generator</source>
        <translation>Neue Matrix aus Generator</translation>
    </message>
    <message>
        <source>1D Laplacian tridiag(−1, 2, −1)</source>
        <translation>1D-Laplace tridiag(−1, 2, −1)</translation>
    </message>
    <message>
        <source>Counterexample of Theorem 2.1 (exact factor)</source>
        <translation>Gegenbeispiel aus Satz 2.1 (exakter Faktor)</translation>
    </message>
    <message>
        <source>Rank-1 semiseparable inverse factor (§5.1)</source>
        <translation>Faktor mit semiseparabler Inverse vom Rang 1 (§5.1)</translation>
    </message>
    <message>
        <source>2D Poisson, 5-point</source>
        <translation>2D-Poisson, 5-Punkte-Stern</translation>
    </message>
    <message>
        <source>3D Poisson, 7-point</source>
        <translation>3D-Poisson, 7-Punkte-Stern</translation>
    </message>
    <message>
        <source>Random graph Laplacian + shift·I</source>
        <translation>Laplace-Matrix eines Zufallsgraphen + Verschiebung·I</translation>
    </message>
    <message>
        <source>Generator:</source>
        <translation>Generator:</translation>
    </message>
    <message>
        <source>Order n:</source>
        <translation>Ordnung n:</translation>
    </message>
    <message>
        <source>Grid nx:</source>
        <translation>Gitter nx:</translation>
    </message>
    <message>
        <source>Grid ny:</source>
        <translation>Gitter ny:</translation>
    </message>
    <message>
        <source>Grid nz:</source>
        <translation>Gitter nz:</translation>
    </message>
    <message>
        <source>Mean degree:</source>
        <translation>Mittlerer Grad:</translation>
    </message>
    <message>
        <source>Shift:</source>
        <translation>Verschiebung:</translation>
    </message>
    <message>
        <source>Growth ρ:</source>
        <translation>Wachstum ρ:</translation>
    </message>
    <message>
        <source>Spread:</source>
        <translation>Streuung:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>2D diffusion −∇·(k∇u), log-normal k</source>
        <translation>2D-Diffusion −∇·(k∇u), log-normalverteiltes k</translation>
    </message>
    <message>
        <source>2D biharmonic L·diag(k)·L, log-normal k</source>
        <translation>Biharmonisches 2D-Problem L·diag(k)·L, log-normalverteiltes k</translation>
    </message>
    <message>
        <source>Standard deviation of log k; 0 gives the constant-coefficient operator.</source>
        <translation>Standardabweichung von log k; 0 ergibt den Operator mit konstantem Koeffizienten.</translation>
    </message>
    <message>
        <source>Correlation length of log k on the unit square.</source>
        <translation>Korrelationslänge von log k auf dem Einheitsquadrat.</translation>
    </message>
    <message>
        <source>Grid side:</source>
        <translation>Gitterseite:</translation>
    </message>
    <message>
        <source>Log-coefficient σ:</source>
        <translation>Log-Koeffizient σ:</translation>
    </message>
    <message>
        <source>Correlation length:</source>
        <translation>Korrelationslänge:</translation>
    </message>
</context>
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
    <name>fs::ui::PerturbCommand</name>
    <message>
        <source>Reset perturbation</source>
        <translation>Störung zurücksetzen</translation>
    </message>
    <message>
        <source>Perturb A(%1, %2) by %3</source>
        <translation>A(%1, %2) um %3 stören</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbControls</name>
    <message>
        <source>Entry:</source>
        <translation>Eintrag:</translation>
    </message>
    <message>
        <source>Factor:</source>
        <translation>Faktor:</translation>
    </message>
    <message>
        <source>Ordering:</source>
        <translation>Anordnung:</translation>
    </message>
    <message>
        <source>GNN layers k:</source>
        <translation>GNN-Schichten k:</translation>
    </message>
    <message>
        <source>Cholesky (exact)</source>
        <translation>Cholesky (exakt)</translation>
    </message>
    <message>
        <source>IC(0)</source>
        <translation>IC(0)</translation>
    </message>
    <message>
        <source>K-optimal</source>
        <translation>K-optimal</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Natural</source>
        <translation>Natürlich</translation>
    </message>
    <message>
        <source>AMD</source>
        <translation>AMD</translation>
    </message>
    <message>
        <source>Log scale</source>
        <translation>Logarithmisch</translation>
    </message>
    <message>
        <source>Show |ΔL_ii| on a logarithmic axis</source>
        <translation>|ΔL_ii| auf logarithmischer Achse zeigen</translation>
    </message>
    <message>
        <source>Reset to Original</source>
        <translation>Auf Original zurücksetzen</translation>
    </message>
    <message>
        <source>Export All Figures…</source>
        <translation>Alle Abbildungen exportieren…</translation>
    </message>
    <message>
        <source>Depth of the message-passing GNN whose receptive field is shaded</source>
        <translation>Tiefe des Message-Passing-GNN, dessen rezeptives Feld schattiert ist</translation>
    </message>
    <message>
        <source>SPAI (R)</source>
        <translation>SPAI (R)</translation>
    </message>
    <message>
        <source>Sparse approximate inverse R on the pattern of A: not triangular, the plots show ΔR</source>
        <translation>Dünnbesetzte approximative Inverse R auf dem Muster von A: nicht dreieckig, die Diagramme zeigen ΔR</translation>
    </message>
    <message>
        <source>Compare kinds</source>
        <translation>Arten vergleichen</translation>
    </message>
    <message>
        <source>FSAI (G)</source>
        <translation>FSAI (G)</translation>
    </message>
    <message>
        <source>Factorized sparse approximate inverse G on the pattern of tril(A), M⁻¹ = GᵀG: row i depends only on A restricted to that row&apos;s pattern.</source>
        <translation>Faktorisierte dünnbesetzte approximative Inverse G auf dem Muster von tril(A), M⁻¹ = GᵀG: Zeile i hängt nur von A eingeschränkt auf das Muster dieser Zeile ab.</translation>
    </message>
    <message>
        <source>Overlay the locality profiles of Cholesky, IC(0), K-optimal, SPAI and FSAI for the current perturbation</source>
        <translation>Die Lokalitätsprofile von Cholesky, IC(0), K-optimal, SPAI und FSAI für die aktuelle Störung überlagern</translation>
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
        <translation>Ziehen ändert δ auf einer symmetrischen logarithmischen Skala (±10⁻⁶ … ±10²); die Mitte ist 0</translation>
    </message>
    <message>
        <source>The perturbation δ added to A(p, q) and A(q, p)</source>
        <translation>Die Störung δ, die zu A(p, q) und A(q, p) addiert wird</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbDiagPlot</name>
    <message>
        <source>row i</source>
        <translation>Zeile i</translation>
    </message>
    <message>
        <source>|ΔL_ii|</source>
        <translation>|ΔL_ii|</translation>
    </message>
    <message>
        <source>Change of the diagonal of L</source>
        <translation>Änderung der Diagonale von L</translation>
    </message>
    <message>
        <source>|ΔR_ii|</source>
        <translation>|ΔR_ii|</translation>
    </message>
    <message>
        <source>Change of the diagonal of R</source>
        <translation>Änderung der Diagonale von R</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbFigure</name>
    <message>
        <source>Unknown figure &apos;%1&apos;; known: %2.</source>
        <translation>Unbekannte Abbildung „%1“; bekannt: %2.</translation>
    </message>
    <message>
        <source>--n must be at least 2.</source>
        <translation>--n muss mindestens 2 sein.</translation>
    </message>
    <message>
        <source>1D Laplacian, n = %1: A₁₁ += 1</source>
        <translation>1D-Laplace, n = %1: A₁₁ += 1</translation>
    </message>
    <message>
        <source>Counterexample (Theorem 2.1), n = %1: A₁₁ += 1</source>
        <translation>Gegenbeispiel (Satz 2.1), n = %1: A₁₁ += 1</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbHeatPlot</name>
    <message>
        <source>|ΔL| on the pattern of L (grey: unchanged)</source>
        <translation>|ΔL| auf dem Muster von L (grau: unverändert)</translation>
    </message>
    <message>
        <source>max |ΔL| per bin</source>
        <translation>max |ΔL| je Zelle</translation>
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
        <source>|ΔR| on the pattern of R (grey: unchanged)</source>
        <translation>|ΔR| auf dem Muster von R (grau: unverändert)</translation>
    </message>
    <message>
        <source>max |ΔR| per bin</source>
        <translation>max |ΔR| je Zelle</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbLocalityPlot</name>
    <message>
        <source>No change in L</source>
        <translation>Keine Änderung in L</translation>
    </message>
    <message>
        <source>%1 % of the change lies beyond %2 hops</source>
        <translation>%1 % der Änderung liegen jenseits von %2 Schritten</translation>
    </message>
    <message>
        <source>hop distance from the perturbed entry</source>
        <translation>Schrittabstand vom gestörten Eintrag</translation>
    </message>
    <message>
        <source>receptive field of a %1-layer GNN</source>
        <translation>rezeptives Feld eines GNN mit %1 Schichten</translation>
    </message>
    <message>
        <source>max |ΔL|</source>
        <translation>max |ΔL|</translation>
    </message>
    <message>
        <source>% of ‖ΔL‖²</source>
        <translation>% von ‖ΔL‖²</translation>
    </message>
    <message>
        <source>‖ΔL‖² at h hops</source>
        <translation>‖ΔL‖² bei h Schritten</translation>
    </message>
    <message>
        <source>‖ΔL‖² beyond h hops</source>
        <translation>‖ΔL‖² jenseits von h Schritten</translation>
    </message>
    <message>
        <source>Share of ‖Δ‖² per hop, by kind</source>
        <translation>Anteil von ‖Δ‖² je Schritt, nach Art</translation>
    </message>
    <message>
        <source>No change in R</source>
        <translation>Keine Änderung in R</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no change</source>
        <translation>%1: keine Änderung</translation>
    </message>
    <message>
        <source>%1: %2 % beyond %3 hops</source>
        <translation>%1: %2 % jenseits von %3 Schritten</translation>
    </message>
    <message>
        <source>% of ‖Δ‖² at h hops</source>
        <translation>% von ‖Δ‖² bei h Schritten</translation>
    </message>
    <message>
        <source>max |ΔR|</source>
        <translation>max |ΔR|</translation>
    </message>
    <message>
        <source>% of ‖ΔR‖²</source>
        <translation>% von ‖ΔR‖²</translation>
    </message>
    <message>
        <source>‖ΔR‖² at h hops</source>
        <translation>‖ΔR‖² bei h Schritten</translation>
    </message>
    <message>
        <source>‖ΔR‖² beyond h hops</source>
        <translation>‖ΔR‖² jenseits von h Schritten</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbPlot</name>
    <message>
        <source>NOT RELIABLE</source>
        <translation>NICHT VERLÄSSLICH</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbStartup</name>
    <message>
        <source>Render figure NAME (%1) into --out and exit.</source>
        <translation>Abbildung NAME (%1) nach --out zeichnen und beenden.</translation>
    </message>
    <message>
        <source>NAME</source>
        <translation>NAME</translation>
    </message>
    <message>
        <source>Output file of --export-figure (.png, .pdf or .svg).</source>
        <translation>Ausgabedatei von --export-figure (.png, .pdf oder .svg).</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>DATEI</translation>
    </message>
    <message>
        <source>Matrix order for --export-figure and --generator.</source>
        <translation>Matrixordnung für --export-figure und --generator.</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>VIEW</source>
        <translation>ANSICHT</translation>
    </message>
    <message>
        <source>KIND</source>
        <translation>ART</translation>
    </message>
    <message>
        <source>Entry to perturb in the Perturb view, 1-based.</source>
        <translation>Zu störender Eintrag in der Störungsansicht, ab 1 gezählt.</translation>
    </message>
    <message>
        <source>P,Q</source>
        <translation>P,Q</translation>
    </message>
    <message>
        <source>Perturbation added to the entry (default 1).</source>
        <translation>Zum Eintrag addierte Störung (Standard 1).</translation>
    </message>
    <message>
        <source>D</source>
        <translation>D</translation>
    </message>
    <message>
        <source>--n expects a positive integer.</source>
        <translation>--n erwartet eine positive ganze Zahl.</translation>
    </message>
    <message>
        <source>--delta expects a number.</source>
        <translation>--delta erwartet eine Zahl.</translation>
    </message>
    <message>
        <source>--export-figure needs --out FILE.</source>
        <translation>--export-figure benötigt --out DATEI.</translation>
    </message>
    <message>
        <source>Unknown generator &apos;%1&apos;.</source>
        <translation>Unbekannter Generator „%1“.</translation>
    </message>
    <message>
        <source>Unknown view &apos;%1&apos;: use pattern or perturb.</source>
        <translation>Unbekannte Ansicht „%1“: pattern oder perturb verwenden.</translation>
    </message>
    <message>
        <source>--entry expects P,Q (1-based), got &apos;%1&apos;.</source>
        <translation>--entry erwartet P,Q (ab 1 gezählt), erhalten: „%1“.</translation>
    </message>
    <message>
        <source>The Perturb view is not available.</source>
        <translation>Die Störungsansicht ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>--entry %1 lies outside the matrix of order %2.</source>
        <translation>--entry %1 liegt außerhalb der Matrix der Ordnung %2.</translation>
    </message>
    <message>
        <source>Show this view for --screenshot: perturb, bench, or training (with --runs DIR…).</source>
        <translation>Diese Ansicht für --screenshot zeigen: perturb, bench oder training (mit --runs DIR…).</translation>
    </message>
    <message>
        <source>Start with a generated matrix: %1.</source>
        <translation>Mit einer erzeugten Matrix starten: %1.</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbView</name>
    <message>
        <source>Factorising…</source>
        <translation>Faktorisiere…</translation>
    </message>
    <message>
        <source>This matrix cannot be factored with the chosen method: %1</source>
        <translation>Diese Matrix lässt sich mit dem gewählten Verfahren nicht faktorisieren: %1</translation>
    </message>
    <message>
        <source>natural (this factor keeps the pattern of tril(A))</source>
        <translation>natürlich (dieser Faktor behält das Muster von tril(A))</translation>
    </message>
    <message>
        <source>AMD, chosen automatically: in natural order the factor would fill the band and updates would be too slow to follow the slider</source>
        <translation>AMD, automatisch gewählt: in natürlicher Anordnung würde der Faktor das Band füllen und Aktualisierungen könnten dem Schieberegler nicht folgen</translation>
    </message>
    <message>
        <source>AMD</source>
        <translation>AMD</translation>
    </message>
    <message>
        <source>natural</source>
        <translation>natürlich</translation>
    </message>
    <message>
        <source>Click an entry of A first to choose where δ is added.</source>
        <translation>Zuerst einen Eintrag von A anklicken, um zu wählen, wo δ addiert wird.</translation>
    </message>
    <message>
        <source>A(%1, %2) += %3</source>
        <translation>A(%1, %2) += %3</translation>
    </message>
    <message>
        <source>%1 refused: the matrix would no longer be positive definite.</source>
        <translation>%1 abgelehnt: die Matrix wäre nicht mehr positiv definit.</translation>
    </message>
    <message>
        <source>%1: IC(0) breaks down at pivot %2 (not positive).</source>
        <translation>%1: IC(0) bricht bei Pivot %2 ab (nicht positiv).</translation>
    </message>
    <message>
        <source>K-optimal refuses this matrix: it is too large (%1).</source>
        <translation>K-optimal lehnt diese Matrix ab: sie ist zu groß (%1).</translation>
    </message>
    <message>
        <source>%1: the factorisation failed, the matrix is not positive definite (%2).</source>
        <translation>%1: die Faktorisierung ist gescheitert, die Matrix ist nicht positiv definit (%2).</translation>
    </message>
    <message>
        <source>%1 failed: %2</source>
        <translation>%1 gescheitert: %2</translation>
    </message>
    <message>
        <source>The plots show the unperturbed factor.</source>
        <translation>Die Diagramme zeigen den ungestörten Faktor.</translation>
    </message>
    <message>
        <source>The plots still show δ = %1.</source>
        <translation>Die Diagramme zeigen weiterhin δ = %1.</translation>
    </message>
    <message>
        <source>Not reliable: %1 (estimated error %2). Load the matrix from its generator to use the exact factor.</source>
        <translation>Nicht verlässlich: %1 (geschätzter Fehler %2). Die Matrix aus ihrem Generator laden, um den exakten Faktor zu verwenden.</translation>
    </message>
    <message>
        <source>none — click an entry of A</source>
        <translation>keiner — einen Eintrag von A anklicken</translation>
    </message>
    <message>
        <source>A(%1, %1)</source>
        <translation>A(%1, %1)</translation>
    </message>
    <message>
        <source>A(%1, %2) and A(%2, %1)</source>
        <translation>A(%1, %2) und A(%2, %1)</translation>
    </message>
    <message>
        <source>(structural zero: perturbing it changes the pattern)</source>
        <translation>(strukturelle Null: die Störung ändert das Muster)</translation>
    </message>
    <message>
        <source>No perturbation: L is the original factor.</source>
        <translation>Keine Störung: L ist der ursprüngliche Faktor.</translation>
    </message>
    <message>
        <source>%1 entries of L changed, max |ΔL| = %2, ‖ΔL‖_F = %3; %4 % of ‖ΔL‖² lies beyond %5 hops.</source>
        <translation>%1 Einträge von L geändert, max |ΔL| = %2, ‖ΔL‖_F = %3; %4 % von ‖ΔL‖² liegen jenseits von %5 Schritten.</translation>
    </message>
    <message>
        <source>%1 new entries in L.</source>
        <translation>%1 neue Einträge in L.</translation>
    </message>
    <message>
        <source>Unperturbed factor: the generator&apos;s exact L.</source>
        <translation>Ungestörter Faktor: das exakte L des Generators.</translation>
    </message>
    <message>
        <source>(%1 ms)</source>
        <translation>(%1 ms)</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht angelegt werden.</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export Data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Export Data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
    <message>
        <source>Export All Figures…</source>
        <translation>Alle Abbildungen exportieren…</translation>
    </message>
    <message>
        <source>natural (R keeps the pattern of A)</source>
        <translation>natürlich (R behält das Muster von A)</translation>
    </message>
    <message>
        <source>refused, A would not stay positive definite</source>
        <translation>abgelehnt, A bliebe nicht positiv definit</translation>
    </message>
    <message>
        <source>breaks down at pivot %1</source>
        <translation>bricht bei Pivot %1 ab</translation>
    </message>
    <message>
        <source>matrix too large</source>
        <translation>Matrix zu groß</translation>
    </message>
    <message>
        <source>not positive definite</source>
        <translation>nicht positiv definit</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>gescheitert (%1)</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>No perturbation: R is the approximate inverse of the original matrix.</source>
        <translation>Keine Störung: R ist die approximative Inverse der ursprünglichen Matrix.</translation>
    </message>
    <message>
        <source>%1 entries of R changed, max |ΔR| = %2, ‖ΔR‖_F = %3; %4 % of ‖ΔR‖² lies beyond %5 hops.</source>
        <translation>%1 Einträge von R geändert, max |ΔR| = %2, ‖ΔR‖_F = %3; %4 % von ‖ΔR‖² liegen jenseits von %5 Schritten.</translation>
    </message>
    <message>
        <source>%1 new entries in R.</source>
        <translation>%1 neue Einträge in R.</translation>
    </message>
    <message>
        <source>A %1-layer model can reach at most cosine %2 on this perturbation.</source>
        <translation>Ein %1-schichtiges Modell kann bei dieser Störung höchstens die Kosinus-Ähnlichkeit %2 erreichen.</translation>
    </message>
</context>
<context>
    <name>fs::ui::PerturbWorkspace</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Cannot Generate Matrix</source>
        <translation>Matrix kann nicht erzeugt werden</translation>
    </message>
    <message>
        <source>Perturb</source>
        <translation>Störung</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Matrix</source>
        <translation>&amp;Matrix</translation>
    </message>
    <message>
        <source>New from &amp;Generator…</source>
        <translation>Neu aus &amp;Generator…</translation>
    </message>
    <message>
        <source>Create a model matrix (Laplacian, counterexample, Poisson, …) as the current matrix</source>
        <translation>Eine Modellmatrix (Laplace, Gegenbeispiel, Poisson, …) als aktuelle Matrix erzeugen</translation>
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
    <name>fs::ui::RunController</name>
    <message>
        <source>The run is still training.</source>
        <translation>Der Lauf trainiert noch.</translation>
    </message>
    <message>
        <source>Cannot start the trainer: %1</source>
        <translation>Der Trainer kann nicht gestartet werden: %1</translation>
    </message>
    <message>
        <source>Skipped a malformed line (%1): %2</source>
        <translation>Fehlerhafte Zeile übersprungen (%1): %2</translation>
    </message>
    <message>
        <source>The trainer ended after the stop request without reporting a status.</source>
        <translation>Der Trainer endete nach der Anhalteanforderung, ohne einen Status zu melden.</translation>
    </message>
    <message>
        <source>The trainer exited with code %1 without a final status.</source>
        <translation>Der Trainer endete mit Code %1 ohne abschließenden Status.</translation>
    </message>
    <message>
        <source>The trainer was killed or crashed after epoch %1; Resume continues from its last good checkpoint.</source>
        <translation>Der Trainer wurde nach Epoche %1 beendet oder ist abgestürzt; „Fortsetzen“ macht beim letzten intakten Checkpoint weiter.</translation>
    </message>
    <message>
        <source>Slurm task %1 ended %2; its output is in the runs folder&apos;s slurm/logs</source>
        <translation>Slurm-Task %1 endete mit %2; seine Ausgabe liegt im Ordner slurm/logs des Laufordners</translation>
    </message>
    <message>
        <source>(no longer known to squeue)</source>
        <translation>(squeue nicht mehr bekannt)</translation>
    </message>
</context>
<context>
    <name>fs::ui::SlurmClient</name>
    <message>
        <source>factorscope-cli was not found next to the program or on PATH.</source>
        <translation>factorscope-cli wurde weder neben dem Programm noch im PATH gefunden.</translation>
    </message>
    <message>
        <source>factorscope-cli did not answer within a minute.</source>
        <translation>factorscope-cli hat nicht innerhalb einer Minute geantwortet.</translation>
    </message>
    <message>
        <source>factorscope-cli failed.</source>
        <translation>factorscope-cli ist fehlgeschlagen.</translation>
    </message>
    <message>
        <source>factorscope-cli printed no submission: %1</source>
        <translation>factorscope-cli hat keine Übermittlung ausgegeben: %1</translation>
    </message>
</context>
<context>
    <name>fs::ui::SlurmDialog</name>
    <message>
        <source>Train on the cluster</source>
        <translation>Auf dem Cluster trainieren</translation>
    </message>
    <message>
        <source>Run the benchmark on the cluster</source>
        <translation>Benchmark auf dem Cluster ausführen</translation>
    </message>
    <message>
        <source>the cluster&apos;s default</source>
        <translation>Vorgabe des Clusters</translation>
    </message>
    <message>
        <source>e.g. 30:00 or 1-00:00:00</source>
        <translation>z. B. 30:00 oder 1-00:00:00</translation>
    </message>
    <message>
        <source>e.g. --mem=8G --qos=short</source>
        <translation>z. B. --mem=8G --qos=short</translation>
    </message>
    <message>
        <source>e.g. gpu:1</source>
        <translation>z. B. gpu:1</translation>
    </message>
    <message>
        <source>Partition:</source>
        <translation>Partition:</translation>
    </message>
    <message>
        <source>Time limit:</source>
        <translation>Zeitlimit:</translation>
    </message>
    <message>
        <source>Generic resources:</source>
        <translation>Generische Ressourcen:</translation>
    </message>
    <message>
        <source>Ranks per run:</source>
        <translation>Ränge je Lauf:</translation>
    </message>
    <message>
        <source>Data-parallel processes per training run, started by srun (c10d, Gloo)</source>
        <translation>Datenparallele Prozesse je Trainingslauf, von srun gestartet (c10d, Gloo)</translation>
    </message>
    <message>
        <source>Shards:</source>
        <translation>Teile:</translation>
    </message>
    <message>
        <source>Array tasks; each computes every N-th matrix of the name-sorted folder</source>
        <translation>Array-Tasks; jeder berechnet jede N-te Matrix des nach Namen sortierten Ordners</translation>
    </message>
    <message>
        <source>More sbatch options:</source>
        <translation>Weitere sbatch-Optionen:</translation>
    </message>
    <message>
        <source>Submit</source>
        <translation>Abschicken</translation>
    </message>
    <message>
        <source>Batch scripts (written next to the results, then given to sbatch):</source>
        <translation>Batch-Skripte (neben die Ergebnisse geschrieben, dann an sbatch übergeben):</translation>
    </message>
    <message>
        <source>Cannot prepare the submission: %1</source>
        <translation>Die Übermittlung lässt sich nicht vorbereiten: %1</translation>
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
    <message>
        <source>The view &apos;%1&apos; is not available.</source>
        <translation>Die Ansicht „%1“ ist nicht verfügbar.</translation>
    </message>
    <message>
        <source>--export-figure training needs --runs DIR…</source>
        <translation>--export-figure training benötigt --runs VERZEICHNIS…</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>VERZEICHNIS</translation>
    </message>
    <message>
        <source>Cannot read the run folder %1: %2</source>
        <translation>Der Laufordner %1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>--export-figure training-eval needs exactly one run folder: --runs DIR</source>
        <translation>--export-figure training-eval benötigt genau einen Laufordner: --runs VERZEICHNIS</translation>
    </message>
    <message>
        <source>Training run folders for --export-figure training, or the one gcvae run for --export-figure training-eval.</source>
        <translation>Ordner der Trainingsläufe für --export-figure training oder der eine gcvae-Lauf für --export-figure training-eval.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Print where the bundled benchmark and the translations are read from, then exit.</source>
        <translation>Gibt aus, woher der mitgelieferte Benchmark und die Übersetzungen gelesen werden, und beendet sich.</translation>
    </message>
    <message>
        <source>built into the program</source>
        <translation>in das Programm eingebaut</translation>
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
<context>
    <name>fs::ui::TrainingEval</name>
    <message>
        <source>no convergence</source>
        <translation>keine Konvergenz</translation>
    </message>
    <message>
        <source>No evaluation yet: eval.json is written when a run finishes.</source>
        <translation>Noch keine Auswertung: eval.json wird am Ende eines Laufs geschrieben.</translation>
    </message>
    <message>
        <source>Mean cosine similarity on the test set: %1</source>
        <translation>Mittlere Kosinus-Ähnlichkeit auf der Testmenge: %1</translation>
    </message>
    <message>
        <source>Matrix</source>
        <translation>Matrix</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>cos (learned)</source>
        <translation>cos (gelernt)</translation>
    </message>
    <message>
        <source>cos (K-optimal)</source>
        <translation>cos (K-optimal)</translation>
    </message>
    <message>
        <source>cos (IC(0))</source>
        <translation>cos (IC(0))</translation>
    </message>
    <message>
        <source>PCG learned</source>
        <translation>PCG gelernt</translation>
    </message>
    <message>
        <source>PCG K-optimal</source>
        <translation>PCG K-optimal</translation>
    </message>
    <message>
        <source>PCG IC(0)</source>
        <translation>PCG IC(0)</translation>
    </message>
    <message>
        <source>PCG none</source>
        <translation>PCG ohne</translation>
    </message>
    <message>
        <source>The evaluation holds no test matrices.</source>
        <translation>Die Auswertung enthält keine Testmatrizen.</translation>
    </message>
    <message>
        <source>Per test matrix: residual of each R, PCG iterations (✗ = did not converge, with the iterations done) and nonzeros of each preconditioner.</source>
        <translation>Je Testmatrix: Residuum jedes R, PCG-Iterationen (✗ = nicht konvergiert, mit den ausgeführten Iterationen) und Nichtnullen jedes Vorkonditionierers.</translation>
    </message>
    <message>
        <source>cos (sampled)</source>
        <translation>cos (gezogen)</translation>
    </message>
    <message>
        <source>‖I − AR‖&lt;sub&gt;F&lt;/sub&gt;</source>
        <translation>‖I − AR‖&lt;sub&gt;F&lt;/sub&gt;</translation>
    </message>
    <message>
        <source>PCG iterations</source>
        <translation>PCG-Iterationen</translation>
    </message>
    <message>
        <source>Nonzeros of the preconditioner</source>
        <translation>Nichtnullen des Vorkonditionierers</translation>
    </message>
    <message>
        <source>Per test matrix: K-condition number of G A Gᵀ for each G, PCG iterations with M⁻¹ = GᵀG (✗ = did not converge, with the iterations done) and nonzeros of each preconditioner.</source>
        <translation>Je Testmatrix: K-Konditionszahl von G A Gᵀ für jedes G, PCG-Iterationen mit M⁻¹ = GᵀG (✗ = nicht konvergiert, mit den ausgeführten Iterationen) und Nichtnullen jedes Vorkonditionierers.</translation>
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
        <translation>Grenze</translation>
    </message>
    <message>
        <source>indefinite</source>
        <translation>indefinit</translation>
    </message>
    <message>
        <source>n/a</source>
        <translation>k. A.</translation>
    </message>
    <message>
        <source>Preconditioner (median over converged solves, whiskers min–max)</source>
        <translation>Vorkonditionierer (Median über konvergierte Lösungen, Whisker Min–Max)</translation>
    </message>
    <message>
        <source>Test matrix</source>
        <translation>Testmatrix</translation>
    </message>
    <message>
        <source>not converged (at the cap)</source>
        <translation>nicht konvergiert (an der Obergrenze)</translation>
    </message>
    <message>
        <source>cap %1</source>
        <translation>Obergrenze %1</translation>
    </message>
    <message>
        <source>✗ %1 failed</source>
        <translation>✗ %1 gescheitert</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Bars:</source>
        <translation>Balken:</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>Per test matrix</source>
        <translation>Je Testmatrix</translation>
    </message>
    <message>
        <source>Per method (median, min–max)</source>
        <translation>Je Verfahren (Median, Min–Max)</translation>
    </message>
    <message>
        <source>Logarithmic scale</source>
        <translation>Logarithmische Skala</translation>
    </message>
    <message>
        <source>Export Chart…</source>
        <translation>Diagramm exportieren…</translation>
    </message>
    <message>
        <source>PCG iterations</source>
        <translation>PCG-Iterationen</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingForm</name>
    <message>
        <source>Dataset Folder</source>
        <translation>Datensatzordner</translation>
    </message>
    <message>
        <source>Runs Folder</source>
        <translation>Laufordner</translation>
    </message>
    <message>
        <source>Generating %1…</source>
        <translation>Erzeuge %1…</translation>
    </message>
    <message>
        <source>Runs on the command&apos;s machine; {args} becomes the trainer&apos;s arguments and its output is recorded in the local run folder.</source>
        <translation>Läuft auf dem Rechner des Befehls; {args} wird durch die Argumente des Trainers ersetzt, und seine Ausgabe wird im lokalen Laufordner aufgezeichnet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;factorscope-train was not found&lt;/b&gt; next to this program or on PATH. Build it (it needs LibTorch) or use a command template.</source>
        <translation>&lt;b&gt;factorscope-train wurde nicht gefunden&lt;/b&gt;, weder neben diesem Programm noch im PATH. Bauen Sie es (es benötigt LibTorch) oder verwenden Sie eine Befehlsvorlage.</translation>
    </message>
    <message>
        <source>Trainer: %1</source>
        <translation>Trainer: %1</translation>
    </message>
    <message>
        <source>Dataset</source>
        <translation>Datensatz</translation>
    </message>
    <message>
        <source>Model and Hyperparameters</source>
        <translation>Modell und Hyperparameter</translation>
    </message>
    <message>
        <source>Sweep</source>
        <translation>Serie</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Trainer</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Ordner:</translation>
    </message>
    <message>
        <source>Pairs:</source>
        <translation>Paare:</translation>
    </message>
    <message>
        <source>n:</source>
        <translation>n:</translation>
    </message>
    <message>
        <source>Depth:</source>
        <translation>Tiefe:</translation>
    </message>
    <message>
        <source>Hidden width:</source>
        <translation>Versteckte Breite:</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Epochen:</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Lernrate:</translation>
    </message>
    <message>
        <source>Decay every (epochs):</source>
        <translation>Abklingen alle (Epochen):</translation>
    </message>
    <message>
        <source>Decay factor:</source>
        <translation>Abklingfaktor:</translation>
    </message>
    <message>
        <source>Patience (epochs):</source>
        <translation>Geduld (Epochen):</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Batchgröße:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Startwert:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Gerät:</translation>
    </message>
    <message>
        <source>Run on:</source>
        <translation>Ausführen auf:</translation>
    </message>
    <message>
        <source>Command:</source>
        <translation>Befehl:</translation>
    </message>
    <message>
        <source>Parallel runs:</source>
        <translation>Parallele Läufe:</translation>
    </message>
    <message>
        <source>Runs folder:</source>
        <translation>Laufordner:</translation>
    </message>
    <message>
        <source>Models:</source>
        <translation>Modelle:</translation>
    </message>
    <message>
        <source>Depths:</source>
        <translation>Tiefen:</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA</source>
        <translation>CUDA</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Dieser Rechner</translation>
    </message>
    <message>
        <source>Command template</source>
        <translation>Befehlsvorlage</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Train the chosen node model and depth</source>
        <translation>Das gewählte Knotenmodell in der gewählten Tiefe trainieren</translation>
    </message>
    <message>
        <source>Start Sweep</source>
        <translation>Serie starten</translation>
    </message>
    <message>
        <source>Train every checked model at every checked depth</source>
        <translation>Jedes gewählte Modell in jeder gewählten Tiefe trainieren</translation>
    </message>
    <message>
        <source>Grid side:</source>
        <translation>Gitterseite:</translation>
    </message>
    <message>
        <source>Each matrix comes from a side × side grid (order side², or more for the biharmonic problem).</source>
        <translation>Jede Matrix stammt von einem Gitter Seite × Seite (Ordnung Seite², beim biharmonischen Problem mehr).</translation>
    </message>
    <message>
        <source>Order of every matrix.</source>
        <translation>Ordnung jeder Matrix.</translation>
    </message>
    <message>
        <source>Dataset kind: %1</source>
        <translation>Datensatzart: %1</translation>
    </message>
    <message>
        <source>Model:</source>
        <translation>Modell:</translation>
    </message>
    <message>
        <source>Latent size:</source>
        <translation>Latente Größe:</translation>
    </message>
    <message>
        <source>KL weight β:</source>
        <translation>KL-Gewicht β:</translation>
    </message>
    <message>
        <source>Samples per matrix:</source>
        <translation>Ziehungen je Matrix:</translation>
    </message>
    <message>
        <source>Residual weight:</source>
        <translation>Residuumsgewicht:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>Art:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>Problem:</translation>
    </message>
    <message>
        <source>σ of log k:</source>
        <translation>σ von log k:</translation>
    </message>
    <message>
        <source>SPAI (elliptic PDEs, for gcvae)</source>
        <translation>SPAI (elliptische PDGL, für gcvae)</translation>
    </message>
    <message>
        <source>Diffusion −∇·(k∇u)</source>
        <translation>Diffusion −∇·(k∇u)</translation>
    </message>
    <message>
        <source>Biharmonic</source>
        <translation>Biharmonisch</translation>
    </message>
    <message>
        <source>Mixed</source>
        <translation>Gemischt</translation>
    </message>
    <message>
        <source>Standard deviation of the log-normal coefficient field k</source>
        <translation>Standardabweichung des log-normalverteilten Koeffizientenfelds k</translation>
    </message>
    <message>
        <source>Dimension of the latent variable z</source>
        <translation>Dimension der latenten Variablen z</translation>
    </message>
    <message>
        <source>Weight of the KL term in the ELBO</source>
        <translation>Gewicht des KL-Terms in der ELBO</translation>
    </message>
    <message>
        <source>Latent draws z ~ N(0, I) per test matrix; the best one is kept</source>
        <translation>Latente Ziehungen z ~ N(0, I) je Testmatrix; die beste wird behalten</translation>
    </message>
    <message>
        <source>Weight of ‖I − AR‖_F in the loss</source>
        <translation>Gewicht von ‖I − AR‖_F im Verlust</translation>
    </message>
    <message>
        <source>A dataset is already being generated.</source>
        <translation>Es wird bereits ein Datensatz erzeugt.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Stop writing the dataset; the folder keeps no manifest, so it is never mistaken for a whole dataset</source>
        <translation>Schreiben des Datensatzes beenden; der Ordner erhält kein Manifest und wird so nie für einen vollständigen Datensatz gehalten</translation>
    </message>
    <message>
        <source>&lt;b&gt;Bound&lt;/b&gt;: the best mean test cosine any model whose outputs see only depth − 1 hops (gatv2, gen, mpmlp, transformer; mlp: depth 1) can reach on this test split:</source>
        <translation>&lt;b&gt;Schranke&lt;/b&gt;: der beste mittlere Test-Kosinus, den ein Modell erreichen kann, dessen Ausgaben nur Tiefe − 1 Schritte weit sehen (gatv2, gen, mpmlp, transformer; mlp: Tiefe 1), auf diesem Testteil:</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>bound</source>
        <translation>Schranke</translation>
    </message>
    <message>
        <source>Preset set: generate the %1 dataset, then Start Sweep. &lt;tt&gt;%2&lt;/tt&gt; runs the same and adds the unpaired semiseparable contrast, the table and the figure.</source>
        <translation>Vorgabe gesetzt: Erzeugen Sie den Datensatz %1, dann „Serie starten“. &lt;tt&gt;%2&lt;/tt&gt; führt dasselbe aus und ergänzt den ungepaarten semiseparablen Vergleich, die Tabelle und die Abbildung.</translation>
    </message>
    <message>
        <source>Preset set: Figure 4 trains on K-optimal pairs of the benchmark. Write them with &lt;tt&gt;factorscope-cli dataset kopt --from resources/benchmark --paired --out DIR&lt;/tt&gt;, choose DIR above, then Start Sweep; &lt;tt&gt;%1&lt;/tt&gt; does all of it.</source>
        <translation>Vorgabe gesetzt: Abbildung 4 trainiert auf K-optimalen Paaren des Benchmarks. Schreiben Sie sie mit &lt;tt&gt;factorscope-cli dataset kopt --from resources/benchmark --paired --out DIR&lt;/tt&gt;, wählen Sie oben DIR, dann „Serie starten“; &lt;tt&gt;%1&lt;/tt&gt; erledigt alles.</translation>
    </message>
    <message>
        <source>Write a synthetic dataset (the chosen family) with factorscope-cli dataset synthetic into the application&apos;s data folder</source>
        <translation>Einen synthetischen Datensatz (der gewählten Familie) mit factorscope-cli dataset synthetic in den Datenordner des Programms schreiben</translation>
    </message>
    <message>
        <source>Family:</source>
        <translation>Familie:</translation>
    </message>
    <message>
        <source>Preset:</source>
        <translation>Vorgabe:</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>Erzeugen</translation>
    </message>
    <message>
        <source>Synthetic (for the node models)</source>
        <translation>Synthetisch (für die Knotenmodelle)</translation>
    </message>
    <message>
        <source>Semiseparable (seed paper)</source>
        <translation>Semiseparabel (Ausgangsarbeit)</translation>
    </message>
    <message>
        <source>Counterexample of Thm 2.1</source>
        <translation>Gegenbeispiel aus Satz 2.1</translation>
    </message>
    <message>
        <source>Laplacian (path graph)</source>
        <translation>Laplace (Pfadgraph)</translation>
    </message>
    <message>
        <source>Semiseparable: the seed paper&apos;s family. Counterexample: the randomised family of Thm 2.1, on which locality provably limits a k-layer model. Laplacian: a tridiagonal Laplacian with random weights.</source>
        <translation>Semiseparabel: die Familie der Ausgangsarbeit. Gegenbeispiel: die randomisierte Familie aus Satz 2.1, auf der Lokalität ein Modell mit k Schichten beweisbar begrenzt. Laplace: ein tridiagonaler Laplace-Operator mit zufälligen Gewichten.</translation>
    </message>
    <message>
        <source>Paired</source>
        <translation>Gepaart</translation>
    </message>
    <message>
        <source>Write (A, L) and (A′, L′) with A′ = A + A₁₁e₁e₁ᵀ for every base matrix: the data on which the receptive-field bound separates local from non-local models</source>
        <translation>Für jede Basismatrix (A, L) und (A′, L′) mit A′ = A + A₁₁e₁e₁ᵀ schreiben: die Daten, auf denen die Schranke des rezeptiven Felds lokale von nichtlokalen Modellen trennt</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Figure 3, quick (counterexample pairs)</source>
        <translation>Abbildung 3, schnell (Gegenbeispiel-Paare)</translation>
    </message>
    <message>
        <source>Figure 3, paper sizes</source>
        <translation>Abbildung 3, Größen der Arbeit</translation>
    </message>
    <message>
        <source>Figure 4, quick (K-optimal pairs)</source>
        <translation>Abbildung 4, schnell (K-optimale Paare)</translation>
    </message>
    <message>
        <source>Figure 4, paper sizes</source>
        <translation>Abbildung 4, Größen der Arbeit</translation>
    </message>
    <message>
        <source>Set the six models, depths 1, 3, 5, 7 and the training settings of factorscope-cli experiment fig3|fig4</source>
        <translation>Die sechs Modelle, die Tiefen 1, 3, 5, 7 und die Trainingseinstellungen von factorscope-cli experiment fig3|fig4 setzen</translation>
    </message>
    <message>
        <source>Write (A, R) or (A, G) pairs of elliptic problems with factorscope-cli dataset spai</source>
        <translation>(A, R)- oder (A, G)-Paare elliptischer Probleme mit factorscope-cli dataset spai schreiben</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Pattern:</source>
        <translation>Muster:</translation>
    </message>
    <message>
        <source>SPAI R (minimises ‖I − AR‖_F)</source>
        <translation>SPAI R (minimiert ‖I − AR‖_F)</translation>
    </message>
    <message>
        <source>FSAI G (M⁻¹ = GᵀG, SPD)</source>
        <translation>FSAI G (M⁻¹ = GᵀG, SPD)</translation>
    </message>
    <message>
        <source>SPAI&apos;s symmetrised R can be indefinite; the FSAI factor G always gives an SPD preconditioner, and the model then learns a triangular G</source>
        <translation>Das symmetrisierte R von SPAI kann indefinit sein; der FSAI-Faktor G ergibt stets einen SPD-Vorkonditionierer, und das Modell lernt dann ein dreieckiges G</translation>
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
        <translation>Das Besetzungsmuster der Ziele: das von A oder von A² (mehr Einträge, ein stärkerer Vorkonditionierer)</translation>
    </message>
    <message>
        <source>Each run is a task of a Slurm array job; the scripts are shown before they are submitted. The runs folder must be one the cluster&apos;s nodes share with this computer: the curves follow its metrics files.</source>
        <translation>Jeder Lauf ist ein Task eines Slurm-Array-Jobs; die Skripte werden vor dem Abschicken gezeigt. Der Laufordner muss einer sein, den die Knoten des Clusters mit diesem Rechner teilen: die Kurven folgen seinen Metrikdateien.</translation>
    </message>
    <message>
        <source>Slurm (job array)</source>
        <translation>Slurm (Job-Array)</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingMetricPlot</name>
    <message>
        <source>Reconstruction</source>
        <translation>Rekonstruktion</translation>
    </message>
    <message>
        <source>KL</source>
        <translation>KL</translation>
    </message>
    <message>
        <source>GCVAE metric:</source>
        <translation>GCVAE-Metrik:</translation>
    </message>
    <message>
        <source>Reconstruction loss (train)</source>
        <translation>Rekonstruktionsverlust (Training)</translation>
    </message>
    <message>
        <source>KL divergence (train)</source>
        <translation>KL-Divergenz (Training)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Target objective</source>
        <translation>Zielfunktion</translation>
    </message>
    <message>
        <source>Ratio to the target</source>
        <translation>Verhältnis zum Ziel</translation>
    </message>
    <message>
        <source>Target objective (train): (‖I − AR‖_F ratio)² or log-K gap</source>
        <translation>Zielfunktion (Training): (‖I − AR‖_F-Verhältnis)² oder log-K-Abstand</translation>
    </message>
    <message>
        <source>Ratio to the target (test): ‖I − AR‖_F / ‖I − AR_SPAI‖_F or K(GAGᵀ) / K_FSAI</source>
        <translation>Verhältnis zum Ziel (Test): ‖I − AR‖_F / ‖I − AR_SPAI‖_F oder K(GAGᵀ) / K_FSAI</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingPlot</name>
    <message>
        <source>%1 test</source>
        <translation>%1 Test</translation>
    </message>
    <message>
        <source>%1 train</source>
        <translation>%1 Training</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Epoche</translation>
    </message>
    <message>
        <source>Cosine similarity</source>
        <translation>Kosinus-Ähnlichkeit</translation>
    </message>
    <message>
        <source>%1 bound</source>
        <translation>%1 Schranke</translation>
    </message>
    <message>
        <source>&amp;Axis:</source>
        <translation>&amp;Achse:</translation>
    </message>
    <message>
        <source>1 − cosine, log</source>
        <translation>1 − Kosinus, log</translation>
    </message>
    <message>
        <source>A log axis of 1 − cosine shows the differences a 0–1 axis hides above 0.95.</source>
        <translation>Eine logarithmische Achse für 1 − Kosinus zeigt die Unterschiede, die eine Achse von 0 bis 1 oberhalb von 0,95 verbirgt.</translation>
    </message>
    <message>
        <source>1 − cosine similarity</source>
        <translation>1 − Kosinus-Ähnlichkeit</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingRun</name>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>stopping</source>
        <translation>wird angehalten</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>abgeschlossen</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>angehalten</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1 holds no training run (no config.json or metrics.jsonl).</source>
        <translation>%1 enthält keinen Trainingslauf (kein config.json oder metrics.jsonl).</translation>
    </message>
</context>
<context>
    <name>fs::ui::TrainingRunModel</name>
    <message>
        <source>%1 (malformed lines: %2)</source>
        <translation>%1 (fehlerhafte Zeilen: %2)</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modell</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>Tiefe</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>Epochen</translation>
    </message>
    <message>
        <source>Best test cos</source>
        <translation>Bester Test-cos</translation>
    </message>
    <message>
        <source>Final test cos</source>
        <translation>Letzter Test-cos</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Gerät</translation>
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
        <translation>Der Laufverlauf kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Training</translation>
    </message>
    <message>
        <source>The run folder is missing.</source>
        <translation>Der Laufordner fehlt.</translation>
    </message>
    <message>
        <source>factorscope-train was not found next to this program or on PATH; nothing was started.</source>
        <translation>factorscope-train wurde weder neben diesem Programm noch im PATH gefunden; nichts wurde gestartet.</translation>
    </message>
    <message>
        <source>Choose a dataset folder first.</source>
        <translation>Wählen Sie zuerst einen Datensatzordner.</translation>
    </message>
    <message>
        <source>Check at least one model and one depth for the sweep.</source>
        <translation>Wählen Sie für die Serie mindestens ein Modell und eine Tiefe.</translation>
    </message>
    <message>
        <source>Queued %1 runs.</source>
        <translation>%1 Läufe eingereiht.</translation>
    </message>
    <message>
        <source>Delete Runs</source>
        <translation>Läufe löschen</translation>
    </message>
    <message>
        <source>Remove %1 run(s) from the history? Their folders can be kept or deleted.</source>
        <translation>%1 Lauf/Läufe aus dem Verlauf entfernen? Die Ordner können behalten oder gelöscht werden.</translation>
    </message>
    <message>
        <source>Remove, Keep Folders</source>
        <translation>Entfernen, Ordner behalten</translation>
    </message>
    <message>
        <source>Delete Folders</source>
        <translation>Ordner löschen</translation>
    </message>
    <message>
        <source>Open Run Folder</source>
        <translation>Laufordner öffnen</translation>
    </message>
    <message>
        <source>Export Failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Export Metrics</source>
        <translation>Metriken exportieren</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>Open Run…</source>
        <translation>Lauf öffnen…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Löschen…</translation>
    </message>
    <message>
        <source>Export Figure…</source>
        <translation>Abbildung exportieren…</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Auswertung</translation>
    </message>
    <message>
        <source>The selected run has no GCVAE evaluation (eval.json with &quot;kind&quot;: &quot;gcvae&quot;).</source>
        <translation>Der gewählte Lauf hat keine GCVAE-Auswertung (eval.json mit &quot;kind&quot;: &quot;gcvae&quot;).</translation>
    </message>
    <message>
        <source>The run history could not be updated (%1); the run itself is not affected.</source>
        <translation>Der Lauf-Verlauf konnte nicht aktualisiert werden (%1); der Lauf selbst ist davon nicht betroffen.</translation>
    </message>
    <message>
        <source>A Slurm sweep trains every chosen model at every chosen depth.</source>
        <translation>Ein Slurm-Durchlauf trainiert jedes gewählte Modell in jeder gewählten Tiefe.</translation>
    </message>
    <message>
        <source>The sweep was not submitted: %1</source>
        <translation>Der Durchlauf wurde nicht abgeschickt: %1</translation>
    </message>
    <message>
        <source>Submitted %1 runs as Slurm job %2 (scripts and logs in %3).</source>
        <translation>%1 Läufe als Slurm-Job %2 abgeschickt (Skripte und Protokolle in %3).</translation>
    </message>
</context>
</TS>
