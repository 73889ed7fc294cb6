@sla @virtual_time @elexon @supplier
Feature: Business hours, nights and weekends
  As a service manager
  I want business-hours targets to count only Monday to Friday, 08:00 to 18:00 London time
  So that a P3 raised late on Friday is not breached before anyone is at work

  @ort_sla_010 @mandatory @severity_2
  Scenario: A P3 raised just before close of business continues next morning
    Given it is Thursday 3 December 2026 at 17:45
    When Lanternfield Energy Supply raises a priority 3 incident
    Then the incident's response target is Friday 4 December 2026 at 11:45
    And the incident's resolution target is Tuesday 8 December 2026 at 17:45

  @ort_sla_011 @mandatory @severity_2
  Scenario: A P3 raised on Friday evening waits for Monday
    Given it is Friday 4 December 2026 at 18:30
    When Lanternfield Energy Supply raises a priority 3 incident
    Then the incident's response target is Monday 7 December 2026 at 12:00
    And the incident's resolution target is Wednesday 9 December 2026 at 18:00

  @ort_sla_012 @mandatory @severity_1 @p1
  Scenario Outline: Out of hours a P1 or P2 is worked at once while a P3 or P4 waits for Monday
    Given it is Saturday 5 December 2026 at 02:00
    When Lanternfield Energy Supply raises a priority <priority> incident
    Then the incident's response target is <response>

    Examples: Raised at 02:00 on a Saturday
      | priority | response                           |
      | 1        | Saturday 5 December 2026 at 02:15  |
      | 2        | Saturday 5 December 2026 at 02:30  |
      | 3        | Monday 7 December 2026 at 12:00    |
      | 4        | Monday 7 December 2026 at 18:00    |

  @ort_sla_013 @severity_3
  Scenario: A business-hours SLA does not breach over the weekend
    Given it is Friday 4 December 2026 at 17:30
    And Lanternfield Energy Supply has raised a priority 3 incident
    When 2 days pass
    Then the incident's response SLA is in progress
    And no response SLA breach is notified
