"""SLA configuration: the default file's targets, and the errors a wrong file gets."""

from pathlib import Path

import pytest

from simulators.sla import (
    DEFAULT_SLA_CONFIG,
    SlaConfig,
    SlaConfigError,
    TwentyFourSeven,
    UnknownCalendarError,
    load_sla_config,
    parse_sla_config,
)

CALENDAR = """
[calendars.england_wales]
subdivision = "ENG"
"""

P1 = """
[[definition]]
name = "P1 resolution"
table = "incident"
target = "resolution"
duration = "4h"
schedule = "24x7"
when = { priority = ["1"] }
start = { state = ["1", "2", "3"] }
stop = { state = ["6", "7"] }
"""

P2 = P1.replace("P1", "P2").replace('"1"]', '"2"]').replace('"4h"', '"8h"')
P3 = P1.replace("P1", "P3").replace('"1"]', '"3"]').replace('"4h"', '"30h"')


def _load(tmp_path: Path, text: str) -> SlaConfig:
    path = tmp_path / "sla.toml"
    path.write_text(text, encoding="utf-8")
    return load_sla_config(path)


@pytest.fixture(scope="module")
def defaults() -> SlaConfig:
    """The shipped default configuration."""
    return load_sla_config(DEFAULT_SLA_CONFIG)


class TestDefaultTargets:
    @pytest.mark.parametrize(
        ("fields", "response", "resolution"),
        [
            ({"priority": "1"}, "P1 response (15 m)", "P1 resolution (4 h)"),
            (
                {"priority": "1", "category": "dip_outage"},
                "P1 response (15 m)",
                "P1 resolution, DIP outage (6 h)",
            ),
            ({"priority": "2"}, "P2 response (30 m)", "P2 resolution (8 h)"),
            (
                {"priority": "2", "category": "dip_connectivity"},
                "P2 response (30 m)",
                "P2 resolution, DIP degradation (10 h)",
            ),
            ({"priority": "3"}, "P3 response (4 business h)", "P3 resolution (30 business h)"),
            ({"priority": "4"}, "P4 response (10 business h)", "P4 resolution (100 business h)"),
            ({"priority": "5"}, "P4 response (10 business h)", "P4 resolution (100 business h)"),
        ],
    )
    def test_each_priority_gets_its_targets(
        self, defaults: SlaConfig, fields: dict[str, str], response: str, resolution: str
    ) -> None:
        """Priority and DIP category select the definitions of DOMAIN.md section 5."""
        selected_response = defaults.select("incident", "response", fields)
        selected_resolution = defaults.select("incident", "resolution", fields)
        assert selected_response is not None and selected_response.name == response
        assert selected_resolution is not None and selected_resolution.name == resolution

    @pytest.mark.parametrize(
        ("priority", "category", "hours", "schedule"),
        [
            ("1", "", 4, "24x7"),
            ("1", "dip_outage", 6, "24x7"),
            ("2", "", 8, "24x7"),
            ("2", "dip_degradation", 10, "24x7"),
            ("2", "dip_message_processing", 10, "24x7"),
            ("3", "", 30, "business"),
            ("4", "", 100, "business"),
        ],
    )
    def test_resolution_durations_and_cover(
        self, defaults: SlaConfig, priority: str, category: str, hours: int, schedule: str
    ) -> None:
        """Resolution targets are 4/6, 8/10 h round the clock, then 30 and 100 business hours."""
        fields = {"priority": priority, "category": category}
        definition = defaults.select("incident", "resolution", fields)
        assert definition is not None
        assert (definition.duration, definition.schedule) == (hours * 3600, schedule)

    def test_both_calendars_are_declared(self, defaults: SlaConfig) -> None:
        """England & Wales and Scotland calendars open 08:00-18:00 London time."""
        assert sorted(defaults.calendars) == ["england_wales", "scotland"]
        assert defaults.calendar("scotland").timezone == "Europe/London"

    def test_incidents_have_response_and_resolution_targets(self, defaults: SlaConfig) -> None:
        """The incident table has both targets; other tables have none by default."""
        assert defaults.targets("incident") == ("response", "resolution")
        assert defaults.targets("problem") == ()

    def test_hold_pauses_resolution_for_every_hold_reason(self, defaults: SlaConfig) -> None:
        """On Hold pauses the resolution clock for all four hold reasons."""
        definition = defaults.select("incident", "resolution", {"priority": "3"})
        assert definition is not None and definition.pause is not None
        for reason in ("1", "3", "4", "5"):
            assert definition.pause.matches({"state": "3", "hold_reason": reason})
        assert not definition.pause.matches({"state": "2", "hold_reason": ""})

    def test_unknown_calendar_names_the_declared_ones(self, defaults: SlaConfig) -> None:
        """Asking for an undeclared calendar lists the ones there are."""
        with pytest.raises(
            UnknownCalendarError, match=r"no calendar named 'wales'; .*england_wales, scotland"
        ):
            defaults.calendar("wales")

    def test_a_named_calendar_schedule_overrides_the_business_one(self, tmp_path: Path) -> None:
        """A definition naming a calendar runs on it whatever the task's own calendar is."""
        config = _load(tmp_path, CALENDAR + P1.replace('"24x7"', '"england_wales"'))
        definition = config.definitions[0]
        schedule = config.schedule_for(definition, TwentyFourSeven())
        assert schedule is config.calendar("england_wales")


