@incident @elexon @supplier @ldso
Feature: Each party sees only its own incidents
  As a market participant
  I want my incidents hidden from other participants
  So that commercial and customer data stays with the parties entitled to it

  Background:
    Given Lanternfield Energy Supply has raised an incident "Change of supplier IF-001 rejected for MPAN 2200018342978"

  @ort_inc_060 @mandatory @severity_1
  Scenario: Another party can neither see nor change the incident
    Then Brightwell Power cannot see the incident
    And Brightwell Power cannot change the incident
    And Brightwell Power cannot read the incident's comments

  @ort_inc_061 @mandatory @severity_1
  Scenario: The raising party and the central desk see the incident
    Then Lanternfield Energy Supply can see the incident
    And Elexon can see the incident

  @ort_inc_062 @mandatory @severity_1
  Scenario: Assigning the incident to a party's group shares it with that party
    When the service desk assigns the incident to "Northvale Registration Support"
    Then Northvale Power Networks can see the incident
    And Brightwell Power cannot see the incident
