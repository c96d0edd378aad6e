from decimal import Decimal

import pytest

from naober.lib.numbers import parse_decimal


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1.234,5", "1234.5"),
        ("1.234.567,89", "1234567.89"),
        ("150.000", "150000"),
        ("71,5", "71.5"),
        ("71.5", "71.5"),  # a lone dot that cannot group thousands is a decimal point
        ("€ 1.250,00", "1250.00"),
        ("-3,25", "-3.25"),
        ("42", "42"),
    ],
)
def test_dutch_numbers(text: str, expected: str) -> None:
    assert parse_decimal(text, decimal_comma=True) == Decimal(expected)


@pytest.mark.parametrize(("text", "expected"), [("1,234.5", "1234.5"), ("150,000", "150000"), ("71.5", "71.5")])
def test_english_numbers(text: str, expected: str) -> None:
    assert parse_decimal(text, decimal_comma=False) == Decimal(expected)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3,4", "NaN", "Infinity", "1.2.3"])
def test_not_a_number_names_the_text(text: str) -> None:
    with pytest.raises(ValueError, match="not a number"):
        parse_decimal(text, decimal_comma=True)
