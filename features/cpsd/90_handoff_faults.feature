@cpsd @elexon @ldso
Feature: Hand-offs survive a counterparty desk that is down or failing
  As the Elexon service desk
  I want a hand-off to a party whose desk is down or failing to arrive exactly once when it can
  So that no cross-party ticket is lost or duplicated, and a hand-off that cannot arrive is seen

  Background:
    Given Lanternfield Energy Supply has raised an incident "IF-008 energisation status not received" about IF-008 for MPAN 1200023304458

  @cpsd_90 @mandatory @severity_1
  Scenario: A counterparty desk that is down receives the hand-off once it is back
    Given Northvale Power Networks' desk is down
    And the incident is assigned to "Northvale Registration Support"
    When Northvale Power Networks' desk comes back after 30 minutes
    Then Northvale Power Networks' desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And Northvale Power Networks received the hand-off exactly once
    And the incident shows Northvale Power Networks' ticket number

  @cpsd_91 @mandatory @severity_1 @virtual_time
  Scenario: A hand-off that cannot be delivered is reported, not lost
    Given Northvale Power Networks' desk is down
    And the incident is assigned to "Northvale Registration Support"
    When 2 days pass
    Then the hand-off to Northvale Power Networks is failed
    And the service desk is told the hand-off to Northvale Power Networks failed

  @cpsd_92 @mandatory @severity_1
  Scenario: A counterparty desk failing half its calls still receives the hand-off exactly once
    Given Northvale Power Networks' desk fails 50% of calls
    And the incident is assigned to "Northvale Registration Support"
    When 1 day passes
    Then Northvale Power Networks received the hand-off exactly once
    And the incident shows Northvale Power Networks' ticket number
