@cpsd @supplier @elexon
Feature: A business query is not an incident
  As a service manager
  I want a participant's question about market rules routed to Business Support and kept out of incident management
  So that nobody's incident targets run for a question, and incident figures count only faults

  Brightwell Power asks which settlement run applies to a reconciliation. Nothing is broken.

  Background:
    Given Brightwell Power contacts the service desk about "Which settlement run applies to the 14 November reconciliation of our half-hourly volumes?"

  @cpsd_20 @mandatory @severity_2
  Scenario: The query goes to Business Support with no incident SLA
    When the service desk triages the contact as a business query
    Then the contact is routed to "Business Support"
    And the contact carries no incident SLA
    And the contact is Work in Progress

  @cpsd_20b @severity_3
  Scenario: Business Support answers the query and the contact closes without an incident
    Given the service desk triages the contact as a business query
    When Business Support answers the contact
    Then the contact is closed with "Answered"
    And the contact carries no incident SLA
