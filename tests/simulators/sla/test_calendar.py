"""Business calendars: worked examples a service manager can check by hand (times in London)."""

from datetime import UTC, date, datetime, time

import pytest

from simulators.sla import (
    BusinessCalendar,
    CalendarError,
    TimeValueError,
    TwentyFourSeven,
    UkBankHolidays,
)
from tests.simulators.sla.clock import ENGLAND_WALES, HOUR, LONDON, SCOTLAND, london, utc

BOTH = pytest.mark.parametrize("calendar", [ENGLAND_WALES, SCOTLAND], ids=lambda c: c.name)


class TestBankHolidays:
    def test_christmas_2026_closes_friday_25_and_monday_28_as_boxing_day_substitute(self) -> None:
        """Boxing Day 2026 is a Saturday, so Monday 28 December is its substitute in both."""
        for calendar in (ENGLAND_WALES, SCOTLAND):
            assert not calendar.is_business_day(date(2026, 12, 25))
            assert not calendar.is_business_day(date(2026, 12, 28))
            assert calendar.is_business_day(date(2026, 12, 24))
            assert calendar.is_business_day(date(2026, 12, 29))

    def test_england_and_wales_close_25_and_28_december_and_1_january(self) -> None:
        """England & Wales have three bank holidays on weekdays over Christmas 2026/27."""
        closed = ENGLAND_WALES.holidays_between(date(2026, 12, 1), date(2027, 1, 31))
        assert closed == [date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 1)]

    def test_scotland_also_closes_monday_4_january_2027_for_2_january(self) -> None:
        """Scotland's 2 January 2027 is a Saturday; its substitute is Monday 4 January."""
        closed = SCOTLAND.holidays_between(date(2026, 12, 1), date(2027, 1, 31))
        assert closed == [
            date(2026, 12, 25),
            date(2026, 12, 28),
            date(2027, 1, 1),
            date(2027, 1, 4),
        ]

    def test_scotland_closes_2_january_when_it_is_a_weekday(self) -> None:
        """Friday 2 January 2026 is a holiday in Scotland and a working day in England."""
        assert not SCOTLAND.is_business_day(date(2026, 1, 2))
        assert ENGLAND_WALES.is_business_day(date(2026, 1, 2))

    def test_easter_monday_is_a_holiday_in_england_and_wales_only(self) -> None:
        """Easter Monday, 6 April 2026, closes England & Wales but not Scotland."""
        assert not ENGLAND_WALES.is_business_day(date(2026, 4, 6))
        assert SCOTLAND.is_business_day(date(2026, 4, 6))

    def test_august_holiday_is_first_monday_in_scotland_and_last_in_england(self) -> None:
        """Scotland closes Monday 3 August 2026; England & Wales close Monday 31 August."""
        assert not SCOTLAND.is_business_day(date(2026, 8, 3))
        assert ENGLAND_WALES.is_business_day(date(2026, 8, 3))
        assert not ENGLAND_WALES.is_business_day(date(2026, 8, 31))
        assert SCOTLAND.is_business_day(date(2026, 8, 31))

    def test_st_andrews_day_on_a_sunday_moves_to_monday_in_scotland(self) -> None:
        """St Andrew's Day 2025 is a Sunday, so Scotland closes Monday 1 December 2025."""
        assert not SCOTLAND.is_business_day(date(2025, 12, 1))
        assert ENGLAND_WALES.is_business_day(date(2025, 12, 1))
        assert not SCOTLAND.is_business_day(date(2026, 11, 30))
        assert ENGLAND_WALES.is_business_day(date(2026, 11, 30))

    def test_unknown_subdivision_is_refused(self) -> None:
        """A holiday region that is not a UK subdivision is refused with the known ones."""
        with pytest.raises(CalendarError, match=r"'XYZ' is not a UK subdivision.*ENG, NIR, SCT"):
            UkBankHolidays("XYZ")


