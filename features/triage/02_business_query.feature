@triage @elexon @supplier
Feature: Business queries carry no incident targets
  As a service manager
  I want questions about market rules answered by Business Support, outside incident management
  So that incident figures and SLA reports count only real faults

  Background:
    Given Brightwell Power contacts the service desk about "Which settlement run applies to the 14 November reconciliation?"

  @ort_tri_010 @mandatory @severity_2
  Scenario: A business query carries no incident SLA
    When the service desk triages the contact as a business query
    Then the contact carries no incident SLA
    And the contact is routed to "Business Support"

  @ort_tri_011 @severity_3
  Scenario: Business Support answers the query and closes the contact
    Given the service desk triages the contact as a business query
    When Business Support answers the contact
    Then the contact is closed with "Answered"

  @ort_tri_012 @sit_ops_retest @severity_2
  Scenario: SIT-OPS-052 retest: closing an answered business query started an incident SLA
    Given the service desk triages the contact as a business query
    When Business Support answers the contact
    Then the contact carries no incident SLA
