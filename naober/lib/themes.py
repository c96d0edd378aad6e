"""Themes found in the texts of stories (DESIGN.md §8, issue 6 §3).

Each story's text is cut into words, Dutch stop words are dropped (our own list, naober.lib.dutch_stopwords) and
the rest is stemmed with the Snowball Dutch stemmer. The stems are weighted by TF-IDF and a non-negative matrix
factorisation (NMF, scikit-learn) finds a few themes: groups of words that occur together. Each theme is shown with
its top words and the stories that load most on it.

The caller decides which texts go in (only stories the reader may see) and applies the anonymity floor:
find_themes() itself returns nothing below `minimum_texts` texts, and the caller may ask for more.

Pure Python plus scikit-learn: no Django, no naober apps.
"""

from __future__ import annotations

import functools
import math
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

import snowballstemmer  # type: ignore[import-untyped]

from naober.lib.dutch_stopwords import STOPWORDS

MINIMUM_LETTERS = 3
# About this many texts per theme: fewer would give themes carried by one or two stories.
TEXTS_PER_THEME = 10
# A theme needs at least two words that occur together; a vocabulary smaller than this finds nothing.
MINIMUM_VOCABULARY = 2
NMF_MAX_ITER = 1000

# Letters of any script (so é, ë, ï, ö stay inside a word), joined by apostrophes as in "z'n" or "auto's".
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'", "\u00b4": "'"})

_stemmer = snowballstemmer.stemmer("dutch")
# A Snowball stemmer keeps state while it stems a word, so threads take turns.
_stemmer_lock = threading.Lock()


@functools.lru_cache(maxsize=65536)
def _stem(word: str) -> str:
    with _stemmer_lock:
        return str(_stemmer.stemWord(word))


def _words(text: str) -> list[str]:
    """The lowercase words of a text that may carry a theme, unstemmed."""
    text = unicodedata.normalize("NFC", text).translate(_APOSTROPHES).lower()
    words: list[str] = []
    for match in _WORD.finditer(text):
        word = match.group()
        if word in STOPWORDS:  # also "z'n", "m'n", "zo'n", "d'r"
            continue
        if word.endswith("'s"):  # the plural "auto's", "collega's": the word is "auto", "collega"
            word = word[:-2]
        word = word.replace("'", "")
        if len(word) < MINIMUM_LETTERS or word in STOPWORDS:
            continue
        words.append(word)
    return words


def tokens(text: str) -> list[str]:
    """The stems of a text's words, in order: lowercase, stop words and words under three letters dropped."""
    return [_stem(word) for word in _words(text)]


@dataclass(frozen=True)
class Theme:
    """One theme: its top words (a readable form of each stem, best first), the share of the texts' TF-IDF
    weight it explains (the weights of all themes add up to 1) and the indices of the texts that load most on
    it (best first)."""

    words: tuple[str, ...]
    weight: float
    examples: tuple[int, ...]


def theme_count(texts: int, vocabulary: int, *, max_themes: int, words_per_theme: int) -> int:
    """How many themes to look for: about one per ten texts and one per `words_per_theme` words of the shared
    vocabulary, at most `max_themes`, at least one."""
    return max(1, min(max_themes, texts // TEXTS_PER_THEME, vocabulary // words_per_theme))


def find_themes(
    texts: Sequence[str],
    *,
    max_themes: int = 5,
    words_per_theme: int = 6,
    examples_per_theme: int = 3,
    minimum_texts: int = 10,
    seed: int = 0,
) -> list[Theme]:
    """The themes of `texts`, heaviest first; an empty list below `minimum_texts` texts or when the texts share
    too few words. The same texts and seed give the same themes. Example indices point into `texts`."""
    if max_themes < 1 or words_per_theme < 1 or examples_per_theme < 0 or minimum_texts < 1:
        raise ValueError("max_themes, words_per_theme and minimum_texts must be positive, examples_per_theme >= 0")
    if len(texts) < minimum_texts:
        return []
    # Imported here: scikit-learn takes seconds to import, which no web worker should pay before it is needed.
    import numpy as np
    from sklearn.decomposition import NMF  # type: ignore[import-untyped]
    from sklearn.feature_extraction.text import TfidfVectorizer  # type: ignore[import-untyped]

    words = [_words(text) for text in texts]
    forms: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for text_words in words:
        for word in text_words:
            forms[_stem(word)][word] += 1
    stems = [[_stem(word) for word in text_words] for text_words in words]

    # The analysis is tokens() (done once above, so that the readable forms come from the same pass).
    vectorizer = TfidfVectorizer(analyzer=_as_given, min_df=2)
    try:
        matrix = vectorizer.fit_transform(stems)
    except ValueError:  # no word occurs in two texts
        return []
    vocabulary: list[str] = [str(stem) for stem in vectorizer.get_feature_names_out()]
    if len(vocabulary) < MINIMUM_VOCABULARY:
        return []

    count = theme_count(len(texts), len(vocabulary), max_themes=max_themes, words_per_theme=words_per_theme)
    # The multiplicative-update solver: the default coordinate descent often fails to reach its tolerance (and
    # warns) with one or two themes, where the SVD start is already nearly optimal.
    model = NMF(n_components=count, init="nndsvda", solver="mu", random_state=seed, max_iter=NMF_MAX_ITER)
    loadings = np.asarray(model.fit_transform(matrix), dtype=float)  # texts x themes
    components = np.asarray(model.components_, dtype=float)  # themes x stems

    # Scale each theme's word weights to sum 1 and its text loadings the other way, so that the loadings of
    # different themes are in the same unit and their sums are the themes' shares of the whole.
    sizes = components.sum(axis=1)
    mass = loadings * sizes
    total = float(mass.sum())
    if total <= 0 or not math.isfinite(total):
        return []

    themes: list[Theme] = []
    for theme in range(count):
        weight = float(mass[:, theme].sum()) / total
        if weight <= 0 or sizes[theme] <= 0:
            continue
        word_order = sorted(
            (index for index in range(len(vocabulary)) if components[theme, index] > 0),
            key=lambda index: (-components[theme, index], vocabulary[index]),
        )[:words_per_theme]
        text_order = sorted(
            (index for index in range(len(texts)) if mass[index, theme] > 0),
            key=lambda index: (-mass[index, theme], index),
        )[:examples_per_theme]
        themes.append(
            Theme(
                words=tuple(_readable(forms[vocabulary[index]]) for index in word_order),
                weight=weight,
                examples=tuple(text_order),
            )
        )
    themes.sort(key=lambda theme: (-theme.weight, theme.words))
    return themes


def _as_given(stems: list[str]) -> list[str]:
    return stems


def _readable(forms: Counter[str]) -> str:
    """The form of a stem to show: the most frequent one, then the shortest, then the first alphabetically."""
    return min(forms, key=lambda form: (-forms[form], len(form), form))
