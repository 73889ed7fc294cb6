@request @elexon @supplier
Feature: Each party sees only its own requests
  As a market participant
  I want my portal requests hidden from other participants
  So that my onboarding, offboarding and commercial plans stay confidential

  Background:
    Given Lanternfield Energy Supply requests DIP onboarding through the portal

  @ort_req_040 @mandatory @severity_1
  Scenario: Another party cannot see the request
    Then Brightwell Power cannot see the request

  @ort_req_041 @mandatory @severity_1
  Scenario: The requesting party and the central desk see the request
    Then Lanternfield Energy Supply can see the request
    And Elexon can see the request

  @ort_req_042 @sit_ops_retest @severity_1
  Scenario: SIT-OPS-037 retest: a supplier's offboarding request showed on another supplier's portal
    When Brightwell Power requests DIP offboarding from 31 January 2027 because "Exiting the market"
    Then Lanternfield Energy Supply cannot see the request
    And Brightwell Power can see the request
