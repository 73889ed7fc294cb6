@cpsd @supplier @elexon @virtual_time
Feature: An incident is reopened after a disputed resolution
  As the Elexon service desk
  I want a resolution that the reporting party disputes reopened the way ServiceNow reopens it, on every desk that holds it, and then triaged again
  So that an agent's reopen brings every linked report back, a requester's dispute reopens only its own incident, and nobody's ticket stays resolved by mistake

  Lanternfield Energy Supply and Brightwell Power reported the same IF-021 fault from their own
  desks; Brightwell's report is a child of Lanternfield's. Elexon resolved the parent, and the
  resolution reached both parties' own desks.

  Background:
    Given it is Tuesday 8 December 2026 at 09:00
    And Lanternfield Energy Supply has reported "IF-021 consumption reports missing since 06:00" to Elexon in category "DIP message processing failure"
    And Brightwell Power has reported the same fault to Elexon
    And the service desk has made the later reports children of the incident

  @cpsd_29 @mandatory @severity_2
  Scenario: An agent reopening the parent reopens the children and tells every reporting party
    Given the service desk has resolved the incident with code "Solved (Permanently)" and notes "IF-021 egress queue restarted; reports redelivered."
    When the service desk reopens the incident
    Then the incident is In Progress
    And every child incident is In Progress
    And every reporting party's own incident is In Progress
    And the incident has been reopened 1 time

  @cpsd_29b @mandatory @severity_2
  Scenario: A requester disputing on its own desk reopens only the parent
    Given the service desk has resolved the incident with code "Solved (Permanently)" and notes "IF-021 egress queue restarted; reports redelivered."
    When Lanternfield Energy Supply reopens its incident: "Reports for 7 December are still missing; only 8 December was redelivered."
    Then the incident is In Progress
    And every child incident is still Resolved
    And Brightwell Power's incident is still Resolved
    And the incident carries the comment "only 8 December was redelivered" exactly once

  @cpsd_29c @mandatory @severity_2 @ldso
  Scenario: The reopened incident is triaged again and handed to the party whose estate the dispute points to
    Given the service desk has resolved the incident with code "Solved (Permanently)" and notes "IF-021 egress queue restarted; reports redelivered."
    And 2 hours pass
    And Lanternfield Energy Supply has reopened its incident: "Reports are missing only for MPANs that Northvale registered on 7 December."
    When the service desk assigns the incident to "Northvale Registration Support"
    Then Northvale Power Networks' desk has the incident
    And the incident shows Lanternfield Energy Supply's ticket number
    And the incident has been reopened 1 time
    And every child incident is still Resolved
