"""Tokenise a message without its quotation marks and runs of spaces.

People quote what they were told or what someone else said ("he's going to
'end it tonight'", "his 'bits' feel numb (his words)", a note saying saddle
sensation is "a bit odd"), and type double spaces. Either puts a token
between two words, so no lexicon term read across them. The doc the
pipeline reads leaves those tokens out; each token remembers where it
started in the message, so entity offsets still refer to the message.

An apostrophe inside a word ("don't", "sh'ing") is not a quotation mark and
stays; so does a line break, which ends a list item as a full stop would.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

#: Where ``doc.user_data`` keeps each token's start in the original message.
OFFSETS_KEY = "backchat_offsets"

#: Straight, curly and angle quotation marks, the backtick and the acute accent.
QUOTE_MARKS = frozenset("'\"`\u00b4\u2018\u2019\u201c\u201d\u00ab\u00bb\u2039\u203a")


def _is_quote(doc: Doc, i: int) -> bool:
    """A token of quotation marks at a word's edge, not an apostrophe inside a
    word ("sh'ing" stays three tokens, as the lexicon reads it)."""
    token = doc[i]
    if not token.text or any(char not in QUOTE_MARKS for char in token.text):
        return False
    opens = i == 0 or bool(doc[i - 1].whitespace_) or doc[i - 1].is_punct
    closes = (
        bool(token.whitespace_)
        or i + 1 == len(doc)
        or doc[i + 1].is_punct
        or doc[i + 1].is_space
    )
    return opens or closes


def _is_blank(token_text: str) -> bool:
    """Spaces or tabs only; a line break is kept (it ends a list item)."""
    return not token_text.strip() and "\n" not in token_text


def make_plain_doc(nlp: Language, text: str) -> Doc:
    """Tokenise ``text`` with ``nlp``'s tokenizer, leaving out quotation marks
    and extra spaces between words.

    Args:
        nlp: The pipeline whose tokenizer (and special cases) to use.
        text: The message, already cleaned.

    Returns:
        A doc not yet run through the pipeline; ``doc.user_data[OFFSETS_KEY]``
        holds each token's start in ``text`` when tokens were left out.
    """
    doc = nlp.make_doc(text)
    dropped = [_is_blank(t.text) or _is_quote(doc, t.i) for t in doc]
    if not any(dropped):
        return doc
    kept: list[int] = []
    spaces: list[bool] = []
    for token, drop in zip(doc, dropped, strict=True):
        if drop:
            if spaces:  # the word before it is now followed by a space
                spaces[-1] = True
            continue
        kept.append(token.i)
        spaces.append(bool(token.whitespace_))
    if not kept:
        return doc
    plain = Doc(nlp.vocab, words=[doc[i].text for i in kept], spaces=spaces)
    for new, old in zip(plain, kept, strict=True):
        new.norm_ = doc[old].norm_  # two-word spellings set their norms
    plain.user_data.update(doc.user_data)
    plain.user_data[OFFSETS_KEY] = [doc[i].idx for i in kept]
    return plain


def original_offsets(doc: Doc, span: Span) -> tuple[int, int]:
    """Where ``span`` starts and ends in the message the doc was made from."""
    offsets = doc.user_data.get(OFFSETS_KEY)
    if offsets is None:
        return span.start_char, span.end_char
    last = doc[span.end - 1]
    return offsets[span.start], offsets[last.i] + len(last.text)


def original_start(doc: Doc, token_index: int) -> int:
    """Where token ``token_index`` starts in the message."""
    offsets = doc.user_data.get(OFFSETS_KEY)
    return doc[token_index].idx if offsets is None else offsets[token_index]
