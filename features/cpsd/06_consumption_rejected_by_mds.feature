@cpsd @sds @elexon @virtual_time @p2
Feature: Consumption rejected by MDS (IF-014)
  As a smart data service's desk
  I want MDS rejections of data that passes my own checks raised with Elexon, fixed by MDS and resubmitted before the settlement run's cut-off
  So that consumption reaches settlement on time, and rejections caused by my own data stay with me

  Saltmarsh Smart Data receives IF-014 rejections for consumption that passes its own validation.
  The settlement run that needs the data closes for submissions on Tuesday 8 December at 12:00.

  Background:
    Given it is Monday 7 December 2026 at 09:00
    And Saltmarsh Smart Data has raised a priority 2 incident "IF-014 rejections for consumption that passes our own validation" about IF-014 for MPAN 1200023304458 on its own desk

  @cpsd_06 @mandatory @severity_2
  Scenario: The data service raises the rejection with Elexon
    When Saltmarsh Smart Data raises its incident with Elexon
    Then Saltmarsh Smart Data's desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And the incident shows Saltmarsh Smart Data's ticket number
    And the incident has priority 2
    And the incident's resolution target is Monday 7 December 2026 at 17:00

  @cpsd_06b @mandatory @severity_2
  Scenario: MDS is fixed before the settlement run's cut-off
    Given Saltmarsh Smart Data has raised its incident with Elexon
    And the incident is assigned to "MDS Support"
    And 4 hours pass
    When the service desk resolves the incident with code "Solved (Permanently)" and notes "MDS rejected valid reads after a reference data load; validation rule restored. Please resubmit."
    Then Saltmarsh Smart Data's incident is Resolved
    And the incident's resolution SLA is achieved
    And the incident was resolved before Tuesday 8 December 2026 at 12:00

  @cpsd_06c @mandatory @severity_2
  Scenario: The data service confirms its resubmission and both tickets close
    Given Saltmarsh Smart Data has raised its incident with Elexon
    And the incident is assigned to "MDS Support"
    And the service desk has resolved the incident with code "Solved (Permanently)" and notes "MDS rejected valid reads after a reference data load; validation rule restored. Please resubmit."
    When Saltmarsh Smart Data closes its incident: "Consumption for 6 December resubmitted at 14:10 and accepted by MDS."
    Then the incident is Closed
    And the incident carries the comment "resubmitted at 14:10 and accepted by MDS" exactly once
    And every hand-off was delivered and names the ticket numbers on both desks

  @cpsd_06d @severity_3
  Scenario: A rejection caused by the data service's own data stays on its own desk
    When Saltmarsh Smart Data assigns its incident to "Saltmarsh Data Operations"
    Then Elexon's desk holds no copy of the incident
    And Saltmarsh Smart Data's incident is still New
