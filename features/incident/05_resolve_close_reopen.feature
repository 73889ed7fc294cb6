@incident @elexon @supplier
Feature: Resolving, closing, reopening and cancelling an incident
  As a market participant who raised an incident
  I want a resolution I can accept, dispute or let close by itself
  So that an incident ends only when the fault is really gone

  Background:
    Given Lanternfield Energy Supply has raised an incident "Daily consumption report IF-021 missing for 14 November"

  @ort_inc_040 @mandatory @severity_1
  Scenario: The service desk resolves an incident with a code and notes
    Given the incident is In Progress
    When the service desk resolves the incident with code "Solved (Permanently)" and notes "Egress queue restarted; report redelivered."
    Then the incident is Resolved
    And the incident shows the resolution "Solved (Permanently)" with notes "Egress queue restarted; report redelivered."

  @ort_inc_041 @mandatory @severity_2
  Scenario: The caller accepts the resolution and closes the incident
    Given the incident is Resolved
    When the caller closes the incident
    Then the incident is Closed

  @ort_inc_042 @mandatory @severity_2
  Scenario: The caller disputes the resolution and reopens the incident
    Given the incident is Resolved
    When the caller reopens the incident
    Then the incident is In Progress
    And the incident has been reopened 1 time

  @ort_inc_043 @mandatory @severity_2 @virtual_time
  Scenario: A resolved incident closes itself after seven days
    Given the incident is Resolved
    When 7 days pass
    Then the incident is Closed
    And the incident's work notes say "automatically closed"

  @ort_inc_044 @severity_3 @virtual_time
  Scenario: A resolved incident stays resolved for six days
    Given the incident is Resolved
    When 6 days pass
    Then the incident is still Resolved

  @ort_inc_045 @severity_3
  Scenario: A duplicate is cancelled, not resolved
    When the service desk moves the incident to Canceled
    Then the incident is Canceled
    And the incident is no longer active
