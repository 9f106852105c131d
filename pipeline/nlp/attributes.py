"""A faster drop-in for the French model's attribute ruler: the same token attributes, one array write.

`fr_core_news_md`'s `attribute_ruler` copies each token's POS into its TAG with twenty one-token
rules (`{"POS": "ADJ"}` → `{"TAG": "ADJ"}`, …) and fixes whitespace tokens with three more. spaCy
runs them as Matcher patterns and applies each match through a `Span` and a Python call: one match
per token, about 4 % of the model's time on the benchmark corpus. This component applies the
POS → TAG rules as one array write and leaves the other rules to a Matcher holding only them.
It is used only when every POS → TAG rule comes before the others (spaCy applies later rules last);
any other rule set keeps spaCy's own code path.
"""

from __future__ import annotations

from typing import cast

import numpy
from spacy.attrs import POS, TAG
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc
from thinc.types import Ints2d

_Plan = tuple[dict[int, str], Matcher | None]


class ArrayAttributeRuler(AttributeRuler):
    """`AttributeRuler` applying its one-token POS → TAG rules in one array write."""

    _plan: _Plan | None = None
    _planned_for: int = -1

    def __call__(self, doc: Doc) -> Doc:
        plan = self._array_plan()
        if plan is None:
            return super().__call__(doc)
        tag_of_pos, rest = plan
        if len(doc):
            pos = doc.to_array([POS]).reshape(-1)
            tags = doc.to_array([TAG]).reshape(-1)
            for pos_id, tag in tag_of_pos.items():
                tags[pos == pos_id] = doc.vocab.strings.add(tag)
            doc.from_array([TAG], cast(Ints2d, tags.reshape(-1, 1)))
        if rest is not None:
            # the other rules, in spaCy's order (by rule number), on the state before any rule ran:
            # no POS → TAG rule changes what they test (POS, whitespace, DEP)
            matches = sorted((int(self.vocab.strings[m]), m, s, e) for m, s, e in rest(doc, allow_missing=True))
            self.set_annotations(doc, matches)
        return doc

    def _array_plan(self) -> _Plan | None:
        """The POS → TAG table and a Matcher of the other rules, or None when the rules do not
        have that shape (then spaCy's own code runs). Rebuilt when rules are added."""
        if self._planned_for != len(self.attrs):
            self._plan, self._planned_for = _plan_of(self), len(self.attrs)
        return self._plan


def _plan_of(ruler: AttributeRuler) -> _Plan | None:
    tag_of_pos: dict[int, str] = {}
    rest = Matcher(ruler.vocab, validate=False)
    simple_done = False
    for rule, attrs in enumerate(ruler._attrs_unnormed):
        patterns = ruler.matcher.get(ruler.vocab.strings[str(rule)])[1]
        pos = _pos_to_tag(patterns, attrs, ruler.indices[rule])
        if pos is not None and not simple_done:
            if pos[0] in tag_of_pos:
                return None  # two rules for one POS: the order between them would matter
            tag_of_pos[pos[0]] = pos[1]
            continue
        if pos is not None:
            return None  # a POS → TAG rule after another kind of rule: spaCy's order matters
        if any("TAG" in token for pattern in patterns for token in pattern):
            return None  # it would see the TAGs the POS → TAG rules have just written
        simple_done = True
        rest.add(str(rule), patterns)
    return tag_of_pos, (rest if len(rest) else None)


def _pos_to_tag(patterns: list, attrs: dict, index: int) -> tuple[int, str] | None:
    """(POS id, TAG) when the rule is exactly `[[{"POS": X}]]` → `{"TAG": Y}` at index 0."""
    if index not in (0, -1) or len(patterns) != 1 or len(patterns[0]) != 1 or set(attrs) != {"TAG"}:
        return None
    token = patterns[0][0]
    if set(token) != {"POS"} or not isinstance(token["POS"], str) or token["POS"] not in POS_IDS:
        return None
    return POS_IDS[token["POS"]], str(attrs["TAG"])


@Language.factory(
    "array_attribute_ruler",
    assigns=["token.tag", "token.pos", "token.morph", "token.dep"],
    default_config={"validate": False, "scorer": {"@scorers": "spacy.attribute_ruler_scorer.v1"}},
)
def make_array_attribute_ruler(nlp: Language, name: str, validate: bool, scorer: object) -> ArrayAttributeRuler:
    """The factory `get_nlp` swaps in for the model's `attribute_ruler` (it then takes its rules)."""
    return ArrayAttributeRuler(nlp.vocab, name, validate=validate, scorer=scorer)  # type: ignore[arg-type]


def use_array_attribute_ruler(nlp: Language) -> None:
    """Replace the model's attribute ruler by `ArrayAttributeRuler` with the same rules."""
    if "attribute_ruler" not in nlp.pipe_names or type(nlp.get_pipe("attribute_ruler")) is not AttributeRuler:
        return
    old = cast(AttributeRuler, nlp.get_pipe("attribute_ruler"))
    patterns = old.patterns
    new = cast(ArrayAttributeRuler, nlp.replace_pipe("attribute_ruler", "array_attribute_ruler"))
    new.add_patterns(patterns)
