"""The article date's precision reaches the date resolver: a month-only date never yields a made-up day."""

import datetime as dt

import pytest

from pipeline.extract.funding import extract_funding


@pytest.mark.parametrize(
    ("precision", "expected"),
    [
        ("day", "2023-11-30"),  # the article is dated 1 December: "hier" is 30 November
        ("month", "2023-12"),  # only "December 2023" is known: "hier" is somewhere in December
    ],
)
def test_relative_deal_date_is_cut_to_the_article_date_precision(make_doc, precision, expected):
    doc = make_doc(
        "La start-up Zorbix a levé hier 5 millions d'euros auprès de Kernel Capital.",
        published=dt.date(2023, 12, 1),
    )
    doc._.published_precision = precision
    (event,) = list(extract_funding(doc))
    assert event.date == expected
