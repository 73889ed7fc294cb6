@cpsd @supplier @ldso @elexon @virtual_time
Feature: An expected DIP publication is not received
  As a supplier's service desk
  I want to ask the distributor first, and to take the distributor's proof to Elexon when the DIP accepted its message
  So that a missing publication is chased bilaterally before centrally, is replayed by the DIP, and every ticket ends closed and cross-referenced

  Lanternfield Energy Supply has checked its own webhook and found no IF-008 energisation status
  for the MPAN. It asks Northvale Power Networks, whose desk shows that the DIP accepted
  Northvale's message and hands the ticket back. Lanternfield then raises it with Elexon, citing
  Northvale's ticket; the DIP team replays the publication and Lanternfield confirms receipt.

  Background:
    Given Lanternfield Energy Supply has raised a priority 3 incident "IF-008 energisation status not received on our webhook" about IF-008 for MPAN 1200023304458 on its own desk
    And Northvale Power Networks expects hand-offs about IF-008
    And Northvale Power Networks rejects them as not theirs: "The DIP accepted our IF-008 for this MPAN at 09:12 (acknowledgement attached); the publication left our estate."

  @cpsd_01 @mandatory @severity_2 @p3
  Scenario: The distributor proves the DIP accepted its message and hands the ticket back
    Given Lanternfield Energy Supply has handed the incident to Northvale Power Networks
    When 10 minutes pass
    Then Northvale Power Networks' desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And the incident is handed back to Lanternfield Energy Supply with the reason "The DIP accepted our IF-008 for this MPAN at 09:12"
    And Northvale Power Networks' copy of the incident is Canceled
    And Lanternfield Energy Supply's incident is still New

  @cpsd_01b @mandatory @severity_2 @p3
  Scenario: The supplier raises the missing publication with Elexon, citing the distributor's ticket
    Given Lanternfield Energy Supply has handed the incident to Northvale Power Networks
    And 10 minutes pass
    When Lanternfield Energy Supply raises its incident with Elexon, citing Northvale Power Networks' ticket
    Then Lanternfield Energy Supply's desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And the incident shows Lanternfield Energy Supply's ticket number
    And the incident cites Northvale Power Networks' ticket number
    And the incident has priority 3

  @cpsd_01c @mandatory @severity_2 @p3
  Scenario: The DIP team replays the publication and the supplier's desk is told
    Given Lanternfield Energy Supply has handed the incident to Northvale Power Networks
    And 10 minutes pass
    And Lanternfield Energy Supply has raised its incident with Elexon, citing Northvale Power Networks' ticket
    And the incident is assigned to "DIP Manager"
    When the DIP team replays the publication
    Then Lanternfield Energy Supply is told the publication was replayed

  @cpsd_01d @mandatory @severity_2 @p3
  Scenario: The supplier confirms receipt and every ticket ends closed and cross-referenced
    Given Lanternfield Energy Supply has handed the incident to Northvale Power Networks
    And 10 minutes pass
    And Lanternfield Energy Supply has raised its incident with Elexon, citing Northvale Power Networks' ticket
    And the DIP team has replayed the publication
    And the service desk has resolved the incident with code "Solved (Permanently)" and notes "DIP egress to Lanternfield's webhook stalled after a certificate rotation; IF-008 replayed."
    When Lanternfield Energy Supply closes its incident: "Replayed IF-008 received at 11:02; energisation status now shows on the MPAN."
    Then the incident is Closed
    And Lanternfield Energy Supply's incident is Closed
    And every hand-off was delivered and names the ticket numbers on both desks
