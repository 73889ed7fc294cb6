@cpsd @elexon @supplier @virtual_time @p1
Feature: A DIP outage is a major incident
  As the Elexon major incident manager
  I want the first report of a DIP outage declared a priority 1 major incident, the later reports joined to it as children, and every DIP user told on a cadence until it is resolved
  So that the outage is worked once, every participant knows where it stands, and every reporter hears the resolution on its own desk

  Each party reports the outage from its own desk to Elexon's; Elexon's record carries the party's
  ticket number and the party's ticket carries Elexon's. ServiceNow stops synchronising children
  once their parent is proposed or accepted as a major incident, so when the major incident is
  resolved the major incident manager gives every child its resolution in one explicit action,
  recorded on each child and on the major incident.

  Background:
    Given it is Tuesday 22 December 2026 at 09:40
    And Lanternfield Energy Supply has reported "No DIP publications received by any recipient since 09:35" to Elexon in category "DIP outage"

  @cpsd_02 @mandatory @severity_1
  Scenario: The first report of the outage becomes a priority 1 major incident and every DIP user is told
    Given the incident is proposed as a major incident
    And it is Tuesday 22 December 2026 at 09:48
    When the major incident manager accepts the incident as a major incident
    Then the incident is accepted as a major incident
    And the incident has priority 1
    And the incident shows Lanternfield Energy Supply's ticket number
    And the first major incident notice is sent at Tuesday 22 December 2026 at 09:48
    And the first major incident notice is sent within the agreed time
    And every participant receives every major incident notice
    And the incident's response target is Tuesday 22 December 2026 at 09:55
    And the incident's resolution target is Tuesday 22 December 2026 at 15:40

  @cpsd_02b @mandatory @severity_1 @ldso @sds
  Scenario: Later reports of the outage become children of the major incident
    Given the incident is accepted as a major incident
    And Brightwell Power, Northvale Power Networks and Saltmarsh Smart Data have reported the same fault to Elexon within 9 minutes
    When the service desk makes the later reports children of the incident
    Then the incident has 3 child incidents
    And every child incident shows its reporting party's ticket number
    And the incident is still accepted as a major incident

  @cpsd_02c @mandatory @severity_1
  Scenario: Every DIP user is updated every half hour while the outage lasts
    Given the incident is accepted as a major incident
    When it is Tuesday 22 December 2026 at 11:15
    Then major incident updates are sent at Tuesday 22 December 2026 at 10:10, 10:40 and 11:10
    And every participant receives every major incident notice

  @cpsd_02d @mandatory @severity_1 @sds
  Scenario: The outage is resolved within six hours, every DIP user is told and the review is opened
    Given the incident is accepted as a major incident
    And Brightwell Power and Saltmarsh Smart Data have reported the same fault to Elexon
    And the service desk has made the later reports children of the incident
    And it is Tuesday 22 December 2026 at 14:05
    When the service desk resolves the incident with code "Solved (Permanently)" and notes "DIP message broker failed over to the standby cluster; publication backlog replayed."
    Then the incident's resolution SLA is achieved
    And the major incident resolution notice is sent at Tuesday 22 December 2026 at 14:05
    And every participant receives every major incident notice
    And Lanternfield Energy Supply's copy of the incident is Resolved
    And a post incident review is due by Thursday 31 December 2026 at 14:05
    And every child incident is still New

  @cpsd_02e @mandatory @severity_1 @ldso @sds
  Scenario: The major incident manager gives every child the major incident's resolution
    Given the incident is accepted as a major incident
    And Brightwell Power, Northvale Power Networks and Saltmarsh Smart Data have reported the same fault to Elexon
    And the service desk has made the later reports children of the incident
    And the service desk has resolved the incident with code "Solved (Permanently)" and notes "DIP message broker failed over to the standby cluster; publication backlog replayed."
    When the major incident manager resolves the child incidents with the major incident's resolution
    Then every child incident is Resolved
    And every child incident carries the resolution notes "DIP message broker failed over to the standby cluster; publication backlog replayed."
    And every child incident's work notes say "Resolved with major incident"
    And the incident's work notes say "3 child incident(s) resolved with this major incident's resolution"
    And every reporting party's own incident is Resolved
    And every reporting party's own incident carries the resolution notes "DIP message broker failed over to the standby cluster; publication backlog replayed."

  @cpsd_02f @severity_2 @expected_breach
  Scenario: An outage still open after six hours breaches its resolution target
    Given the incident is accepted as a major incident
    When it is Tuesday 22 December 2026 at 16:00
    Then the incident's resolution SLA is breached
    And the resolution SLA breach is notified at Tuesday 22 December 2026 at 15:40
