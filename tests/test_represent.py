"""Title cleaning before representation: outlet tails go, real title parts stay."""

from __future__ import annotations

from storyweave.cluster.represent import clean_title


def test_outlet_after_a_stray_quote_is_removed() -> None:
    assert clean_title('A la mitad del camino " EntornoInteligente') == "A la mitad del camino"


def test_balanced_quotes_are_kept() -> None:
    title = 'Biles says "I am done" after final'
    assert clean_title(title) == title


def test_trailing_date_is_removed() -> None:
    assert clean_title("Brasil bate México no basquete - 03/07/2021") == "Brasil bate México no basquete"


def test_outlet_after_bar_is_removed_and_long_second_half_kept() -> None:
    assert (
        clean_title("Five new sports for Tokyo 2020 Olympics | The Nation")
        == "Five new sports for Tokyo 2020 Olympics"
    )
    title = "Skateboard aux Jeux olympiques : la discipline divise les Japonais"
    assert clean_title(title) == title
