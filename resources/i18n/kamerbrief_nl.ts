<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="nl_NL" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="175"/>
        <source>Dutch parliamentary letters side by side, every treaty mention highlighted in its own colour, footnotes where they are referenced, and a full-text search over the whole library.</source>
        <translation>Kamerbrieven naast elkaar, elke vermelding van een verdrag gemarkeerd in een eigen kleur, noten waar ernaar verwezen wordt, en zoeken in de volledige tekst van de hele bibliotheek.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="184"/>
        <source>Treaty facts come from the bundled gazetteer; each card names its source. The reader never loads anything from the network.</source>
        <translation>De gegevens over verdragen komen uit de meegeleverde verdragenlijst; elke kaart noemt haar bron. De lezer haalt nooit iets van het netwerk.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="193"/>
        <source>About Kamerbrief Reader</source>
        <translation>Over Kamerbrief Reader</translation>
    </message>
</context>
<context>
    <name>CompareDialog</name>
    <message>
        <location filename="../../desktop/ui/wording_view.py" line="47"/>
        <source>Compare wording</source>
        <translation>Formulering vergelijken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wording_view.py" line="74"/>
        <source>%1% of the words in common; removed words struck through, new ones in green</source>
        <translation>%1% van de woorden gemeen; weggevallen woorden doorgestreept, nieuwe in groen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wording_view.py" line="81"/>
        <source>Open both letters</source>
        <translation>Beide brieven openen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/wording_view.py" line="83"/>
        <source>The older letter in the left pane, the newer in the right</source>
        <translation>De oudere brief in het linkerpaneel, de nieuwere in het rechterpaneel</translation>
    </message>
</context>
<context>
    <name>FailuresDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="40"/>
        <source>Some letters were not read again</source>
        <translation>Sommige brieven zijn niet opnieuw ingelezen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs.py" line="42"/>
        <source>%n letter(s) could not be read again from the library&apos;s copy; they stay as they were read before.</source>
        <translation>
            <numerusform>%n brief kon niet opnieuw worden ingelezen uit de kopie in de bibliotheek; hij blijft zoals hij eerder is ingelezen.</numerusform>
            <numerusform>%n brieven konden niet opnieuw worden ingelezen uit de kopie in de bibliotheek; ze blijven zoals ze eerder zijn ingelezen.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="48"/>
        <source>Some files were not imported</source>
        <translation>Sommige bestanden zijn niet geïmporteerd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs.py" line="50"/>
        <source>%n file(s) could not be imported; everything else was added to the library.</source>
        <translation>
            <numerusform>%n bestand kon niet worden geïmporteerd; al het andere is aan de bibliotheek toegevoegd.</numerusform>
            <numerusform>%n bestanden konden niet worden geïmporteerd; al het andere is aan de bibliotheek toegevoegd.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="58"/>
        <source>File</source>
        <translation>Bestand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="58"/>
        <source>Problem</source>
        <translation>Probleem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="59"/>
        <source>Files not imported</source>
        <translation>Niet geïmporteerde bestanden</translation>
    </message>
