@triage @elexon @supplier
Feature: Only the central service desk triages contacts
  As the Elexon service desk
  I want classification reserved to the central desk's agents
  So that a participant cannot route its own contact around triage

  Background:
    Given Lanternfield Energy Supply contacts the service desk about "Portal shows our DIP certificate as expired"

  @ort_tri_030 @mandatory @severity_2
  Scenario: A requester cannot classify a contact
    When the caller tries to triage the contact as an incident
    Then the triage is refused because only the central service desk triages contacts
    And the contact is still New

  @ort_tri_031 @severity_2
  Scenario: A participant's own agent cannot classify its contact
    When Lanternfield Energy Supply tries to triage the contact as a business query
    Then the triage is refused because only the central service desk triages contacts
    And the contact is still New

  @ort_tri_032 @severity_3
  Scenario: A closed contact cannot be classified again
    Given the service desk triages the contact as an incident
    When the service desk tries to triage the contact as a business query
    Then the triage is refused because its classification cannot change
    And the contact is still Closed Complete
