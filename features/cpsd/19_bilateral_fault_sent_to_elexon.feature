@cpsd @supplier @ldso @elexon @virtual_time
Feature: A bilateral fault sent to Elexon by mistake
  As the Elexon service desk
  I want a contact about a fault in another participant's estate redirected to that participant's desk, closed as referred, with the time to redirect measured
  So that bilateral faults go bilaterally, the central desk is not the middleman, and misrouting shows in the figures

  Lanternfield Energy Supply contacts Elexon about an IF-008 energisation status that Northvale
  Power Networks should have sent; the fault is in Northvale's estate, not in a central service.

  Background:
    Given it is Monday 7 December 2026 at 09:00
    And Lanternfield Energy Supply contacts the service desk about "IF-008 energisation status for MPAN 1200023304458 not sent by Northvale since Friday"

  @cpsd_19 @mandatory @severity_2
  Scenario: Triage redirects the contact to the distributor's desk and measures the time to redirect
    Given 15 minutes pass
    When the service desk refers the contact to Northvale Power Networks
    Then the contact is closed as referred after 15 minutes
    And the contact records the referral to Northvale Power Networks
    And the caller is told to contact Northvale Power Networks
    And the contact carries no incident SLA

  @cpsd_19b @severity_3
  Scenario: The referral itself tells the distributor nothing: the supplier raises it bilaterally
    When the service desk refers the contact to Northvale Power Networks
    Then Northvale Power Networks cannot see the contact
    And the contact is closed with "Referred"

  @cpsd_19c @mandatory @severity_2 @p3
  Scenario: After the referral the supplier hands the fault to the distributor's desk directly
    Given the service desk refers the contact to Northvale Power Networks
    And Lanternfield Energy Supply has raised a priority 3 incident "IF-008 energisation status not sent since Friday" about IF-008 for MPAN 1200023304458 on its own desk
    And Northvale Power Networks expects hand-offs about IF-008
    When Lanternfield Energy Supply hands the incident to Northvale Power Networks
    Then Northvale Power Networks' desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And the incident shows Northvale Power Networks' ticket number
    And Elexon's desk holds no copy of the incident
