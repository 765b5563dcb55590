"""Treaty-shaped names the gazetteer lacks: mentions of the treaty ``other``, with a name.

The shapes (issue 18): "Verdrag van <plaats>", "Verdrag inzake …", "Verdrag tot …" and the
other prepositions of official Dutch titles, "… Treaty", "… Convention", "Convention on …",
and a compound "…verdrag" whose first part is a proper name or an acronym
("Euratom-verdrag", "het Svalbardverdrag"). Generic words ("wapenbeheersingsverdrag",
"verdragspartijen", "een verdrag", "een verdrag inzake een verbod") stay out: a lower-case
"verdrag inzake …" is a name only after "het", and a compound only when its first part is
capitalised where no sentence starts.
"""

from __future__ import annotations

import bisect
import re

from desktop.core.model.letter import Mention

OTHER = "other"

_PREPOSITIONS = "inzake|betreffende|tot|tegen|ter|over|van"
# Each shape is found by a literal (a fast search on a 5 MB letter), then checked around it.
_DUTCH_HEADS = [re.compile(rf"{tail}\s+({_PREPOSITIONS})\s+") for tail in ("erdrag", "onventie")]
_HEAD_START = re.compile(r"(?<![\w-])(?:[A-Z]{2,}-)?[VvCc]$")
_ENGLISH_HEADS_RE = [re.compile(rf"{head}\b") for head in ("Treaty", "Convention")]
_COMPOUND_TAIL = re.compile(r"verdrag(?![\w-])")
_COMPOUND_WORD = re.compile(r"(?<![\w-])((?:[A-Z]{2,}-)?[A-Z]\w*?)(-?)$")
_WORD = re.compile(r"[^\s,;:()«»\"“”?!]+")
_CLAUSE_END = re.compile(r"[,;:()«»\"“”?!\n]|\.(?:\s|$)")

# A title goes on until a verb, a conjunction or a clause begins.
_STOP = frozenset(
    "dat die dit deze waarin waarmee waarvan waarbij wat is zijn was waren wordt worden werd "
    "werden heeft hebben had hadden kan kunnen zal zullen zou zouden moet moeten mag mogen als "
    "om omdat maar of dan nog ook niet al door bij uit naar na sinds vanaf sedert onder waar "
    "wanneer toen hetgeen zich er wel geen reeds inmiddels nu hier daar ondertekend "
    "geratificeerd gesloten aangenomen opgezegd opgeschort ingetrokken bekrachtigd "
    "goedgekeurd geldt gelden blijft blijven treedt trad traden bepaalt bepalen verbiedt "
    "verbieden verplicht regelt regelen stelt biedt valt vallen gaat gaan komt komen staat "
    "staan ligt vormt vormen legt maakt maken luidt voorziet beoogt bevat omvat verwijst noemt "
    "kent geeft wil willen bleek lijkt vereist garandeert waarborgt erkent".split()
)
_TRAILING = frozenset(
    "de het van en in op tot voor der den een met te aan over inzake betreffende tegen ter "
    "of on the and for to against in their its".split()
)
_AFTER_EN_STOPS = frozenset("het een dat die er is zijn wordt".split())
_ENGLISH_LINKS = frozenset("of on the and for to against in relating concerning between".split())
_ENGLISH_OPENERS = frozenset("of on for to against relating concerning between".split())
_ENGLISH_HEADS = frozenset(("Treaty", "Convention"))
_ENGLISH_NOT_NAMES = frozenset("The This That A An De Het Een Dit Dat".split())
# "… Treaty Organization", "United Nations Treaty Series": an organisation, a publication.
_ENGLISH_AFTER_NOT = re.compile(
    r"\s+(?:Organi[sz]ation|Secretariat|Conference|Series|Collection|Section|Office|Bod(?:y|ies)"
    r"|Cent(?:re|er)|Implementation|Negotiations?|Talks)\b"
)
_INDEFINITE = frozenset("een zo'n dergelijk dergelijke nieuw nieuwe ander andere".split())
# First parts of compounds that make a generic word, not a name (compared in lower case,
# without a linking s).
_GENERIC_PARTS = frozenset(
    "wapenbeheersing wapenbeheersings handel handels vrijhandel vrijhandels belasting "
    "investering investerings uitlevering uitleverings samenwerking samenwerkings vrede vredes "
    "grens kader raam associatie partnerschap luchtvaart zekerheid rechtshulp ontwapening "
    "ontwapenings kernwapen kernwapens wapen wapens verbod verbods vn eu bilateraal multilateraal "
    "internationaal basis hoofd wijziging wijzigings toetreding toetredings vestiging "
    "vestigings zetel zetels".split()
)


def find_unknown(text: str, taken: list[tuple[int, int]]) -> list[Mention]:
    """Treaty-shaped names in *text* outside the spans in *taken* (the gazetteer's mentions)."""
    starts = sorted(taken)
    found: list[tuple[int, int]] = []
    for finder in (_dutch_titles, _english_titles, _compounds):
        for start, end in finder(text, starts):
            if not _overlaps(starts, start, end) and not _overlaps(found, start, end):
                bisect.insort(found, (start, end))
    return [
        Mention(OTHER, "explicit", s, e, text[s:e], normalised_name(text[s:e])) for s, e in found
    ]


def normalised_name(surface: str) -> str:
    """One spelling per name: single spaces, a capital first letter."""
    name = re.sub(r"\s+", " ", surface).strip()
    return name[:1].upper() + name[1:]


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    i = bisect.bisect_left(spans, (end, end))
    return i > 0 and spans[i - 1][1] > start


