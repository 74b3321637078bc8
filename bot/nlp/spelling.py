"""Chat spellings and typing slips, read as the words the lexicon knows.

People type "wen", "yday" and "yrs" for when, yesterday and years, and slip a
letter in the very words that matter ("numbess", "bladdar"). Writing every
such form into every term would never end, so the lemmatizer reads each token
through a :class:`Speller` first:

1. the lexicon's ``spellings`` table (chat forms: ``wen: when``);
2. a word that is neither English (the lemma table's words) nor the
   lexicon's own is read as the one lexicon word one typing slip away (a
   letter added, dropped, changed or two swapped), when exactly one is, and
   both start with the same letter. Short words are left alone: at four
   letters or fewer, one slip reaches too many words. Of two such words,
   the one with a letter changed is taken, if it is the only one.

Between the two, a dropped g ("leakin", "shootin") is put back when the -ing
word is English or the lexicon's and the typed form is neither.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Container, Iterable, Mapping

#: Shorter words are never corrected.
MIN_CORRECTED_LENGTH = 5


def _deletions(word: str) -> set[str]:
    """The word with each one letter left out, and the word itself."""
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _one_slip_apart(typed: str, word: str) -> bool:
    """Whether ``word`` is ``typed`` with one letter added, dropped, changed,
    or two neighbours swapped (Damerau's single edit)."""
    if typed == word:
        return False
    if len(typed) == len(word):
        diffs = [i for i, (a, b) in enumerate(zip(typed, word, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        return (
            len(diffs) == 2
            and diffs[1] == diffs[0] + 1
            and typed[diffs[0]] == word[diffs[1]]
            and typed[diffs[1]] == word[diffs[0]]
        )
    shorter, longer = sorted((typed, word), key=len)
    if len(longer) - len(shorter) != 1:
        return False
    return any(longer[:i] + longer[i + 1 :] == shorter for i in range(len(longer)))


class Speller:
    """Reads a lower-case token norm as the word it stands for."""

    def __init__(
        self,
        spellings: Mapping[str, str],
        lexicon_words: Iterable[str],
        english_words: Container[str],
    ) -> None:
        """Index the lexicon's words for one-slip lookups.

        Args:
            spellings: Chat forms and the words they stand for.
            lexicon_words: The words the lexicon's terms are written in.
            english_words: Words never corrected (known English).
        """
        self.spellings = dict(spellings)
        self.lexicon_words = frozenset(
            w for w in lexicon_words if len(w) >= MIN_CORRECTED_LENGTH - 1
        )
        self.english_words = english_words
        self._by_deletion: dict[str, set[str]] = defaultdict(set)
        for word in self.lexicon_words:
            for key in _deletions(word):
                self._by_deletion[key].add(word)

    def read(self, norm: str) -> str:
        """The word ``norm`` stands for (``norm`` itself when unsure)."""
        if norm in self.spellings:
            return self.spellings[norm]
        dropped_g = self._dropped_g(norm)
        if dropped_g:
            return dropped_g
        if (
            len(norm) < MIN_CORRECTED_LENGTH
            or not norm.isalpha()
            or norm in self.english_words
            or norm in self.lexicon_words
        ):
            return norm
        candidates = {
            word
            for key in _deletions(norm)
            for word in self._by_deletion.get(key, ())
            if word[0] == norm[0] and _one_slip_apart(norm, word)
        }
        if len(candidates) > 1:
            # "bladdar": "bladder" (a letter changed) before "bladda" (one
            # dropped), as a changed letter is the commoner slip
            candidates = {w for w in candidates if len(w) == len(norm)}
        return candidates.pop() if len(candidates) == 1 else norm

    def _dropped_g(self, norm: str) -> str | None:
        """The -ing word a g-dropped form stands for ("leakin", "fallin"), as
        chat and many accents write it, when that word is English or the
        lexicon's and the typed form is neither."""
        if not (norm.endswith("in") and len(norm) >= 4 and norm.isalpha()):
            return None
        if norm in self.english_words or norm in self.lexicon_words:
            return None
        full = norm + "g"
        known = full in self.english_words or full in self.lexicon_words
        return full if known else None