class TestDeadlines:
    def test_p3_response_raised_friday_1730_is_due_monday_1130(self) -> None:
        """4 business hours from Friday 18 Dec 2026 17:30 GMT: 30 min Friday, 3.5 h Monday."""
        due = ENGLAND_WALES.add(london(2026, 12, 18, 17, 30), 4 * HOUR)
        assert due == london(2026, 12, 21, 11, 30) == utc(2026, 12, 21, 11, 30)

    def test_deadline_using_up_the_day_exactly_is_closing_time(self) -> None:
        """4 business hours from Monday 14 Dec 2026 14:00 is 18:00 that day, not Tuesday 08:00."""
        assert ENGLAND_WALES.add(london(2026, 12, 14, 14), 4 * HOUR) == london(2026, 12, 14, 18)

    def test_start_at_the_weekend_counts_from_monday_opening(self) -> None:
        """4 business hours from Saturday 19 Dec 2026 10:00 is Monday 21 Dec 12:00."""
        assert ENGLAND_WALES.add(london(2026, 12, 19, 10), 4 * HOUR) == london(2026, 12, 21, 12)

    def test_start_before_opening_counts_from_opening(self) -> None:
        """4 business hours from Monday 14 Dec 2026 06:45 is 12:00 that day."""
        assert ENGLAND_WALES.add(london(2026, 12, 14, 6, 45), 4 * HOUR) == london(2026, 12, 14, 12)

    def test_start_after_closing_counts_from_next_opening(self) -> None:
        """1 business hour from Monday 14 Dec 2026 19:00 is Tuesday 09:00."""
        assert ENGLAND_WALES.add(london(2026, 12, 14, 19), HOUR) == london(2026, 12, 15, 9)

    @BOTH
    def test_p3_resolution_raised_christmas_eve_skips_25_and_28_december(
        self, calendar: BusinessCalendar
    ) -> None:
        """30 business h from Thu 24 Dec 2026 14:00: 4 h, then 29 and 30 Dec, then 6 h on 31st."""
        due = calendar.add(london(2026, 12, 24, 14), 30 * HOUR)
        assert due == london(2026, 12, 31, 14)

    @pytest.mark.parametrize(
        ("calendar", "due"),
        [(ENGLAND_WALES, london(2027, 1, 6, 10)), (SCOTLAND, london(2027, 1, 7, 10))],
        ids=["england_wales: Wed 6 Jan 10:00", "scotland: Thu 7 Jan 10:00"],
    )
    def test_p3_resolution_raised_new_years_eve_loses_a_day_more_in_scotland(
        self, calendar: BusinessCalendar, due: datetime
    ) -> None:
        """30 business h from Thu 31 Dec 2026 10:00: Scotland also closes Monday 4 Jan 2027."""
        assert calendar.add(london(2026, 12, 31, 10), 30 * HOUR) == due

    @pytest.mark.parametrize(
        ("calendar", "due"),
        [(ENGLAND_WALES, london(2027, 1, 11, 16)), (SCOTLAND, london(2027, 1, 12, 16))],
        ids=["england_wales: Mon 11 Jan 16:00", "scotland: Tue 12 Jan 16:00"],
    )
    def test_p4_resolution_over_christmas_and_new_year(
        self, calendar: BusinessCalendar, due: datetime
    ) -> None:
        """100 business h from Wed 23 Dec 2026 16:00 run past every holiday of the season."""
        assert calendar.add(london(2026, 12, 23, 16), 100 * HOUR) == due

    def test_deadline_across_the_march_clock_change_is_an_hour_earlier_in_utc(self) -> None:
        """10 business h from Fri 27 Mar 2026 12:00 GMT end Mon 30 Mar 12:00 BST, 11:00 UTC."""
        due = ENGLAND_WALES.add(london(2026, 3, 27, 12), 10 * HOUR)
        assert due == london(2026, 3, 30, 12) == utc(2026, 3, 30, 11)

    def test_deadline_across_the_october_clock_change_is_an_hour_later_in_utc(self) -> None:
        """10 business h from Fri 23 Oct 2026 12:00 BST (11:00 UTC) end Mon 26 Oct 12:00 GMT."""
        due = ENGLAND_WALES.add(london(2026, 10, 23, 12), 10 * HOUR)
        assert due == london(2026, 10, 26, 12) == utc(2026, 10, 26, 12)

    def test_p1_raised_0200_sunday_is_due_0215_on_the_24x7_schedule(self) -> None:
        """15 minutes from Sunday 20 Dec 2026 02:00 GMT is 02:15: 24x7 never closes."""
        assert TwentyFourSeven().add(london(2026, 12, 20, 2), 15 * 60) == london(
            2026, 12, 20, 2, 15
        )

    def test_24x7_on_the_short_night_ends_five_wall_clock_hours_later(self) -> None:
        """4 h from Sun 29 Mar 2026 00:30 GMT end at 05:30 BST: the clocks go forward at 01:00."""
        due = TwentyFourSeven().add(london(2026, 3, 29, 0, 30), 4 * HOUR)
        assert due == london(2026, 3, 29, 5, 30) == utc(2026, 3, 29, 4, 30)

    def test_24x7_on_the_long_night_ends_three_wall_clock_hours_later(self) -> None:
        """4 h from Sun 25 Oct 2026 00:30 BST end at 03:30 GMT: the clocks go back at 02:00."""
        due = TwentyFourSeven().add(london(2026, 10, 25, 0, 30), 4 * HOUR)
        assert due == london(2026, 10, 25, 3, 30) == utc(2026, 10, 25, 3, 30)

    def test_zero_duration_from_a_closed_moment_is_the_next_opening(self) -> None:
        """No time at all from Friday 18 Dec 2026 18:00 is Monday 21 Dec 08:00."""
        assert ENGLAND_WALES.add(london(2026, 12, 18, 18), 0) == london(2026, 12, 21, 8)

    def test_result_is_in_utc_whatever_zone_the_start_is_given_in(self) -> None:
        """A start given as Mon 1 Jun 2026 09:00 BST yields 10:00 BST as 09:00 UTC."""
        due = ENGLAND_WALES.add(datetime(2026, 6, 1, 9, tzinfo=LONDON), HOUR)
        assert due.tzinfo is UTC
        assert due == utc(2026, 6, 1, 9)

    def test_long_deadline_matches_whole_weeks_less_holidays(self) -> None:
        """1,000 business h from Mon 4 Jan 2027 08:00 take 20 weeks plus a day per holiday."""
        # 20 weeks reach Mon 24 May 2027; Good Friday, Easter Monday and May Day fall inside,
        # so three more days: Wed 26 May is the 100th working day, ending at its closing.
        due = ENGLAND_WALES.add(london(2027, 1, 4, 8), 1000 * HOUR)
        assert due == london(2027, 5, 26, 18)


