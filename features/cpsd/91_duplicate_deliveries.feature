@cpsd @elexon @ldso @supplier @virtual_time
Feature: A hand-off whose answer is lost is not delivered twice
  As the Elexon service desk
  I want a hand-off or an update that the other desk applied, but whose answer never came back, retried without being applied again
  So that a counterparty never holds two tickets for one fault and nobody reads the same comment twice

  Background:
    Given Lanternfield Energy Supply has raised an incident "IF-008 energisation status not received" about IF-008 for MPAN 1200023304458

  @cpsd_93 @mandatory @severity_1
  Scenario: A counterparty that processes a hand-off but loses its answer receives it exactly once
    Given Northvale Power Networks' desk loses its answer to the next call
    And the incident is assigned to "Northvale Registration Support"
    When 1 hour passes
    Then Northvale Power Networks received the hand-off exactly once
    And the incident shows Northvale Power Networks' ticket number
    And the hand-off to Northvale Power Networks was delivered after 2 attempts

  @cpsd_94 @mandatory @severity_2
  Scenario: A repeated update does not duplicate a comment
    Given Northvale Power Networks expects hand-offs about IF-008
    And Northvale Power Networks acknowledges them within 10 minutes
    And Northvale Power Networks comments on them after 30 minutes: "Registration shows the MPAN energised on 2 December; IF-008 resent at 10:40."
    And the incident is assigned to "Northvale Registration Support"
    And 15 minutes pass
    And Elexon's desk loses its answer to the next call
    When 1 hour passes
    Then the incident carries the comment "IF-008 resent at 10:40" exactly once
    And the last update from Northvale Power Networks was delivered after 2 attempts