def _words_before(text: str, pos: int, count: int) -> list[str]:
    return text[max(0, pos - 40) : pos].split()[-count:]


def _dutch_titles(text: str, taken: list[tuple[int, int]]):
    for pattern in _DUTCH_HEADS:
        for m in pattern.finditer(text):
            head = _HEAD_START.search(text, max(0, m.start() - 12), m.start())
            if head is None or _overlaps(taken, m.start(), m.start() + 1):
                continue
            before = [w.lower() for w in _words_before(text, head.start(), 2)]
            if any(w in _INDEFINITE for w in before):
                continue
            capital = text[m.start() - 1].isupper()
            if not capital and (not before or before[-1] not in ("het", "de")):
                continue
            end = _title_end(text, m.end(), m.group(1), capital)
            if end is not None:
                yield head.start(), end


def _title_end(text: str, pos: int, preposition: str, capital: bool) -> int | None:
    """Where a title that continues at *pos* ends; None if nothing name-like follows."""
    stop = _CLAUSE_END.search(text, pos, pos + 300)
    limit = stop.start() if stop else min(len(text), pos + 300)
    words = list(_WORD.finditer(text, pos, limit))
    taken: list[re.Match[str]] = []
    proper = preposition == "van"
    after_capital = False
    for i, w in enumerate(words[:16]):
        word = w.group()
        if proper:
            if _is_proper(word):
                taken.append(w)
                continue
            if word in ("de", "het", "den", "der", "van") and i + 1 < len(words):
                if _is_proper(words[i + 1].group()) and (capital or word == "van"):
                    taken.append(w)
                    continue
            if not taken or word not in ("inzake", "betreffende", "tot", "tegen"):
                break
            proper = False
        if word.lower() in _STOP or word[0].isdigit():
            break
        if word == "en" and i + 1 < len(words):
            nxt = words[i + 1].group()
            if nxt in _AFTER_EN_STOPS or nxt in ("Verdrag", "Conventie"):
                break
        # "… voor Kolen en Staal liep af": after a capitalised word only a function word
        # continues a title.
        if after_capital and word.islower() and word not in _TRAILING:
            break
        after_capital = word[0].isupper() or (after_capital and word in _TRAILING)
        taken.append(w)
    while taken and taken[-1].group().lower() in _TRAILING:
        taken.pop()
    return taken[-1].end() if taken else None


def _is_proper(word: str) -> bool:
    """A place or an organisation: a capital, then lower case somewhere (not "VS", "EU")."""
    return word[0].isupper() and any(c.islower() for c in word)


def _english_titles(text: str, taken: list[tuple[int, int]]):
    for m in (m for pattern in _ENGLISH_HEADS_RE for m in pattern.finditer(text)):
        if m.start() and (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_"):
            continue
        if _overlaps(taken, m.start(), m.end()) or _ENGLISH_AFTER_NOT.match(text, m.end()):
            continue
        start = _english_start(text, m.start())
        end = _english_end(text, m.end())
        if start < m.start() or end > m.end():
            yield start, end


def _english_start(text: str, pos: int) -> int:
    """The first capitalised word of the name that ends at *pos* ("Antarctic Treaty")."""
    start = pos
    words = list(re.finditer(r"\S+", text[max(0, pos - 120) : pos]))
    offset = max(0, pos - 120)
    pending = start
    for w in reversed(words):
        word = w.group()
        if word[-1] in ',;:.()«»"“”?!' or word in _ENGLISH_NOT_NAMES or word in _ENGLISH_HEADS:
            break
        if word in _ENGLISH_LINKS:
            pending = min(pending, offset + w.start())
            continue
        if not word[0].isupper():
            break
        start = pending = offset + w.start()
    return start


def _english_end(text: str, pos: int) -> int:
    """The end of "Convention on the Rights of …" after the head word at *pos*."""
    stop = _CLAUSE_END.search(text, pos, pos + 200)
    limit = stop.start() if stop else min(len(text), pos + 200)
    end = pos
    opened = False
    previous = ""
    for w in _WORD.finditer(text, pos, limit):
        word = w.group()
        if not opened and word not in _ENGLISH_OPENERS:
            break
        if previous in ("and", "or") and word in ("the", "a", "an"):
            break  # "… of the United Nations and the Agreement on …": a second title
        opened, previous = True, word
        if word in _ENGLISH_LINKS:
            continue
        if not word[0].isupper() or word in _ENGLISH_HEADS:
            break
        end = w.end()
    return end


def _compounds(text: str, taken: list[tuple[int, int]]):
    for tail in _COMPOUND_TAIL.finditer(text):
        if _overlaps(taken, tail.start(), tail.end()):
            continue
        m = _COMPOUND_WORD.search(text, max(0, tail.start() - 40), tail.start())
        if m is None:
            continue
        first, hyphen = m.group(1).rsplit("-", 1)[-1], m.group(2)
        if first.lower().rstrip("s") in _GENERIC_PARTS or first.lower() in _GENERIC_PARTS:
            continue
        acronym = sum(c.isupper() for c in first) >= 2
        if not (acronym or hyphen or not _sentence_start(text, m.start())):
            continue
        if acronym and not hyphen:
            continue
        yield m.start(), tail.end()


def _sentence_start(text: str, pos: int) -> bool:
    before = text[max(0, pos - 3) : pos].rstrip()
    return not before or before[-1] in '.?!:\n(«"“'
