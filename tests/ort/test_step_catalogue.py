"""The step catalogue lists every step phrase readably and the glossary shows it."""

from ort.step_catalogue import GLOSSARY, as_text, catalogue, glossary_with_steps, readable


def test_regex_groups_read_as_named_parameters_with_their_values() -> None:
    """A named alternation becomes <name> with its values listed."""
    phrase, parameters = readable("^the incident is (?:still )?(?P<state>New|Closed)$", True)
    assert phrase == "the incident is [still] <state>"
    assert parameters == (("state", "New | Closed"),)


def test_parse_fields_read_as_parameters_with_help() -> None:
    """A parse field becomes <name> with a description test managers understand."""
    phrase, parameters = readable('{party} has raised an incident "{summary}"', False)
    assert phrase == '<party> has raised an incident "<summary>"'
    assert parameters[0][1].startswith("a party's name")


def test_every_step_is_catalogued_with_its_concept() -> None:
    """Each step module contributes its phrases under its docstring's first line."""
    entries = catalogue()
    assert len(entries) >= 40
    assert all(e.concept and e.phrase and e.kind in ("given", "when", "then") for e in entries)
    assert any("SLA" in e.concept for e in entries)


def test_most_steps_have_an_example_from_the_features() -> None:
    """Examples are taken from real feature lines, with file and line."""
    entries = catalogue()
    with_example = [e for e in entries if e.example]
    assert len(with_example) >= len(entries) * 0.8
    assert all(".feature:" in e.example_where for e in with_example)


def test_the_glossary_shows_the_current_catalogue() -> None:
    """features/GLOSSARY.md is regenerated whenever a step changes (ort steps --update-glossary)."""
    text = GLOSSARY.read_text(encoding="utf-8")
    assert glossary_with_steps(text, catalogue()) == text


def test_terminal_catalogue_lists_parameters_and_examples() -> None:
    """The text form shows each phrase, its parameters and an example."""
    text = as_text(catalogue())
    assert "Given <party> has raised an incident" in text
    assert "<state>: New | In Progress | On Hold | Resolved | Closed | Canceled" in text
    assert "e.g. " in text
