@triage @elexon @supplier
Feature: Triage outcomes at the central service desk
  As the Elexon service desk
  I want every contact classified as an incident, a request, a business query or a referral
  So that each one is worked by the right process, and only faults carry incident targets

  Background:
    Given Lanternfield Energy Supply contacts the service desk about "IF-021 consumption submissions rejected since 06:00"

  @ort_tri_001 @mandatory @severity_1
  Scenario: A broken service becomes an incident for the contacting party
    When the service desk triages the contact as an incident
    Then the contact is closed with "Incident raised"
    And the contact is linked to the incident it raised
    And the incident is New
    And Lanternfield Energy Supply can see the incident

  @ort_tri_002 @mandatory @severity_2
  Scenario: A standard ask becomes a service request for the contacting party
    When the service desk triages the contact as a request for portal access
    Then the contact is closed with "Request raised"
    And the contact is linked to the request it raised
    And the request is assigned to "Elexon Portal Support"
    And Lanternfield Energy Supply can see the request

  @ort_tri_003 @mandatory @severity_2
  Scenario: A question about market rules goes to Business Support
    When the service desk triages the contact as a business query
    Then the contact is Work in Progress
    And the contact is routed to "Business Support"

  @ort_tri_004 @mandatory @severity_2
  Scenario: A fault in another participant's estate is referred to that participant
    When the service desk refers the contact to Northvale Power Networks
    Then the contact is closed with "Referred"
    And the contact records the referral to Northvale Power Networks

  @ort_tri_005 @severity_3
  Scenario: A new contact waits with the first line
    Then the contact is New
    And the contact is routed to "Elexon Service Desk"
