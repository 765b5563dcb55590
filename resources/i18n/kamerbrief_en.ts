<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>FailuresDialog</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/dialogs.py" line="40"/>
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
    <name>LibraryPanel</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="281"/>
        <source>%n letter(s)</source>
        <translation>
            <numerusform>%n letter</numerusform>
            <numerusform>%n letters</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/library_panel.py" line="283"/>
        <source>%1 of %n letter(s)</source>
        <translation>
            <numerusform>%1 of %n letter</numerusform>
            <numerusform>%1 of %n letters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="725"/>
        <source>%n letter(s)/s</source>
        <translation>
            <numerusform>%n letter/s</numerusform>
            <numerusform>%n letters/s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="731"/>
        <source>about %n min left</source>
        <translation>
            <numerusform>about %n min left</numerusform>
            <numerusform>about %n min left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="732"/>
        <source>about %n s left</source>
        <translation>
            <numerusform>about %n s left</numerusform>
            <numerusform>about %n s left</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="731"/>
        <source>%n letter(s) added</source>
        <translation>
            <numerusform>%n letter added</numerusform>
            <numerusform>%n letters added</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="733"/>
        <source>%n letter(s) updated</source>
        <translation>
            <numerusform>%n letter updated</numerusform>
            <numerusform>%n letters updated</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="735"/>
        <source>%n letter(s) removed</source>
        <translation>
            <numerusform>%n letter removed</numerusform>
            <numerusform>%n letters removed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="737"/>
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/main_window.py" line="741"/>
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
        <location filename="../../desktop/ui/reader_pane.py" line="666"/>
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
        <location filename="../../desktop/ui/search_panel.py" line="236"/>
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
        <location filename="../../desktop/ui/search_model.py" line="71"/>
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
        <location filename="../../desktop/ui/timeline.py" line="259"/>
        <source>%n mention(s) of %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TreatyHistoryView</name>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="353"/>
        <source>%1 (%n letter(s))</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="409"/>
        <source>%n letter(s) mention %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="414"/>
        <source>%n passage(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="416"/>
        <source>the first %n passage(s); more as you scroll</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../desktop/ui/treaty_history.py" line="577"/>
        <source>%n passage(s) written to %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
</TS>