class TestElapsed:
    def test_friday_1730_to_monday_1130_is_four_business_hours(self) -> None:
        """Friday 18 Dec 2026 17:30 to Monday 21 Dec 11:30 holds 4 business hours."""
        assert ENGLAND_WALES.elapsed(
            london(2026, 12, 18, 17, 30), london(2026, 12, 21, 11, 30)
        ) == (4 * HOUR)

    def test_a_business_day_on_a_clock_change_weekend_is_ten_hours(self) -> None:
        """Monday 30 Mar 2026 08:00-18:00 BST is 10 business hours; the weekend holds none."""
        assert ENGLAND_WALES.elapsed(london(2026, 3, 27, 18), london(2026, 3, 30, 18)) == 10 * HOUR
        assert ENGLAND_WALES.elapsed(london(2026, 10, 23, 18), london(2026, 10, 26, 18)) == (
            10 * HOUR
        )

    def test_christmas_three_weeks_hold_fewer_hours_in_scotland(self) -> None:
        """Mon 21 Dec 2026 to Mon 11 Jan 2027: 12 working days in England, 11 in Scotland."""
        start, end = london(2026, 12, 21), london(2027, 1, 11)
        assert ENGLAND_WALES.elapsed(start, end) == 12 * 10 * HOUR
        assert SCOTLAND.elapsed(start, end) == 11 * 10 * HOUR

    def test_an_empty_or_reversed_span_holds_nothing(self) -> None:
        """The span [start, end) is empty when end is not after start."""
        moment = london(2026, 12, 14, 10)
        assert ENGLAND_WALES.elapsed(moment, moment) == 0
        assert ENGLAND_WALES.elapsed(moment, london(2026, 12, 14, 9)) == 0


