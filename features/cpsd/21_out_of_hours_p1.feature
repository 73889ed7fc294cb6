@cpsd @supplier @elexon @virtual_time
Feature: A priority 1 incident out of hours
  As a market participant
  I want a priority 1 incident raised in the night worked at once, on Elexon's desk and on any desk it is handed to, while a priority 3 raised at the same moment waits for the next business day
  So that a critical fault is never left until morning and the night cover is spent only on what needs it

  It is 02:00 on a Saturday. Priorities 1 and 2 are covered round the clock; priorities 3 and 4
  count business hours only (Monday to Friday, 08:00 to 18:00).

  Background:
    Given it is Saturday 5 December 2026 at 02:00

  @cpsd_21 @mandatory @severity_1 @p1
  Scenario: A priority 1 raised at night is due within minutes
    When Lanternfield Energy Supply raises a priority 1 incident
    Then the incident's response target is Saturday 5 December 2026 at 02:15
    And the incident's resolution target is Saturday 5 December 2026 at 06:00

  @cpsd_21b @mandatory @severity_2 @p3
  Scenario: A priority 3 raised at the same moment waits for the next business day
    When Lanternfield Energy Supply raises a priority 3 incident
    Then the incident's response target is Monday 7 December 2026 at 12:00
    And the incident's resolution target is Wednesday 9 December 2026 at 18:00

  @cpsd_21c @mandatory @severity_1 @p1
  Scenario: The night cover picks the priority 1 up within its response target
    Given Lanternfield Energy Supply has raised a priority 1 incident
    And 10 minutes pass
    When the service desk moves the incident to In Progress
    Then the incident's response SLA is achieved
    And no response SLA breach is notified

  @cpsd_21d @severity_2 @p3
  Scenario: The priority 3 is not breached over the weekend
    Given Lanternfield Energy Supply has raised a priority 3 incident
    When it is Monday 7 December 2026 at 08:00
    Then the incident's response SLA is in progress
    And no response SLA breach is notified

  @cpsd_21e @mandatory @severity_1 @p1 @ldso
  Scenario: A priority 1 handed to a distributor at night is due at once on the distributor's desk too
    Given Lanternfield Energy Supply has raised a priority 1 incident "No IF-008 energisation statuses received from Northvale since 01:30" about IF-008 for MPAN 1200023304458
    And Northvale Power Networks expects hand-offs about IF-008
    When the service desk assigns the incident to "Northvale Registration Support"
    Then the response OLA target on Northvale Power Networks' copy is Saturday 5 December 2026 at 02:15
    And the resolution OLA target on Northvale Power Networks' copy is Saturday 5 December 2026 at 06:00

  @cpsd_21f @severity_2 @p3 @ldso
  Scenario: A priority 3 handed to a distributor at night waits for the distributor's next business day
    Given Lanternfield Energy Supply has raised a priority 3 incident "IF-008 energisation status for one MPAN not received" about IF-008 for MPAN 1200023304458
    And Northvale Power Networks expects hand-offs about IF-008
    When the service desk assigns the incident to "Northvale Registration Support"
    Then the response OLA target on Northvale Power Networks' copy is Monday 7 December 2026 at 12:00
