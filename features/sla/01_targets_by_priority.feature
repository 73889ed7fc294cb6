@sla @virtual_time @elexon @supplier
Feature: Response and resolution targets by priority
  As a service manager
  I want every incident to get the response and resolution targets of its priority
  So that each party knows by when it must act

  @ort_sla_001 @mandatory @severity_2
  Scenario Outline: Targets on a working Wednesday morning
    Given it is Wednesday 2 December 2026 at 10:00
    When Lanternfield Energy Supply raises a priority <priority> incident
    Then the incident's response target is <response>
    And the incident's resolution target is <resolution>

    Examples: Default targets (P1 and P2 round the clock, P3 to P5 in business hours)
      | priority | response                            | resolution                           |
      | 1        | Wednesday 2 December 2026 at 10:15  | Wednesday 2 December 2026 at 14:00   |
      | 2        | Wednesday 2 December 2026 at 10:30  | Wednesday 2 December 2026 at 18:00   |
      | 3        | Wednesday 2 December 2026 at 14:00  | Monday 7 December 2026 at 10:00      |
      | 4        | Thursday 3 December 2026 at 10:00   | Wednesday 16 December 2026 at 10:00  |
      | 5        | Thursday 3 December 2026 at 10:00   | Wednesday 16 December 2026 at 10:00  |

  @ort_sla_002 @mandatory @severity_2
  Scenario Outline: A DIP outage has six hours and DIP P2 faults ten
    Given it is Wednesday 2 December 2026 at 10:00
    When Lanternfield Energy Supply raises an incident in category "<category>"
    Then the incident's resolution target is <resolution>

    Examples: Confirmed DIP targets
      | category               | resolution                          |
      | DIP outage             | Wednesday 2 December 2026 at 16:00  |
      | DIP degradation        | Wednesday 2 December 2026 at 20:00  |
      | DIP connectivity fault | Wednesday 2 December 2026 at 20:00  |

  @ort_sla_003 @mandatory @severity_2
  Scenario: Raising the priority recomputes the targets from the original start
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 3 incident
    And it is Wednesday 2 December 2026 at 10:05
    When the service desk raises the incident to priority 1
    Then the incident's response target is Wednesday 2 December 2026 at 10:15
    And the incident's resolution target is Wednesday 2 December 2026 at 14:00