</context>
<context>
    <name>FileProblems</name>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="45"/>
        <source>empty file</source>
        <translation>leeg bestand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="46"/>
        <source>no such file</source>
        <translation>bestand bestaat niet</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="47"/>
        <source>permission denied</source>
        <translation>geen toegang</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="50"/>
        <source>is a directory, not a letter</source>
        <translation>is een map, geen brief</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="54"/>
        <source>binary file, not a letter</source>
        <translation>binair bestand, geen brief</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="58"/>
        <source>not text in any encoding we know</source>
        <translation>geen tekst in een bekende codering</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="62"/>
        <source>unsupported file type &apos;%1&apos;</source>
        <translation>bestandstype &apos;%1&apos; wordt niet ondersteund</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="64"/>
        <source>timed out after %1 s</source>
        <translation>afgebroken na %1 s</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="67"/>
        <source>the parser could not be started</source>
        <translation>het inleesproces kon niet worden gestart</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="71"/>
        <source>no text found in the HTML</source>
        <translation>geen tekst gevonden in de HTML</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="75"/>
        <source>not an HTML file (binary content)</source>
        <translation>geen HTML-bestand (binaire inhoud)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="79"/>
        <source>not a PDF (no PDF header)</source>
        <translation>geen PDF (geen PDF-kop)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="83"/>
        <source>truncated or damaged PDF (no end-of-file marker)</source>
        <translation>afgekapte of beschadigde PDF (geen einde-bestandsmarkering)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="87"/>
        <source>encrypted PDF (needs a password)</source>
        <translation>versleutelde PDF (wachtwoord nodig)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="91"/>
        <source>damaged PDF, cannot be read</source>
        <translation>beschadigde PDF, kan niet worden gelezen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="95"/>
        <source>no text in the PDF (a scan? text recognition is not supported)</source>
        <translation>geen tekst in de PDF (een scan? tekstherkenning wordt niet ondersteund)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="104"/>
        <source>the library has no copy of the original</source>
        <translation>de bibliotheek heeft geen kopie van het origineel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="108"/>
        <source>the library&apos;s copy of the original is damaged</source>
        <translation>de kopie van het origineel in de bibliotheek is beschadigd</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="82"/>
        <location filename="../../desktop/ui/find_bar.py" line="83"/>
        <source>Find in this letter</source>
        <translation>Zoeken in deze brief</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="84"/>
        <source>Previous (Shift+Enter)</source>
        <translation>Vorige (Shift+Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="85"/>
        <source>Previous find</source>
        <translation>Vorige vondst</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="86"/>
        <source>Next (Enter)</source>
        <translation>Volgende (Enter)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="87"/>
        <source>Next find</source>
        <translation>Volgende vondst</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="88"/>
        <source>Close the find bar (Esc)</source>
        <translation>Zoekbalk sluiten (Esc)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="89"/>
        <source>Close the find bar</source>
        <translation>Zoekbalk sluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="112"/>
        <source>Not found</source>
        <translation>Niet gevonden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/find_bar.py" line="114"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n gevonden</numerusform>
            <numerusform>%n gevonden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/find_bar.py" line="116"/>
        <source>%1 of %2</source>
        <translation>%1 van %2</translation>
    </message>
</context>
<context>
    <name>LetterDocument</name>
    <message>
        <location filename="../../desktop/ui/letter_document.py" line="70"/>
        <source>Kamerstuk</source>
        <translation>Kamerstuk</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_document.py" line="71"/>
        <source>Handelingen</source>
        <translation>Handelingen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_document.py" line="72"/>
        <source>Motion</source>
        <translation>Motie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_document.py" line="275"/>
        <source>Notes</source>
        <translation>Noten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_document.py" line="294"/>
        <location filename="../../desktop/ui/letter_document.py" line="393"/>
        <source>Back to the text</source>
        <translation>Terug naar de tekst</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_document.py" line="360"/>
        <source>Open in your browser: %1</source>
        <translation>Openen in de browser: %1</translation>
    </message>
</context>
<context>
    <name>LetterView</name>
    <message>
        <location filename="../../desktop/ui/letter_view.py" line="365"/>
        <source>Copy with citation</source>
        <translation>Kopiëren met vindplaats</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/letter_view.py" line="375"/>
        <source>Treaty history of %1…</source>
        <translation>Geschiedenis van het verdrag %1…</translation>
    </message>
</context>
<context>
    <name>LibraryCare</name>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="118"/>
        <source>Undo</source>
        <translation>Ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="119"/>
        <source>Bring the removed letters back (Ctrl+Z)</source>
        <translation>De verwijderde brieven terugzetten (Ctrl+Z)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="139"/>
        <source>Removing…</source>
        <translation>Verwijderen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="156"/>
        <source>%n letter(s) removed from the library; your files stay where they are</source>
        <translation>
            <numerusform>%n brief uit de bibliotheek verwijderd; uw bestand blijft staan</numerusform>
            <numerusform>%n brieven uit de bibliotheek verwijderd; uw bestanden blijven staan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="166"/>
        <source>Nothing to undo: no letters were removed</source>
        <translation>Niets ongedaan te maken: er zijn geen brieven verwijderd</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="173"/>
        <source>Bringing letters back…</source>
        <translation>Brieven terugzetten…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="188"/>
        <source>These letters cannot be brought back: an import since removed them for good</source>
        <translation>Deze brieven kunnen niet meer worden teruggezet: een latere import heeft ze definitief verwijderd</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="197"/>
        <source>%n letter(s) back in the library</source>
        <translation>
            <numerusform>%n brief terug in de bibliotheek</numerusform>
            <numerusform>%n brieven terug in de bibliotheek</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="230"/>
        <source>Reading again…</source>
        <translation>Opnieuw inlezen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="232"/>
        <source>Reading %1 again</source>
        <translation>%1 opnieuw inlezen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="253"/>
        <source>%n letter(s) read again</source>
        <translation>
            <numerusform>%n brief opnieuw ingelezen</numerusform>
            <numerusform>%n brieven opnieuw ingelezen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="256"/>
        <source>%n could not be read again and stay as they were</source>
        <translation>
            <numerusform>%n kon niet opnieuw worden ingelezen en blijft zoals hij was</numerusform>
            <numerusform>%n konden niet opnieuw worden ingelezen en blijven zoals ze waren</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="258"/>
        <source>Nothing was read again</source>
        <translation>Er is niets opnieuw ingelezen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="259"/>
        <source>Cancelled: %1</source>
        <translation>Geannuleerd: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="268"/>
        <source>Letter %1 is no longer in the library</source>
        <translation>Brief %1 staat niet meer in de bibliotheek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="285"/>
        <source>No program on this computer opens %1</source>
        <translation>Geen programma op deze computer kan %1 openen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="290"/>
        <source>Your file %1 is gone or changed: the library&apos;s copy is shown</source>
        <translation>Uw bestand %1 is weg of gewijzigd: de kopie uit de bibliotheek wordt getoond</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="299"/>
        <source>%1 is gone and the library kept no copy of it</source>
        <translation>%1 is weg en de bibliotheek heeft er geen kopie van</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="300"/>
        <source>%1 is not a kind of file Kamerbrief Reader imports</source>
        <translation>%1 is geen soort bestand die Kamerbrief Reader importeert</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="303"/>
        <source>The original of “%1” cannot be shown: %2</source>
        <translation>Het origineel van “%1” kan niet worden getoond: %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="317"/>
        <source>The library is being changed; wait a moment and try again</source>
        <translation>De bibliotheek wordt bijgewerkt; wacht even en probeer het opnieuw</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_care.py" line="329"/>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
</context>
<context>
    <name>LibraryJobs</name>
    <message>
        <location filename="../../desktop/ui/library_jobs.py" line="51"/>
        <source>Cancel</source>
        <translation>Annuleren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_jobs.py" line="52"/>
        <source>Stop; what was done so far stays in the library</source>
        <translation>Stoppen; wat al gedaan is, blijft in de bibliotheek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_jobs.py" line="53"/>
        <source>Progress</source>
        <translation>Voortgang</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_jobs.py" line="54"/>
        <source>%v of %m</source>
        <translation>%v van %m</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_jobs.py" line="98"/>
        <source>Cancelling…</source>
        <translation>Annuleren…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_jobs.py" line="107"/>
        <source>%n letter(s)/s</source>
        <translation>
            <numerusform>%n brief/s</numerusform>
            <numerusform>%n brieven/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_jobs.py" line="113"/>
        <source>about %n min left</source>
        <translation>
            <numerusform>nog ongeveer %n min</numerusform>
            <numerusform>nog ongeveer %n min</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_jobs.py" line="114"/>
        <source>about %n s left</source>
        <translation>
            <numerusform>nog ongeveer %n s</numerusform>
            <numerusform>nog ongeveer %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryMessages</name>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="114"/>
        <source>the disk is full</source>
        <translation>de schijf is vol</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="117"/>
        <source>the disk quota is used up</source>
        <translation>het schijfquotum is op</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="121"/>
        <source>the disk could not be read or written (input/output error)</source>
        <translation>de schijf kon niet worden gelezen of beschreven (invoer-/uitvoerfout)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="125"/>
        <source>permission denied</source>
        <translation>geen toegang</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="126"/>
        <source>the disk is read-only</source>
        <translation>de schijf is alleen-lezen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="127"/>
        <source>out of memory</source>
        <translation>onvoldoende geheugen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="128"/>
        <source>too many open files</source>
        <translation>te veel geopende bestanden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="131"/>
        <source>the letter store is read-only</source>
        <translation>de brievenopslag is alleen-lezen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="138"/>
        <source>nothing was saved: %1 (%2); the library is as it was</source>
        <translation>er is niets opgeslagen: %1 (%2); de bibliotheek is ongewijzigd</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="145"/>
        <source>cannot write the library at %1: %2</source>
        <translation>de bibliotheek in %1 kan niet worden beschreven: %2</translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="206"/>
        <source>Filter letters by title, date, kamerstuk…</source>
        <translation>Brieven filteren op titel, datum, kamerstuk…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="207"/>
        <source>Filter the library</source>
        <translation>Bibliotheek filteren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="208"/>
        <source>Only letters that mention this treaty</source>
        <translation>Alleen brieven die dit verdrag noemen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="209"/>
        <source>Treaty filter</source>
        <translation>Filter op verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="210"/>
        <source>Only letters of this year</source>
        <translation>Alleen brieven uit dit jaar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="211"/>
        <source>Year filter</source>
        <translation>Filter op jaar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="213"/>
        <source>Sort the letters: newest or oldest first, or by title</source>
        <translation>Brieven sorteren: nieuwste of oudste eerst, of op titel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="215"/>
        <source>Sort order</source>
        <translation>Volgorde</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="216"/>
        <source>Newest</source>
        <translation>Nieuwste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="216"/>
        <source>Oldest</source>
        <translation>Oudste</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="216"/>
        <source>Title A–Z</source>
        <translation>Titel A–Z</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="220"/>
        <source>Double-click or Enter: open in the focused pane; Ctrl+Enter: the other</source>
        <translation>Dubbelklik of Enter: openen in het actieve paneel; Ctrl+Enter: in het andere</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="222"/>
        <source>Letters in the library</source>
        <translation>Brieven in de bibliotheek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="225"/>
        <source>Enter opens the letter in the focused pane, Ctrl+Enter in the other; drag a letter onto a pane to open it there</source>
        <translation>Enter opent de brief in het actieve paneel, Ctrl+Enter in het andere; sleep een brief naar een paneel om hem daar te openen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="250"/>
        <source>Any treaty</source>
        <translation>Elk verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="253"/>
        <source>Any year</source>
        <translation>Elk jaar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="282"/>
        <source>Reading the list of letters…</source>
        <translation>Lijst van brieven lezen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="284"/>
        <source>No letters yet: File › Add files…, or drop letters on the window</source>
        <translation>Nog geen brieven: Bestand › Bestanden toevoegen…, of sleep brieven naar het venster</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="286"/>
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n brief</numerusform>
            <numerusform>%n brieven</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="288"/>
        <source>%1 of %n letter(s)</source>
        <translation>
            <numerusform>%1 van %n brief</numerusform>
            <numerusform>%1 van %n brieven</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="372"/>
        <source>Open in the focused pane</source>
        <translation>Openen in het actieve paneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="373"/>
        <source>Open in the other pane</source>
        <translation>Openen in het andere paneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="375"/>
        <source>Open the original</source>
        <translation>Origineel openen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="380"/>
        <source>Read %n letters again from the library&apos;s copies</source>
        <translation>
            <numerusform>%n brief opnieuw inlezen uit de kopie in de bibliotheek</numerusform>
            <numerusform>%n brieven opnieuw inlezen uit de kopieën in de bibliotheek</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="382"/>
        <source>Read again from the library&apos;s copy</source>
        <translation>Opnieuw inlezen uit de kopie in de bibliotheek</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="386"/>
        <source>Remove %n letters from the library</source>
        <translation>
            <numerusform>%n brief uit de bibliotheek verwijderen</numerusform>
            <numerusform>%n brieven uit de bibliotheek verwijderen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="388"/>
        <source>Remove from the library</source>
        <translation>Uit de bibliotheek verwijderen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/library_panel.py" line="392"/>
        <source>Your files stay where they are; Ctrl+Z brings them back</source>
        <translation>Uw bestanden blijven staan; Ctrl+Z zet de brieven terug</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="112"/>
        <source>Library busy: another Kamerbrief Reader is importing. Opened read-only: reading and searching work; importing waits until it is done.</source>
        <translation>Bibliotheek bezet: een andere Kamerbrief Reader importeert. Alleen-lezen geopend: lezen en zoeken werken; importeren wacht tot die klaar is.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="234"/>
        <source>Library</source>
        <translation>Bibliotheek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="235"/>
        <source>Search</source>
        <translation>Zoeken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="236"/>
        <source>Treaties</source>
        <translation>Verdragen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="237"/>
        <source>Footnotes</source>
        <translation>Noten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="239"/>
        <source>Library and search</source>
        <translation>Bibliotheek en zoeken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="240"/>
        <source>Treaties and footnotes</source>
        <translation>Verdragen en noten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="244"/>
        <source>Step through both panes together</source>
        <translation>Beide panelen samen doorlopen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="247"/>
        <source>Next and previous mention move both panes to their next mention of the chosen treaty (Ctrl+Shift+L)</source>
        <translation>Volgende en vorige vermelding verplaatsen beide panelen naar hun volgende vermelding van het gekozen verdrag (Ctrl+Shift+L)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="303"/>
        <source>The other pane showed this letter: the panes swapped (Alt+Left undoes it)</source>
        <translation>Het andere paneel toonde deze brief al: de panelen zijn gewisseld (Alt+Links maakt dat ongedaan)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="344"/>
        <source>Nothing further forward in this pane</source>
        <translation>Dit paneel kan niet verder vooruit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="346"/>
        <source>Nothing further back in this pane</source>
        <translation>Dit paneel kan niet verder terug</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="366"/>
        <source>Choose a treaty first: the panes fold to its passages</source>
        <translation>Kies eerst een verdrag: de panelen tonen dan alleen de passages daarover</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="382"/>
        <source>Text size %1 pt</source>
        <translation>Tekstgrootte %1 pt</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="413"/>
        <source>Open a letter first: this opens the focused pane&apos;s original</source>
        <translation>Open eerst een brief: dit opent het origineel van de brief in het actieve paneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="456"/>
        <source>Letters (%1)</source>
        <translation>Brieven (%1)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="456"/>
        <source>All files (*)</source>
        <translation>Alle bestanden (*)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="457"/>
        <source>Add letters</source>
        <translation>Brieven toevoegen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="462"/>
        <source>Add a folder of letters</source>
        <translation>Een map met brieven toevoegen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="471"/>
        <source>An import is already running; wait for it or cancel it</source>
        <translation>Er loopt al een import; wacht erop of annuleer hem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="643"/>
        <source>The list of letters could not be read: %1</source>
        <translation>De lijst van brieven kon niet worden gelezen: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="470"/>
        <source>Importing…</source>
        <translation>Importeren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="474"/>
        <source>Importing %1</source>
        <translation>%1 importeren</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="489"/>
        <source>%n letter(s) added</source>
        <translation>
            <numerusform>%n brief toegevoegd</numerusform>
            <numerusform>%n brieven toegevoegd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="491"/>
        <source>%n letter(s) updated</source>
        <translation>
            <numerusform>%n brief bijgewerkt</numerusform>
            <numerusform>%n brieven bijgewerkt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="493"/>
        <source>%n letter(s) removed</source>
        <translation>
            <numerusform>%n brief verwijderd</numerusform>
            <numerusform>%n brieven verwijderd</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="495"/>
        <source>%n letter(s) read again by this version</source>
        <translation>
            <numerusform>%n brief opnieuw ingelezen door deze versie</numerusform>
            <numerusform>%n brieven opnieuw ingelezen door deze versie</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="497"/>
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n bestand kon niet worden gelezen</numerusform>
            <numerusform>%n bestanden konden niet worden gelezen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="501"/>
        <source>Nothing new: %n letter(s) already in the library</source>
        <translation>
            <numerusform>Niets nieuws: %n brief stond al in de bibliotheek</numerusform>
            <numerusform>Niets nieuws: %n brieven stonden al in de bibliotheek</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="503"/>
        <source>No letters found</source>
        <translation>Geen brieven gevonden</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="504"/>
        <source>Import cancelled: %1</source>
        <translation>Import geannuleerd: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="523"/>
        <source>The library is busy: another Kamerbrief Reader is writing to it. Try again when that has finished.</source>
        <translation>De bibliotheek is bezet: een andere Kamerbrief Reader schrijft erin. Probeer het opnieuw als die klaar is.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="531"/>
        <source>The library is busy: another Kamerbrief Reader is writing to it. Try the import again when that has finished.</source>
        <translation>De bibliotheek is bezet: een andere Kamerbrief Reader schrijft erin. Probeer de import opnieuw als die klaar is.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/main_window.py" line="537"/>
        <source>Import failed</source>
        <translation>Import mislukt</translation>
    </message>
</context>
<context>
    <name>Menus</name>
    <message>
        <location filename="../../desktop/ui/commands.py" line="24"/>
        <source>&amp;File</source>
        <translation>&amp;Bestand</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="27"/>
        <source>&amp;Add files…</source>
        <translation>Bestanden &amp;toevoegen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="33"/>
        <source>Add &amp;folder…</source>
        <translation>&amp;Map toevoegen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="39"/>
        <source>Open the &amp;original</source>
        <translation>&amp;Origineel openen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="42"/>
        <source>The focused pane&apos;s letter as it was imported, in its own program</source>
        <translation>De brief in het actieve paneel zoals hij is geïmporteerd, in zijn eigen programma</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="49"/>
        <source>&amp;Print…</source>
        <translation>Af&amp;drukken…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="55"/>
        <source>Print pre&amp;view…</source>
        <translation>Afdruk&amp;voorbeeld…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="61"/>
        <source>&amp;Export as PDF…</source>
        <translation>&amp;Exporteren als PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="68"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Instellingen…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="73"/>
        <source>&amp;Quit</source>
        <translation>&amp;Afsluiten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="75"/>
        <source>&amp;Edit</source>
        <translation>Be&amp;werken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="78"/>
        <source>&amp;Undo removal</source>
        <translation>Verwijderen &amp;ongedaan maken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="81"/>
        <source>Bring back the letters removed last (until the next import)</source>
        <translation>De laatst verwijderde brieven terugzetten (tot de volgende import)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="88"/>
        <source>&amp;Copy with citation</source>
        <translation>&amp;Kopiëren met vindplaats</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="94"/>
        <source>Copy &amp;text only</source>
        <translation>Alleen &amp;tekst kopiëren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="101"/>
        <source>&amp;Find in the letter</source>
        <translation>&amp;Zoeken in de brief</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="107"/>
        <source>&amp;Search the library</source>
        <translation>Zoeken in de &amp;bibliotheek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="113"/>
        <source>F&amp;ilter the library list</source>
        <translation>&amp;Lijst van de bibliotheek filteren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="118"/>
        <source>&amp;View</source>
        <translation>Beel&amp;d</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="121"/>
        <source>Zoom &amp;in</source>
        <translation>&amp;Groter</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="127"/>
        <source>Zoom &amp;out</source>
        <translation>&amp;Kleiner</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="133"/>
        <source>&amp;Reset zoom</source>
        <translation>&amp;Normale grootte</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="140"/>
        <source>Show treaty &amp;highlights</source>
        <translation>&amp;Verdragen markeren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="147"/>
        <source>Only &amp;passages with the chosen treaty</source>
        <translation>Alleen &amp;passages met het gekozen verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="154"/>
        <source>&amp;No treaty emphasis</source>
        <translation>Geen verdrag &amp;uitlichten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="161"/>
        <source>Focus &amp;left pane</source>
        <translation>Naar het &amp;linkerpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="167"/>
        <source>Focus r&amp;ight pane</source>
        <translation>Naar het &amp;rechterpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="173"/>
        <source>S&amp;wap the letters</source>
        <translation>Brieven &amp;wisselen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="180"/>
        <source>&amp;Treaty history</source>
        <translation>G&amp;eschiedenis van een verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="187"/>
        <source>Colours: follow the &amp;system</source>
        <translation>Kleuren: volgens het &amp;systeem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="193"/>
        <source>Colours: li&amp;ght</source>
        <translation>Kleuren: l&amp;icht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="199"/>
        <source>Colours: &amp;dark</source>
        <translation>Kleuren: &amp;donker</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="204"/>
        <source>&amp;Go</source>
        <translation>&amp;Ga naar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="207"/>
        <source>&amp;Back</source>
        <translation>&amp;Terug</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="213"/>
        <source>&amp;Forward</source>
        <translation>V&amp;ooruit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="220"/>
        <source>&amp;Next mention</source>
        <translation>&amp;Volgende vermelding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="226"/>
        <source>&amp;Previous mention</source>
        <translation>Vo&amp;rige vermelding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="232"/>
        <source>Step through &amp;both panes together</source>
        <translation>&amp;Beide panelen samen doorlopen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="236"/>
        <source>Next and previous mention move both panes to their next mention</source>
        <translation>Volgende en vorige vermelding verplaatsen beide panelen naar hun volgende vermelding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="243"/>
        <source>Next search &amp;match</source>
        <translation>Volgende tre&amp;ffer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="249"/>
        <source>Previous search m&amp;atch</source>
        <translation>Vorige treff&amp;er</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="254"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="257"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/commands.py" line="263"/>
        <source>&amp;About Kamerbrief Reader</source>
        <translation>&amp;Over Kamerbrief Reader</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/notes_panel.py" line="47"/>
        <source>%n footnote(s) in the left pane</source>
        <translation>
            <numerusform>%n noot in het linkerpaneel</numerusform>
            <numerusform>%n noten in het linkerpaneel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/notes_panel.py" line="49"/>
        <source>%n footnote(s) in the right pane</source>
        <translation>
            <numerusform>%n noot in het rechterpaneel</numerusform>
            <numerusform>%n noten in het rechterpaneel</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/notes_panel.py" line="51"/>
        <source>%n footnote(s)</source>
        <translation>
            <numerusform>%n noot</numerusform>
            <numerusform>%n noten</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/notes_panel.py" line="54"/>
        <source>Enter shows the note in the letter</source>
        <translation>Enter toont de noot in de brief</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/notes_panel.py" line="56"/>
        <source>Show this note in the letter</source>
        <translation>Deze noot in de brief tonen</translation>
    </message>
</context>
<context>
    <name>PassagesModel</name>
    <message>
        <location filename="../../desktop/ui/passages_model.py" line="34"/>
        <source>Date</source>
        <translation>Datum</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passages_model.py" line="35"/>
        <source>Letter</source>
        <translation>Brief</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passages_model.py" line="36"/>
        <source>Citation</source>
        <translation>Vindplaats</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/passages_model.py" line="37"/>
        <source>Passage</source>
        <translation>Passage</translation>
    </message>
</context>
<context>
    <name>QueryMessages</name>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="14"/>
        <source>empty query</source>
        <translation>lege zoekvraag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="15"/>
        <source>unclosed quote</source>
        <translation>aanhalingsteken niet gesloten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="16"/>
        <source>&apos;)&apos; without &apos;(&apos;</source>
        <translation>&apos;)&apos; zonder &apos;(&apos;</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="17"/>
        <source>&apos;(&apos; is never closed</source>
        <translation>&apos;(&apos; wordt nergens gesloten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="20"/>
        <source>the query has no words to search for</source>
        <translation>de zoekvraag bevat geen woorden om naar te zoeken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="24"/>
        <source>unknown field &apos;%1&apos; (known: %2)</source>
        <translation>onbekend veld &apos;%1&apos; (bekend: %2)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="28"/>
        <source>&apos;%1&apos; is not a date (write 2018, 2018-11 or 2018-11-27)</source>
        <translation>&apos;%1&apos; is geen datum (schrijf 2018, 2018-11 of 2018-11-27)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="34"/>
        <source>words near each other (&quot;…&quot;~N) cannot be searched; use AND</source>
        <translation>woorden dicht bij elkaar (&quot;…&quot;~N) kunnen niet worden gezocht; gebruik AND</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/core_messages.py" line="40"/>
        <source>an operator has nothing to work on</source>
        <translation>AND, OR of NOT staat zonder zoekwoord</translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="222"/>
        <source>Left pane</source>
        <translation>Linkerpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="222"/>
        <source>Right pane</source>
        <translation>Rechterpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="225"/>
        <source>Letter text, left pane</source>
        <translation>Tekst van de brief, linkerpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="225"/>
        <source>Letter text, right pane</source>
        <translation>Tekst van de brief, rechterpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="228"/>
        <source>The letter; treaty mentions are underlined, footnote markers are links</source>
        <translation>De brief; vermeldingen van verdragen zijn onderstreept, nootnummers zijn koppelingen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="230"/>
        <source>Choose the letter shown in this pane</source>
        <translation>Kies de brief die dit paneel toont</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="232"/>
        <source>Letter in the left pane</source>
        <translation>Brief in het linkerpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="232"/>
        <source>Letter in the right pane</source>
        <translation>Brief in het rechterpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="364"/>
        <source>Choose a letter…</source>
        <translation>Kies een brief…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="234"/>
        <source>Back to the previous letter and place (Alt+Left)</source>
        <translation>Terug naar de vorige brief en plek (Alt+Links)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="235"/>
        <source>Back</source>
        <translation>Terug</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="236"/>
        <source>Forward again (Alt+Right)</source>
        <translation>Weer vooruit (Alt+Rechts)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="237"/>
        <source>Forward</source>
        <translation>Vooruit</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="238"/>
        <source>Previous match (Ctrl+Shift+G)</source>
        <translation>Vorige treffer (Ctrl+Shift+G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="239"/>
        <source>Previous match</source>
        <translation>Vorige treffer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="240"/>
        <source>Next match (Ctrl+G)</source>
        <translation>Volgende treffer (Ctrl+G)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="241"/>
        <source>Next match</source>
        <translation>Volgende treffer</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="242"/>
        <location filename="../../desktop/ui/reader_pane.py" line="243"/>
        <source>Clear the search matches</source>
        <translation>Zoektreffers wissen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="291"/>
        <source>Letter %1 is no longer in the library</source>
        <translation>Brief %1 staat niet meer in de bibliotheek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="503"/>
        <source>“%1” was removed from the library.

Edit › Undo removal (Ctrl+Z) brings it back; your file was not touched.</source>
        <translation>“%1” is uit de bibliotheek verwijderd.

Bewerken › Verwijderen ongedaan maken (Ctrl+Z) zet de brief terug; uw bestand is niet aangeraakt.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="510"/>
        <source>No letter open.

Choose one above, or double-click a letter in the library.</source>
        <translation>Geen brief geopend.

Kies er hierboven een, of dubbelklik op een brief in de bibliotheek.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="539"/>
        <source>Vergaderjaar %1</source>
        <translation>Vergaderjaar %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="556"/>
        <source>Showing %1 of %2 passages that mention %3</source>
        <translation>Alleen de passages die %3 noemen: %1 van %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="625"/>
        <source>No mention in this letter</source>
        <translation>Geen vermelding in deze brief</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="630"/>
        <source>Wrapped around to the first mention</source>
        <translation>Terug bij de eerste vermelding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="632"/>
        <source>Wrapped around to the last mention</source>
        <translation>Terug bij de laatste vermelding</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="700"/>
        <source>Search match %1 of %2</source>
        <translation>Zoektreffer %1 van %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/reader_pane.py" line="702"/>
        <source>%n search match(es)</source>
        <translation>
            <numerusform>%n zoektreffer</numerusform>
            <numerusform>%n zoektreffers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/reader_pane.py" line="750"/>
        <source>Footnote %1 is not shown</source>
        <translation>Noot %1 wordt niet getoond</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="112"/>
        <source>Words match all their forms (verdrag, verdragen). &quot;Phrases&quot; in quotes; AND, OR, NOT; wildcards (kernwap*); fields: title:, verdrag:INF, date:2018, kamerstuk:33694, signatory:Blok.</source>
        <translation>Woorden vinden al hun vormen (verdrag, verdragen). &quot;Woordgroepen&quot; tussen aanhalingstekens; AND, OR, NOT; jokertekens (kernwap*); velden: title:, verdrag:INF, date:2018, kamerstuk:33694, ondertekenaar:Blok.</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="118"/>
        <source>Search the library (Ctrl+K)</source>
        <translation>Zoeken in de bibliotheek (Ctrl+K)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="120"/>
        <source>Search the library</source>
        <translation>Zoeken in de bibliotheek</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="122"/>
        <source>Search status</source>
        <translation>Zoekstatus</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="123"/>
        <source>Narrow the results by treaty or year</source>
        <translation>Resultaten beperken tot een verdrag of jaar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="124"/>
        <source>Search results</source>
        <translation>Zoekresultaten</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="126"/>
        <source>Enter opens the result in the focused pane, Ctrl+Enter in the other</source>
        <translation>Enter opent het resultaat in het actieve paneel, Ctrl+Enter in het andere</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="129"/>
        <source>Double-click or Enter: open in the focused pane; Ctrl+Enter: the other</source>
        <translation>Dubbelklik of Enter: openen in het actieve paneel; Ctrl+Enter: in het andere</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/search_panel.py" line="242"/>
        <source>%n letter(s) match</source>
        <translation>
            <numerusform>%n brief gevonden</numerusform>
            <numerusform>%n brieven gevonden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="244"/>
        <source>(showing the best %1)</source>
        <translation>(de beste %1 getoond)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="246"/>
        <source>No letters match «%1».</source>
        <translation>Geen brieven gevonden voor «%1».</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="249"/>
        <source>Did you mean %1?</source>
        <translation>Bedoelde u %1?</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="254"/>
        <source>Treaty:</source>
        <translation>Verdrag:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="254"/>
        <source>Year:</source>
        <translation>Jaar:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="265"/>
        <source>(all)</source>
        <translation>(alle)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="284"/>
        <source>Cannot read the query (at character %1): %2</source>
        <translation>Zoekvraag onleesbaar (bij teken %1): %2</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="288"/>
        <source>Cannot read the query: %1</source>
        <translation>Zoekvraag onleesbaar: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="291"/>
        <source>The search failed: %1</source>
        <translation>Zoeken mislukt: %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="353"/>
        <source>Open in the focused pane</source>
        <translation>Openen in het actieve paneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_panel.py" line="354"/>
        <source>Open in the other pane</source>
        <translation>Openen in het andere paneel</translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search_model.py" line="75"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n treffer</numerusform>
            <numerusform>%n treffers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/search_model.py" line="77"/>
        <source>matched by date, kamerstuk or signatory</source>
        <translation>gevonden op datum, kamerstuk of ondertekenaar</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="129"/>
        <source>Settings</source>
        <translation>Instellingen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="130"/>
        <source>&amp;Language:</source>
        <translation>&amp;Taal:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="131"/>
        <source>&amp;Colours:</source>
        <translation>&amp;Kleuren:</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="132"/>
        <source>Language</source>
        <translation>Taal</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="133"/>
        <source>Colours</source>
        <translation>Kleuren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="135"/>
        <location filename="../../desktop/ui/dialogs.py" line="139"/>
        <source>Follow the system</source>
        <translation>Volgens het systeem</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="139"/>
        <source>Light</source>
        <translation>Licht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="139"/>
        <source>Dark</source>
        <translation>Donker</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="152"/>
        <location filename="../../desktop/ui/dialogs.py" line="155"/>
        <source>Keyboard shortcuts</source>
        <translation>Sneltoetsen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="154"/>
        <source>Command</source>
        <translation>Opdracht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/dialogs.py" line="154"/>
        <source>Shortcut</source>
        <translation>Sneltoets</translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline.py" line="260"/>
        <source>%n mention(s) of %1</source>
        <translation>
            <numerusform>%n vermelding van %1</numerusform>
            <numerusform>%n vermeldingen van %1</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/timeline.py" line="275"/>
        <source>No treaty chosen</source>
        <translation>Geen verdrag gekozen</translation>
    </message>
</context>
<context>
    <name>TreatyCard</name>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="87"/>
        <source>not in the treaty gazetteer</source>
        <translation>niet in de verdragenlijst</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="90"/>
        <source>“het verdrag” is read here as this treaty (inferred)</source>
        <translation>“het verdrag” wordt hier gelezen als dit verdrag (afgeleid)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="97"/>
        <source>Signed</source>
        <translation>Ondertekend</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="98"/>
        <source>In force</source>
        <translation>In werking</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="99"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="100"/>
        <source>Netherlands</source>
        <translation>Nederland</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="101"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/formatting.py" line="117"/>
        <source>%1 (as of %2)</source>
        <translation>%1 (stand per %2)</translation>
    </message>
</context>
<context>
    <name>TreatyHistory</name>
    <message>
        <location filename="../../desktop/ui/history_hooks.py" line="210"/>
        <source>PDF written to %1</source>
        <translation>PDF opgeslagen als %1</translation>
    </message>
</context>
<context>
    <name>TreatyHistoryDock</name>
    <message>
        <location filename="../../desktop/ui/history_hooks.py" line="46"/>
        <location filename="../../desktop/ui/history_hooks.py" line="60"/>
        <source>Treaty history</source>
        <translation>Geschiedenis van een verdrag</translation>
    </message>
</context>
<context>
    <name>TreatyHistoryView</name>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="55"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="56"/>
        <source>Markdown (*.md)</source>
        <translation>Markdown (*.md)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="57"/>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="177"/>
        <source>The treaty whose history is shown</source>
        <translation>Het verdrag waarvan de geschiedenis wordt getoond</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="183"/>
        <source>Compare with</source>
        <translation>Vergelijken met</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="184"/>
        <source>Other treaties on the timeline, each in its own lane</source>
        <translation>Andere verdragen op de tijdlijn, elk op een eigen rij</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="187"/>
        <location filename="../../desktop/ui/treaty_history.py" line="201"/>
        <source>From</source>
        <translation>Van</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="187"/>
        <source>To</source>
        <translation>Tot</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="189"/>
        <source>Filter passages: words or a query…</source>
        <translation>Passages filteren: woorden of een zoekvraag…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="193"/>
        <source>Only letters found</source>
        <translation>Alleen gevonden brieven</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="195"/>
        <source>Only the letters the query in the Search tab finds, following it</source>
        <translation>Alleen de brieven die de zoekvraag in het tabblad Zoeken vindt; volgt die zoekvraag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="201"/>
        <source>to</source>
        <translation>tot</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="211"/>
        <source>any</source>
        <translation>alle</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="240"/>
        <source>Open</source>
        <translation>Openen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="241"/>
        <source>Open the letter at this passage (Ctrl: in the other pane)</source>
        <translation>De brief openen bij deze passage (Ctrl: in het andere paneel)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="245"/>
        <source>Side by side</source>
        <translation>Naast elkaar</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="246"/>
        <source>Open the two chosen passages&apos; letters side by side</source>
        <translation>De brieven van de twee gekozen passages naast elkaar openen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="250"/>
        <source>Compare wording</source>
        <translation>Formulering vergelijken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="251"/>
        <source>The two chosen passages word by word</source>
        <translation>De twee gekozen passages woord voor woord</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="255"/>
        <source>Copy</source>
        <translation>Kopiëren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="256"/>
        <source>Copy the chosen passages with their citations (Ctrl+C)</source>
        <translation>De gekozen passages kopiëren met hun vindplaats (Ctrl+C)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="259"/>
        <location filename="../../desktop/ui/treaty_history.py" line="534"/>
        <source>Export</source>
        <translation>Exporteren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="282"/>
        <source>Chosen passages as CSV…</source>
        <translation>Gekozen passages als CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="282"/>
        <source>All passages as CSV…</source>
        <translation>Alle passages als CSV…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="284"/>
        <source>Chosen passages as Markdown…</source>
        <translation>Gekozen passages als Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="285"/>
        <source>All passages as Markdown…</source>
        <translation>Alle passages als Markdown…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="287"/>
        <source>Chosen passages as PDF…</source>
        <translation>Gekozen passages als PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="287"/>
        <source>All passages as PDF…</source>
        <translation>Alle passages als PDF…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="325"/>
        <source>Reading the library…</source>
        <translation>De bibliotheek wordt gelezen…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="360"/>
        <source>%1 (%n letter(s))</source>
        <translation>
            <numerusform>%1 (%n brief)</numerusform>
            <numerusform>%1 (%n brieven)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="410"/>
        <source>Filter: %1</source>
        <translation>Filter: %1</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="416"/>
        <source>%n letter(s) mention %1</source>
        <translation>
            <numerusform>%n brief noemt %1</numerusform>
            <numerusform>%n brieven noemen %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="421"/>
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="423"/>
        <source>the first %n passage(s); more as you scroll</source>
        <translation>
            <numerusform>de eerste passage; meer bij het scrollen</numerusform>
            <numerusform>de eerste %n passages; meer bij het scrollen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="425"/>
        <source> · following “%1”</source>
        <translation> · volgt “%1”</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="455"/>
        <source>Search first: the timeline then shows only the letters that match</source>
        <translation>Zoek eerst: de tijdlijn toont dan alleen de gevonden brieven</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="511"/>
        <source>Choose two passages to compare</source>
        <translation>Kies twee passages om te vergelijken</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="544"/>
        <source>Export passages</source>
        <translation>Passages exporteren</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="562"/>
        <source>Exporting…</source>
        <translation>Bezig met exporteren…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_history.py" line="580"/>
        <source>Could not write %1: %2</source>
        <translation>Kon %1 niet opslaan: %2</translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="586"/>
        <source>%n passage(s) written to %1</source>
        <translation>
            <numerusform>%n passage opgeslagen in %1</numerusform>
            <numerusform>%n passages opgeslagen in %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TreatyPanel</name>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="152"/>
        <source>Treaty history…</source>
        <translation>Geschiedenis van het verdrag…</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="158"/>
        <source>Treaty</source>
        <translation>Verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="158"/>
        <source>Left</source>
        <translation>Links</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="158"/>
        <source>Right</source>
        <translation>Rechts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="159"/>
        <source>The open letters mention no treaty</source>
        <translation>De open brieven noemen geen verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="161"/>
        <source>Treaties in the open letters</source>
        <translation>Verdragen in de geopende brieven</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="163"/>
        <source>Mentions per pane; choosing a treaty emphasises it in both panes</source>
        <translation>Vermeldingen per paneel; een gekozen verdrag wordt in beide panelen uitgelicht</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="165"/>
        <source>Previous mention in the focused pane (Shift+F3)</source>
        <translation>Vorige vermelding in het actieve paneel (Shift+F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="166"/>
        <source>Next mention in the focused pane (F3)</source>
        <translation>Volgende vermelding in het actieve paneel (F3)</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="167"/>
        <source>Show highlights</source>
        <translation>Markeringen tonen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="168"/>
        <source>Only passages with this treaty</source>
        <translation>Alleen passages met dit verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="170"/>
        <source>Fold both panes to the paragraphs that mention the treaty</source>
        <translation>Beide panelen tonen alleen de alinea&apos;s die het verdrag noemen</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="253"/>
        <source>Mentions in the left pane</source>
        <translation>Vermeldingen in het linkerpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="254"/>
        <source>Mentions in the right pane</source>
        <translation>Vermeldingen in het rechterpaneel</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="341"/>
        <source>Next %1 ▶</source>
        <translation>Volgende %1 ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="342"/>
        <source>◀ Previous %1</source>
        <translation>◀ Vorige %1</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="344"/>
        <source>Next ▶</source>
        <translation>Volgende ▶</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="345"/>
        <source>◀ Previous</source>
        <translation>◀ Vorige</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="362"/>
        <source>Kind</source>
        <translation>Soort</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="362"/>
        <source>a treaty the gazetteer does not hold</source>
        <translation>een verdrag dat niet in de verdragenlijst staat</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="367"/>
        <source>Tractatenblad</source>
        <translation>Tractatenblad</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="368"/>
        <source>Read as this treaty</source>
        <translation>Gelezen als dit verdrag</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="380"/>
        <source>Full name</source>
        <translation>Volledige naam</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="381"/>
        <source>Family</source>
        <translation>Categorie</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="382"/>
        <source>Signed</source>
        <translation>Ondertekend</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="383"/>
        <source>In force</source>
        <translation>In werking</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="384"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="385"/>
        <source>Netherlands</source>
        <translation>Nederland</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="386"/>
        <source>Source</source>
        <translation>Bron</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="391"/>
        <source>left</source>
        <translation>links</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="391"/>
        <source>right</source>
        <translation>rechts</translation>
    </message>
    <message>
        <location filename="../../desktop/ui/treaty_panel.py" line="402"/>
        <source>“het verdrag” and the like: %1 left, %2 right</source>
        <translation>“het verdrag” en dergelijke: %1 links, %2 rechts</translation>
    </message>
</context>
</TS>
