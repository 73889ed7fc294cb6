@cpsd @elexon @sds @ads @virtual_time @p1
Feature: An MDS failure that puts a settlement run at risk is a major incident
  As the Elexon major incident manager
  I want an MDS failure that threatens a settlement run declared a major incident at once, every participant told before anyone calls, the data services' reports joined to it and the run decision recorded
  So that participants plan around the run, the failure is worked once, and its cause is reviewed and fixed for good

  Elexon detects the failure itself and raises the incident; the data services that notice their
  consumption is not being validated report it from their own desks, and their reports become
  children of Elexon's major incident.

  Background:
    Given it is Tuesday 22 December 2026 at 04:50
    And the service desk has raised a priority 1 incident "MDS has stopped validating IF-021 consumption since 04:30; the 06:00 SF run is at risk" in category "Market-wide Data Service"

  @cpsd_14 @mandatory @severity_1 @supplier @ldso @mss
  Scenario: Elexon declares the MDS failure a major incident and tells every participant before anyone reports it
    Given the incident is proposed as a major incident
    When the major incident manager accepts the incident as a major incident
    Then the incident is accepted as a major incident
    And the first major incident notice is sent at Tuesday 22 December 2026 at 04:50
    And every participant receives every major incident notice
    And the incident's resolution target is Tuesday 22 December 2026 at 08:50

  @cpsd_14b @mandatory @severity_1
  Scenario: The data services' reports become children of the MDS major incident
    Given the incident is accepted as a major incident
    And Saltmarsh Smart Data and Oakridge Advanced Data have reported the same fault to Elexon within 20 minutes
    When the service desk makes the later reports children of the incident
    Then the incident has 2 child incidents
    And every child incident shows its reporting party's ticket number

  @cpsd_14c @mandatory @severity_1
  Scenario: The settlement run decision is recorded on the major incident and reaches every reporting party
    Given the incident is accepted as a major incident
    And Saltmarsh Smart Data and Oakridge Advanced Data have reported the same fault to Elexon within 20 minutes
    And the service desk has made the later reports children of the incident
    When the major incident manager records the settlement run decision "The SF run for 15 December goes ahead at 06:00 on the consumption MDS validated by 04:30; later IF-021 submissions settle in the R1 run."
    Then the incident records the settlement run decision "The SF run for 15 December goes ahead at 06:00 on the consumption MDS validated by 04:30; later IF-021 submissions settle in the R1 run."
    And every reporting party is told "The SF run for 15 December goes ahead at 06:00" on its own desk

  @cpsd_14d @mandatory @severity_2
  Scenario: The resolved MDS major incident has its review and a problem for the root cause
    Given the incident is accepted as a major incident
    And it is Tuesday 22 December 2026 at 08:35
    And the service desk has resolved the incident with code "Solved (Permanently)" and notes "MDS validation workers restarted with the corrected settlement-date rule; backlog validated by 08:30."
    When the service desk raises a problem for the incident
    Then the incident is linked to the problem
    And the incident is still Resolved
    And the incident's resolution SLA is achieved
    And the problem is New
    And a post incident review is due by Thursday 31 December 2026 at 08:35
