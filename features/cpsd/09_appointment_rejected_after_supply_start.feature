@cpsd @supplier @elexon
Feature: An appointment is rejected because the change of supplier was processed after the supply start date
  As the Elexon service desk
  I want this rejection recognised as the expected behaviour it is, answered as a business query, and raised as an incident only when registration processing was late
  So that the supplier resubmits as CSP without an incident, and a late registration reaches the distributor that processed it

  Lanternfield Energy Supply's appointment for an MPAN was rejected: the change of supplier was
  processed after the supply start date, so the supplier must resubmit the appointment as CSP.

  @cpsd_09 @mandatory @severity_2
  Scenario: The rejection is expected behaviour: a business query, not an incident
    Given Lanternfield Energy Supply contacts the service desk about "IF-001 appointment rejected: change of supplier processed after the supply start date"
    When the service desk triages the contact as a business query
    Then the contact carries no incident SLA
    And the contact is routed to "Business Support"

  @cpsd_09b @severity_3
  Scenario: Business Support tells the supplier how to resubmit and closes the contact
    Given Lanternfield Energy Supply contacts the service desk about "IF-001 appointment rejected: change of supplier processed after the supply start date"
    And the service desk triages the contact as a business query
    When Business Support answers the contact
    Then the contact is closed with "Answered"
    And the contact carries no incident SLA

  @cpsd_09c @mandatory @severity_2 @ldso @p3
  Scenario: Registration processing was late: the supplier raises it with the distributor, not Elexon
    Given Lanternfield Energy Supply has raised a priority 3 incident "Change of supplier registered two days after the supply start date; appointment rejected" about IF-001 for MPAN 1200023304458 on its own desk
    And Northvale Power Networks expects hand-offs about IF-001
    When Lanternfield Energy Supply hands the incident to Northvale Power Networks
    Then Northvale Power Networks' desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And the incident shows Northvale Power Networks' ticket number
    And Elexon's desk holds no copy of the incident
