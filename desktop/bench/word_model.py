"""Words for the realistic corpus: a ranked Dutch vocabulary drawn with Zipf–Mandelbrot weights.

A real library's vocabulary is a few hundred function words that make up half of all text and a
long tail of words most letters never use; a word a reader searches for is in some letters, not
all. The ranking, from common to rare:
- Dutch function words (Whoosh's Dutch stop list), most frequent in the bundled letters first;
- the bundled letters' other words, in their order of frequency, from rank ``_TOPIC_FROM`` on
  and one in every ``_STRIDE`` ranks: they are arms-control words ("verdrag", "kernwapens"),
  which a general library uses now and then, and the letters about arms control (corpus.py)
  use often;
- the rare words before, between and after them: a Debian Dutch word list (``/usr/share/dict/dutch``,
  package ``wdutch``) when the machine has one, otherwise compounds of the bundled letters' words
  (Dutch writes compounds as one word). Either way in a fixed shuffled order.

A word's weight is (rank + 2.7) ** -1.15: Zipf's law with Mandelbrot's offset. With that
exponent the hundred most common words make half of the text and a 700-word letter has about
440 distinct words, as running Dutch prose does. Only what the package ships (and the Debian list,
when present) is read: never ../shared.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path

from whoosh.lang import stopwords_for_language

from desktop.resources import bundled_letters

DEBIAN_WORDS = Path("/usr/share/dict/dutch")
_TOPIC_FROM = 1_000  # rank of the bundled letters' most common content word
_STRIDE = 10  # ranks between two of the bundled letters' content words
_OFFSET = 2.7  # Mandelbrot's rank offset
_EXPONENT = 1.15  # the top 100 words make half the text, as in running Dutch
_COMPOUNDS = 60_000  # rare words made when no word list is installed
_WORD_RE = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@dataclass(frozen=True)
class WordModel:
    words: list[str]  # most common first
    cumulative: list[float]  # running sum of the Zipf–Mandelbrot weights
    source: str  # where the rare words came from

    def sample(self, rng: random.Random, count: int) -> list[str]:
        return rng.choices(self.words, cum_weights=self.cumulative, k=count)

    def sentence(self, rng: random.Random) -> str:
        """One sentence of 6–24 words, with a comma now and then."""
        words = self.sample(rng, rng.randint(6, 24))
        words[0] = words[0][:1].upper() + words[0][1:]
        for i in range(2, len(words) - 2):
            if rng.random() < 0.06:
                words[i] += ","
        return " ".join(words) + "."

    def heading(self, rng: random.Random) -> str:
        words = self.sample(rng, rng.randint(1, 4))
        return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


def load(seed: int = 20181127, word_list: Path = DEBIAN_WORDS) -> WordModel:
    """The model for this machine: the same seed and word list give the same model."""
    counts = _bundled_counts()
    stop = stopwords_for_language("nl")
    function = sorted(stop, key=lambda w: (-counts.get(w, 0), w))
    content = [w for w, _n in counts.most_common() if w.lower() not in stop]
    rng = random.Random(seed)
    if word_list.is_file():
        rare = _word_list(word_list, exclude={w.lower() for w in [*function, *content]})
        source = f"{word_list} ({len(rare):,} words)"
    else:
        rare = _compounds(content, rng)
        source = f"compounds of the bundled letters' words ({len(rare):,})"
    rng.shuffle(rare)
    general = _TOPIC_FROM - len(function)
    words = function + rare[:general] + _interleave(content, rare[general:], _STRIDE)
    weights = ((rank + 1 + _OFFSET) ** -_EXPONENT for rank in range(len(words)))
    return WordModel(words, list(accumulate(weights)), source)


def _bundled_counts() -> Counter[str]:
    """Words of the bundled letters, each in the form it is most often written in."""
    forms: Counter[str] = Counter()
    for path in bundled_letters():
        forms.update(_WORD_RE.findall(path.read_text(encoding="utf-8")))
    counts: Counter[str] = Counter()
    written: dict[str, str] = {}
    for form, n in forms.most_common():
        key = form.lower()
        written.setdefault(key, form)
        counts[written[key]] += n
    return counts


def _word_list(path: Path, exclude: set[str]) -> list[str]:
    words = path.read_text(encoding="utf-8", errors="replace").split()
    kept = {w for w in words if _WORD_RE.fullmatch(w) and w.lower() not in exclude}
    return sorted(kept)


def _compounds(content: list[str], rng: random.Random) -> list[str]:
    parts = [w.lower() for w in content if len(w) >= 4 and w.isalpha()]
    made = {rng.choice(parts) + rng.choice(parts) for _ in range(_COMPOUNDS)}
    return sorted(made)


def _interleave(common: Iterable[str], rare: list[str], stride: int) -> list[str]:
    """*common* one in every *stride* places, *rare* in between and after."""
    out: list[str] = []
    tail = iter(rare)
    for word in common:
        out.append(word)
        out.extend(w for _, w in zip(range(stride - 1), tail, strict=False))
    out.extend(tail)
    return out
