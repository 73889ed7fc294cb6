@sla @virtual_time @elexon @supplier
Feature: Clock-change nights
  As a service manager
  I want targets to count real elapsed time across the March and October clock changes
  So that a P1 raised on a clock-change night gets exactly four hours

  @ort_sla_030 @mandatory @severity_2 @p1
  Scenario: A P1 raised as the clocks go forward in March
    Given it is Saturday 28 March 2026 at 23:30
    When Lanternfield Energy Supply raises a priority 1 incident
    Then the incident's response target is Saturday 28 March 2026 at 23:45
    And the incident's resolution target is Sunday 29 March 2026 at 04:30

  @ort_sla_031 @mandatory @severity_2 @p1
  Scenario: A P1 raised as the clocks go back in October
    Given it is Sunday 25 October 2026 at 00:30
    When Lanternfield Energy Supply raises a priority 1 incident
    Then the incident's resolution target is Sunday 25 October 2026 at 03:30

  @ort_sla_032 @severity_3
  Scenario Outline: A business-hours target across a clock-change weekend keeps ten-hour days
    Given it is <raised>
    When Lanternfield Energy Supply raises a priority 3 incident
    Then the incident's response target is <response>

    Examples: The Friday before each change
      | raised                            | response                         |
      | Friday 27 March 2026 at 17:00     | Monday 30 March 2026 at 11:00    |
      | Friday 23 October 2026 at 17:00   | Monday 26 October 2026 at 11:00  |
