@change @elexon @supplier
Feature: Changes that restore incidents and fix problems
  As Elexon's change manager
  I want a change linked to the incident it restores and the problem it fixes
  So that a reviewer can follow a fault from the first report to the change that removed it

  Background:
    Given Lanternfield Energy Supply has raised an incident about IF-001 in category "DIP outage"

  @ort_chg_060 @mandatory @severity_1 @p1
  Scenario: An emergency change is raised to restore an incident
    When an emergency change is raised to restore the incident
    Then the change is an emergency change
    And the incident names the change as its fix

  @ort_chg_061 @mandatory @severity_2
  Scenario: A normal change is raised to fix a problem
    Given the service desk raises a problem for the incident
    When a normal change is raised to fix the problem
    Then the change is a normal change
    And the problem names the change as its fix

  @ort_chg_062 @severity_2
  Scenario: The change that restored an incident is linked to its problem as well
    Given an emergency change is raised to restore the incident
    And the service desk raises a problem for the incident
    When the service desk links the change to the problem
    Then the problem names the change as its fix
    And the incident names the change as its fix
