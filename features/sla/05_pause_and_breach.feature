@sla @virtual_time @elexon @supplier
Feature: SLA pause on hold, and breach
  As a service manager
  I want the SLA clock to stop while an incident waits on someone else, and a breach to be notified
  So that targets measure only the time a party could act, and nobody misses a breach

  @ort_sla_040 @mandatory @severity_2
  Scenario: The resolution SLA pauses while the incident is on hold
    Given it is Monday 7 December 2026 at 09:00
    And Lanternfield Energy Supply has raised a priority 3 incident
    And the incident is In Progress
    When the service desk puts the incident On Hold awaiting Vendor
    Then the incident's resolution SLA is paused

  @ort_sla_041 @mandatory @severity_2
  Scenario: Time on hold moves the resolution target out
    Given it is Monday 7 December 2026 at 09:00
    And Lanternfield Energy Supply has raised a priority 3 incident
    And the incident is In Progress
    And it is Monday 7 December 2026 at 10:00
    And the incident is On Hold awaiting Vendor
    And it is Tuesday 8 December 2026 at 15:00
    When the service desk moves the incident to In Progress
    Then the incident's resolution SLA is in progress
    And the incident's resolution target is Friday 11 December 2026 at 14:00

  @ort_sla_042 @mandatory @severity_1 @p1 @expected_breach
  Scenario: A P1 not resolved within four hours breaches, and the breach is notified
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 1 incident
    And the incident is In Progress
    When 5 hours pass
    Then the incident's resolution SLA is breached
    And the resolution SLA breach is notified at Wednesday 2 December 2026 at 14:00
    And the incident's response SLA is achieved

  @ort_sla_043 @mandatory @severity_2 @expected_breach
  Scenario: A P3 response breaches at the right business minute
    Given it is Friday 4 December 2026 at 17:30
    And Lanternfield Energy Supply has raised a priority 3 incident
    When 5 business hours pass
    Then the incident's response SLA is breached
    And the response SLA breach is notified at Monday 7 December 2026 at 11:30

  @ort_sla_044 @severity_3
  Scenario: Resolving in time achieves the SLA
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 2 incident
    And the incident is In Progress
    And 3 hours pass
    When the service desk moves the incident to Resolved
    Then the incident's resolution SLA is achieved
    And no resolution SLA breach is notified

  @ort_sla_045 @severity_3 @expected_breach
  Scenario: A P4 left for two weeks breaches after 100 business hours
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 4 incident
    And the incident is In Progress
    When 2 weeks pass
    Then the incident's resolution SLA is breached
    And the resolution SLA breach is notified at Wednesday 16 December 2026 at 10:00

  @ort_sla_046 @severity_3
  Scenario: Cancelling an incident cancels its SLAs
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 3 incident
    When the service desk moves the incident to Canceled
    Then the incident's response SLA is cancelled
    And the incident's resolution SLA is cancelled
