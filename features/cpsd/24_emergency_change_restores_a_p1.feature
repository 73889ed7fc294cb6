@cpsd @elexon @supplier @virtual_time @p1
Feature: An emergency change restores a priority 1 major incident
  As Elexon's change manager
  I want the change that restores a priority 1 major incident raised as an emergency change, authorised by the emergency CAB, linked to the major incident and its problem, and reviewed before it closes
  So that service comes back fast, even inside a change freeze, without skipping authorisation or the review afterwards

  Background:
    Given it is Tuesday 22 December 2026 at 02:40
    And Lanternfield Energy Supply has raised an incident about IF-001 in category "DIP outage"
    And the incident is accepted as a major incident
    And an emergency change is raised to restore the incident

  @cpsd_24 @mandatory @severity_1
  Scenario: The emergency change skips Assess and goes straight to the emergency CAB
    When the service desk moves the change to Authorize
    Then the change is in Authorize
    And the emergency CAB is asked to authorise the change
    And the change's approval is requested
    And the change is an emergency change
    And the incident names the change as its fix

  @cpsd_24b @mandatory @severity_2
  Scenario: An emergency change is not assessed like a normal change
    When the service desk tries to move the change to Assess
    Then the move is refused, naming the change, New and Assess
    And the change is still New

  @cpsd_24c @mandatory @severity_1
  Scenario: Only the emergency CAB may authorise the emergency change
    Given the change is in Authorize
    When the CAB tries to authorise the change
    Then the authorisation is refused because only the emergency CAB may authorise it
    And the change's approval is requested

  @cpsd_24d @mandatory @severity_1
  Scenario: Once the emergency CAB authorises it, the change is scheduled at once inside the Christmas freeze
    Given the emergency CAB authorises the change
    When the change is scheduled from Tuesday 22 December 2026 at 03:15 to Tuesday 22 December 2026 at 04:15
    Then the change is Scheduled
    And the change's approval is approved

  @cpsd_24e @mandatory @severity_2
  Scenario: The emergency change is linked to the major incident and to the problem behind it
    Given the service desk has raised a problem "DIP message broker loses its cluster quorum after a node restart"
    When the service desk links the change to the problem
    Then the problem names the change as its fix
    And the incident names the change as its fix

  @cpsd_24f @mandatory @severity_2
  Scenario: The emergency change cannot close without its review
    Given the change is in Implement
    When the service desk tries to move the change to Closed
    Then the move is refused, naming the change, Implement and Closed
    And the change is still in Implement

  @cpsd_24g @mandatory @severity_2 @ldso
  Scenario: After its review the emergency change closes and every participant is told its outcome
    Given the change is in Review
    When the service desk closes the change as successful
    Then the change is closed as successful
    And every participant is told the change is complete
    And every participant is told the change was successful