class TestOpenHours:
    def test_open_from_opening_until_just_before_closing(self) -> None:
        """Working hours are [08:00, 18:00) London time."""
        assert not ENGLAND_WALES.is_open(london(2026, 12, 14, 7, 59))
        assert ENGLAND_WALES.is_open(london(2026, 12, 14, 8))
        assert ENGLAND_WALES.is_open(london(2026, 12, 14, 17, 59))
        assert not ENGLAND_WALES.is_open(london(2026, 12, 14, 18))

    def test_open_hours_follow_british_summer_time(self) -> None:
        """In June, 08:00 BST is 07:00 UTC, so the desk is open at 07:30 UTC."""
        assert ENGLAND_WALES.is_open(utc(2026, 6, 1, 7, 30))
        assert not ENGLAND_WALES.is_open(utc(2026, 6, 1, 17, 30))

    def test_closed_on_a_bank_holiday(self) -> None:
        """Christmas Day is closed all day."""
        assert not ENGLAND_WALES.is_open(london(2026, 12, 25, 12))

    def test_next_open_after_christmas_eve_is_tuesday_29_december(self) -> None:
        """After Thu 24 Dec 2026 18:00 the desk next opens Tue 29 Dec 08:00."""
        assert ENGLAND_WALES.next_open(london(2026, 12, 24, 18)) == london(2026, 12, 29, 8)

    def test_next_open_while_open_is_the_moment_itself(self) -> None:
        """An open moment is its own next opening."""
        moment = london(2026, 12, 14, 10, 17)
        assert ENGLAND_WALES.next_open(moment) == moment

    def test_next_open_early_morning_is_the_same_days_opening(self) -> None:
        """At 05:00 on a working day the desk opens at 08:00 the same day."""
        assert ENGLAND_WALES.next_open(london(2026, 12, 14, 5)) == london(2026, 12, 14, 8)


class TestRefusals:
    def test_naive_datetimes_are_refused(self) -> None:
        """A datetime without a timezone is ambiguous and refused."""
        with pytest.raises(TimeValueError, match=r"start .* must be a timezone-aware datetime"):
            ENGLAND_WALES.add(datetime(2026, 12, 14, 10), HOUR)
        with pytest.raises(TimeValueError, match=r"end .* must be a timezone-aware datetime"):
            TwentyFourSeven().elapsed(utc(2026, 12, 14), datetime(2026, 12, 15))

    def test_negative_durations_are_refused(self) -> None:
        """A deadline cannot lie before its start."""
        with pytest.raises(TimeValueError, match=r"duration -60 must be a whole number"):
            ENGLAND_WALES.add(utc(2026, 12, 14, 10), -60)

    def test_opening_after_closing_is_refused(self) -> None:
        """Hours must open before they close on the same day."""
        with pytest.raises(
            CalendarError, match=r"'late': opening 18:00 must be before closing 08:00"
        ):
            BusinessCalendar("late", opening=time(18), closing=time(8))

    def test_unknown_timezone_is_refused(self) -> None:
        """The zone must be an IANA zone name."""
        with pytest.raises(CalendarError, match=r"timezone 'Europe/Lundun' is not a known IANA"):
            BusinessCalendar("typo", timezone="Europe/Lundun")

    def test_no_working_weekdays_is_refused(self) -> None:
        """A calendar must work on at least one weekday."""
        with pytest.raises(CalendarError, match=r"weekdays \[\] must be a non-empty set"):
            BusinessCalendar("never", weekdays=[])

    def test_hours_containing_a_clock_change_are_refused_when_used(self) -> None:
        """Hours 00:30-18:00 every day contain the 01:00 clock change of 29 Mar 2026."""
        night = BusinessCalendar("night", opening=time(0, 30), weekdays=range(7))
        with pytest.raises(
            CalendarError,
            match=r"00:30-18:00 on 2026-03-29 contain a clock change in Europe/London",
        ):
            night.add(london(2026, 3, 2, 9), HOUR)
