<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FailuresDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs.py" line="42"/>
        <source>%n letter(s) could not be read again from the library&apos;s copy; they stay as they were read before.</source>
        <translation>
            <numerusform>%n letter could not be read again from the library&apos;s copy; it stays as it was read before.</numerusform>
            <numerusform>%n letters could not be read again from the library&apos;s copy; they stay as they were read before.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs.py" line="50"/>
        <source>%n file(s) could not be imported; everything else was added to the library.</source>
        <translation>
            <numerusform>%n file could not be imported; everything else was added to the library.</numerusform>
            <numerusform>%n files could not be imported; everything else was added to the library.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/find_bar.py" line="114"/>
        <source>%n found</source>
        <translation>
            <numerusform>%n found</numerusform>
            <numerusform>%n found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryCare</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="156"/>
        <source>%n letter(s) removed from the library; your files stay where they are</source>
        <translation>
            <numerusform>%n letter removed from the library; your file stays where it is</numerusform>
            <numerusform>%n letters removed from the library; your files stay where they are</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="197"/>
        <source>%n letter(s) back in the library</source>
        <translation>
            <numerusform>%n letter back in the library</numerusform>
            <numerusform>%n letters back in the library</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="253"/>
        <source>%n letter(s) read again</source>
        <translation>
            <numerusform>%n letter read again</numerusform>
            <numerusform>%n letters read again</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_care.py" line="256"/>
        <source>%n could not be read again and stay as they were</source>
        <translation>
            <numerusform>%n could not be read again and stays as it was</numerusform>
            <numerusform>%n could not be read again and stay as they were</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryJobs</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_jobs.py" line="107"/>
        <source>%n letter(s)/s</source>
        <translation>
            <numerusform>%n letter/s</numerusform>
            <numerusform>%n letters/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_jobs.py" line="113"/>
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_jobs.py" line="114"/>
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>LibraryPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="286"/>
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n letter</numerusform>
            <numerusform>%n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="288"/>
        <source>%1 of %n letter(s)</source>
        <translation>
            <numerusform>%1 of %n letter</numerusform>
            <numerusform>%1 of %n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="380"/>
        <source>Read %n letters again from the library&apos;s copies</source>
        <translation>
            <numerusform>Read %n letter again from the library&apos;s copy</numerusform>
            <numerusform>Read %n letters again from the library&apos;s copies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="386"/>
        <source>Remove %n letters from the library</source>
        <translation>
            <numerusform>Remove %n letter from the library</numerusform>
            <numerusform>Remove %n letters from the library</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="489"/>
        <source>%n letter(s) added</source>
        <translation>
            <numerusform>%n letter added</numerusform>
            <numerusform>%n letters added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="491"/>
        <source>%n letter(s) updated</source>
        <translation>
            <numerusform>%n letter updated</numerusform>
            <numerusform>%n letters updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="493"/>
        <source>%n letter(s) removed</source>
        <translation>
            <numerusform>%n letter removed</numerusform>
            <numerusform>%n letters removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="495"/>
        <source>%n letter(s) read again by this version</source>
        <translation>
            <numerusform>%n letter read again by this version</numerusform>
            <numerusform>%n letters read again by this version</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="497"/>
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="501"/>
        <source>Nothing new: %n letter(s) already in the library</source>
        <translation>
            <numerusform>Nothing new: %n letter already in the library</numerusform>
            <numerusform>Nothing new: %n letters already in the library</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/notes_panel.py" line="47"/>
        <source>%n footnote(s) in the left pane</source>
        <translation>
            <numerusform>%n footnote in the left pane</numerusform>
            <numerusform>%n footnotes in the left pane</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/notes_panel.py" line="49"/>
        <source>%n footnote(s) in the right pane</source>
        <translation>
            <numerusform>%n footnote in the right pane</numerusform>
            <numerusform>%n footnotes in the right pane</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/notes_panel.py" line="51"/>
        <source>%n footnote(s)</source>
        <translation>
            <numerusform>%n footnote</numerusform>
            <numerusform>%n footnotes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReaderPane</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/reader_pane.py" line="702"/>
        <source>%n search match(es)</source>
        <translation>
            <numerusform>%n search match</numerusform>
            <numerusform>%n search matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search_panel.py" line="242"/>
        <source>%n letter(s) match</source>
        <translation>
            <numerusform>%n letter matches</numerusform>
            <numerusform>%n letters match</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SearchResultModel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/search_model.py" line="75"/>
        <source>%n match(es)</source>
        <translation>
            <numerusform>%n match</numerusform>
            <numerusform>%n matches</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TimelineWidget</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/timeline.py" line="260"/>
        <source>%n mention(s) of %1</source>
        <translation>
            <numerusform>%n mention of %1</numerusform>
            <numerusform>%n mentions of %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TreatyHistoryView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="360"/>
        <source>%1 (%n letter(s))</source>
        <translation>
            <numerusform>%1 (%n letter)</numerusform>
            <numerusform>%1 (%n letters)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="416"/>
        <source>%n letter(s) mention %1</source>
        <translation>
            <numerusform>%n letter mentions %1</numerusform>
            <numerusform>%n letters mention %1</numerusform>
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
            <numerusform>the first %n passage; more as you scroll</numerusform>
            <numerusform>the first %n passages; more as you scroll</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="586"/>
        <source>%n passage(s) written to %1</source>
        <translation>
            <numerusform>%n passage written to %1</numerusform>
            <numerusform>%n passages written to %1</numerusform>
        </translation>
    </message>
</context>
</TS>
