@problem @elexon @supplier
Feature: Duplicate problems
  As Elexon's problem manager
  I want a duplicate problem closed and its incidents moved to the problem it duplicates
  So that one root cause is worked once and every waiting party still hears the fix

  Background:
    Given Brightwell Power has raised an incident "IF-008 energisation status not received for MPAN 1200023304458"
    And the service desk raises a problem for the incident
    And the problem "IF-008 publications lost when the recipient webhook times out" is already open

  @ort_prb_040 @mandatory @severity_2
  Scenario: A duplicate is closed and its incidents wait for the original problem
    When the service desk marks the problem as a duplicate of the original problem
    Then the problem is closed as Duplicate
    And the incident waits for the original problem

  @ort_prb_041 @mandatory @severity_2
  Scenario: A duplicate must name the problem it duplicates
    When the service desk tries to mark the problem as a duplicate without naming the original
    Then the refusal names the problem and says "duplicate_of is mandatory"
    And the problem is still New
