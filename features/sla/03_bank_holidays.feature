@sla @virtual_time @elexon @supplier @ldso
Feature: Bank holidays in England & Wales and in Scotland
  As a service manager
  I want business-hours targets to skip the bank holidays of the calendar of the party working the incident
  So that a Scottish distributor is not held to English working days, nor the other way round

  @ort_sla_020 @mandatory @severity_2
  Scenario Outline: Targets skip the bank holidays of the assigned party's calendar
    Given it is <raised>
    And Lanternfield Energy Supply has raised a priority 3 incident
    When the service desk assigns the incident to "<group>"
    Then the incident's response target is <response>
    And the incident's resolution target is <resolution>

    Examples: Christmas, New Year, St Andrew's Day and Easter
      | raised                              | group                           | response                            | resolution                          |
      | Thursday 24 December 2026 at 16:00  | Northvale Registration Support  | Tuesday 29 December 2026 at 10:00   | Thursday 31 December 2026 at 16:00  |
      | Thursday 24 December 2026 at 16:00  | Glenmorven Registration Support | Tuesday 29 December 2026 at 10:00   | Thursday 31 December 2026 at 16:00  |
      | Thursday 31 December 2026 at 12:00  | Northvale Registration Support  | Thursday 31 December 2026 at 16:00  | Wednesday 6 January 2027 at 12:00   |
      | Thursday 31 December 2026 at 12:00  | Glenmorven Registration Support | Thursday 31 December 2026 at 16:00  | Thursday 7 January 2027 at 12:00    |
      | Friday 27 November 2026 at 17:00    | Northvale Registration Support  | Monday 30 November 2026 at 11:00    | Wednesday 2 December 2026 at 17:00  |
      | Friday 27 November 2026 at 17:00    | Glenmorven Registration Support | Tuesday 1 December 2026 at 11:00    | Thursday 3 December 2026 at 17:00   |
      | Thursday 2 April 2026 at 17:00      | Northvale Registration Support  | Tuesday 7 April 2026 at 11:00       | Thursday 9 April 2026 at 17:00      |
      | Thursday 2 April 2026 at 17:00      | Glenmorven Registration Support | Monday 6 April 2026 at 11:00        | Wednesday 8 April 2026 at 17:00     |
