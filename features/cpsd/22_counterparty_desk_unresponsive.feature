@cpsd @supplier @ldso @elexon @virtual_time @p3 @expected_breach
Feature: A counterparty's desk does not respond
  As a supplier's service desk
  I want a counterparty that does not acknowledge my hand-off within the OLA escalated to Elexon with the evidence, Elexon to contact it, and a continued breach taken to governance
  So that a silent counterparty cannot stall a fault, and repeated silence is recorded as a breach

  Lanternfield Energy Supply hands an IF-008 fault to Northvale Power Networks on Monday morning.
  Northvale's desk accepts hand-offs but nobody works them. The OLA for a priority 3 hand-off is
  the same as the priority 3 response target: 4 business hours.

  Background:
    Given it is Monday 7 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 3 incident "IF-008 energisation status not received for a new connection" about IF-008 for MPAN 1200023304458 on its own desk
    And Northvale Power Networks never responds
    And Lanternfield Energy Supply has handed the incident to Northvale Power Networks

  @cpsd_22 @mandatory @severity_2
  Scenario: No acknowledgement within the OLA breaches it on the counterparty's copy
    When 5 business hours pass
    Then the response OLA on Northvale Power Networks' copy is breached
    And Northvale Power Networks' copy of the incident is still New
    And Lanternfield Energy Supply's incident is still New

  @cpsd_22b @mandatory @severity_2
  Scenario: The raising party escalates to Elexon with the evidence of the breach
    Given 1 day passes
    When Lanternfield Energy Supply raises its incident with Elexon, citing Northvale Power Networks' ticket
    Then the incident cites Northvale Power Networks' ticket number
    And the incident shows Lanternfield Energy Supply's ticket number
    And the incident's response target is Tuesday 8 December 2026 at 14:00

  @cpsd_22c @mandatory @severity_2
  Scenario: Elexon contacts the counterparty on its own desk
    Given 1 day passes
    And Lanternfield Energy Supply has raised its incident with Elexon, citing Northvale Power Networks' ticket
    When the service desk assigns the incident to "Northvale Registration Support"
    Then Northvale Power Networks' desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And Northvale Power Networks received the hand-off exactly once
    And the incident shows Lanternfield Energy Supply's ticket number

  @cpsd_22d @mandatory @severity_2
  Scenario: A continued breach is escalated to governance with every unanswered ticket as evidence
    Given 1 day passes
    And Lanternfield Energy Supply has raised its incident with Elexon, citing Northvale Power Networks' ticket
    And the incident is assigned to "Northvale Registration Support"
    And 1 day passes
    When the service desk escalates the incident to governance: "Northvale Power Networks has not acknowledged IF-008 hand-offs from Lanternfield Energy Supply or from Elexon"
    Then a governance escalation of the incident cites Northvale Power Networks' tickets
    And the response OLA on Northvale Power Networks' copy is breached
    And the incident's work notes say "Escalated to code governance"