class TestConfigErrors:
    def test_bad_duration_names_file_definition_and_key(self, tmp_path: Path) -> None:
        """A duration in words is refused with the definition's number and name."""
        text = P1 + P3 + P2.replace('"8h"', '"8 hours"')
        with pytest.raises(
            SlaConfigError,
            match=r"sla\.toml: definition 3 'P2 resolution': duration '8 hours' is not a "
            r"duration like '15m', '4h' or '30h'",
        ):
            _load(tmp_path, text)

    def test_unknown_key_suggests_the_nearest(self, tmp_path: Path) -> None:
        """A misspelt key is refused with the key it was probably meant to be."""
        with pytest.raises(
            SlaConfigError,
            match=r"definition 1 'P1 resolution': unknown key 'durtion'; did you mean 'duration'\?",
        ):
            _load(tmp_path, P1.replace("duration =", "durtion ="))

    def test_misspelt_definition_table_is_refused(self, tmp_path: Path) -> None:
        """[[definitions]] instead of [[definition]] is caught, not silently ignored."""
        with pytest.raises(
            SlaConfigError, match=r"top level: unknown key 'definitions'; did you mean 'definition'"
        ):
            _load(tmp_path, P1.replace("[[definition]]", "[[definitions]]"))

    def test_missing_key_lists_the_required_ones(self, tmp_path: Path) -> None:
        """Every definition needs a stop condition."""
        with pytest.raises(
            SlaConfigError, match=r"definition 1 'P1 resolution': missing key 'stop' \(every"
        ):
            _load(tmp_path, P1.replace('stop = { state = ["6", "7"] }', ""))

    def test_definition_without_a_name_is_named_by_position(self, tmp_path: Path) -> None:
        """A nameless definition is pointed at by its number."""
        with pytest.raises(SlaConfigError, match=r"definition 1 \(no name\): missing key 'name'"):
            _load(tmp_path, P1.replace('name = "P1 resolution"', ""))

    def test_unknown_target_is_refused(self, tmp_path: Path) -> None:
        """Targets are response or resolution."""
        with pytest.raises(
            SlaConfigError, match=r"target 'fix' is not one of response, resolution"
        ):
            _load(tmp_path, P1.replace('"resolution"', '"fix"'))

    def test_unknown_schedule_lists_the_choices(self, tmp_path: Path) -> None:
        """A schedule must be 24x7, business or a declared calendar."""
        with pytest.raises(
            SlaConfigError,
            match=r"schedule 'wales' is not one of 24x7, business, england_wales",
        ):
            _load(tmp_path, CALENDAR + P1.replace('"24x7"', '"wales"'))

    def test_condition_values_must_be_strings(self, tmp_path: Path) -> None:
        """ServiceNow field values are strings, so priority = [1] is refused."""
        with pytest.raises(
            SlaConfigError,
            match=r"when\.priority value 1 must be a string such as \"1\" \(every ServiceNow",
        ):
            _load(tmp_path, P1.replace('priority = ["1"]', "priority = [1]"))

    def test_condition_must_be_a_table_of_lists(self, tmp_path: Path) -> None:
        """A condition field takes a list of allowed values, not a single value."""
        with pytest.raises(
            SlaConfigError, match=r"stop\.state '6' must be a non-empty list of values"
        ):
            _load(tmp_path, P1.replace('stop = { state = ["6", "7"] }', 'stop = { state = "6" }'))

    def test_an_empty_pause_would_always_pause_and_is_refused(self, tmp_path: Path) -> None:
        """An empty pause condition matches every change, so it is refused."""
        with pytest.raises(
            SlaConfigError, match=r"'P1 resolution': pause is empty and would match every change"
        ):
            _load(tmp_path, P1 + "pause = {}\n")

    def test_repeated_names_are_refused(self, tmp_path: Path) -> None:
        """The desk maps definitions by name, so names are unique."""
        with pytest.raises(
            SlaConfigError,
            match=r"definition 2 'P1 resolution': name repeats definition 1",
        ):
            _load(tmp_path, P1 + P1.replace('"4h"', '"6h"'))

    def test_a_specific_definition_after_its_general_one_is_refused(self, tmp_path: Path) -> None:
        """The DIP outage target placed after the general P1 one could never be selected."""
        outage = P1.replace('name = "P1 resolution"', 'name = "P1 DIP outage"').replace(
            'when = { priority = ["1"] }',
            'when = { priority = ["1"], category = ["dip_outage"] }',
        )
        with pytest.raises(
            SlaConfigError,
            match=r"definition 2 'P1 DIP outage': can never be selected: definition 1 "
            r"'P1 resolution' comes first .* put the more specific definition first",
        ):
            _load(tmp_path, P1 + outage)

    def test_a_file_without_definitions_is_refused(self, tmp_path: Path) -> None:
        """A configuration needs at least one definition."""
        with pytest.raises(SlaConfigError, match=r"sla\.toml: declares no SLA definitions"):
            _load(tmp_path, CALENDAR)

    def test_calendar_with_unknown_subdivision_is_refused(self, tmp_path: Path) -> None:
        """A calendar's bank holiday region must be a UK subdivision."""
        with pytest.raises(
            SlaConfigError,
            match=r"calendar 'england_wales': bank holiday subdivision 'EW' is not a UK",
        ):
            _load(tmp_path, CALENDAR.replace('"ENG"', '"EW"') + P1)

    def test_calendar_opening_must_be_a_clock_time(self, tmp_path: Path) -> None:
        """Opening is a 24-hour time such as 08:00."""
        with pytest.raises(
            SlaConfigError,
            match=r"calendar 'england_wales': opening '8am' is not a 24-hour local time",
        ):
            _load(tmp_path, CALENDAR + 'opening = "8am"\n' + P1)

    def test_calendar_weekday_names_are_checked(self, tmp_path: Path) -> None:
        """Weekdays are written Mon to Sun."""
        with pytest.raises(
            SlaConfigError, match=r"calendar 'england_wales': weekday 'Monday' is not one of Mon"
        ):
            _load(tmp_path, CALENDAR + 'weekdays = ["Monday"]\n' + P1)

    def test_calendar_closing_before_opening_is_refused(self, tmp_path: Path) -> None:
        """Closing must come after opening."""
        with pytest.raises(
            SlaConfigError,
            match=r"calendar 'england_wales': .*opening 18:00 must be before closing 08:00",
        ):
            _load(tmp_path, CALENDAR + 'opening = "18:00"\nclosing = "08:00"\n' + P1)

    def test_invalid_toml_reports_line_and_column(self, tmp_path: Path) -> None:
        """A syntax error names the file and where the parser stopped."""
        with pytest.raises(
            SlaConfigError, match=r"sla\.toml: not valid TOML: .*\(at line 4, column 7\)"
        ):
            _load(tmp_path, P1.replace('table = "incident"', "table incident"))

    def test_a_missing_file_is_named(self, tmp_path: Path) -> None:
        """An unreadable file is named in the error."""
        with pytest.raises(SlaConfigError, match=r"nowhere\.toml: cannot read the SLA config"):
            load_sla_config(tmp_path / "nowhere.toml")

    def test_text_can_be_parsed_under_a_given_source_name(self) -> None:
        """Parsing text names the given source in errors."""
        with pytest.raises(SlaConfigError, match=r"^inline: declares no SLA definitions"):
            parse_sla_config(CALENDAR, "inline")

    def test_misspelt_calendars_section_is_refused(self, tmp_path: Path) -> None:
        """[calendar.x] instead of [calendars.x] is named as a section, with the right one."""
        with pytest.raises(
            SlaConfigError,
            match=r"^.*sla\.toml: top level: unknown section \[calendar\]; did you mean "
            r"\[calendars\]\? \(known sections here: calendars, definition\)$",
        ):
            _load(tmp_path, CALENDAR.replace("calendars.", "calendar.") + P1)

    def test_unknown_calendar_key_names_the_calendar(self, tmp_path: Path) -> None:
        """Each calendar takes only its documented keys."""
        with pytest.raises(
            SlaConfigError,
            match=r"calendar 'england_wales': unknown key 'open'; did you mean 'opening'\? "
            r"\(known keys here: closing, opening, subdivision, timezone, weekdays\)$",
        ):
            _load(tmp_path, CALENDAR + 'open = "08:00"\n' + P1)
