@request @virtual_time @elexon @supplier
Feature: Service request targets
  As a service manager
  I want portal requests to carry their own response and fulfilment targets, in business hours
  So that requests are measured apart from incidents and none is left waiting

  @ort_req_050 @mandatory @severity_2
  Scenario: A DIP request is picked up within a business day and fulfilled within five
    Given it is Wednesday 2 December 2026 at 10:00
    When Lanternfield Energy Supply requests DIP onboarding through the portal
    Then the request's response target is Thursday 3 December 2026 at 10:00
    And the request's resolution target is Wednesday 9 December 2026 at 10:00

  @ort_req_051 @mandatory @severity_2
  Scenario: A Supplier of Last Resort transfer must be fulfilled within one business day
    Given it is Friday 4 December 2026 at 15:00
    When Lanternfield Energy Supply requests the transfer of Brightwell Power's DIP roles as Supplier of Last Resort
    Then the request's resolution target is Monday 7 December 2026 at 15:00

  @ort_req_052 @severity_2 @expected_breach
  Scenario: A request left unfulfilled breaches, and the breach is notified
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply requests DIP onboarding through the portal
    And the request is In Process
    When 2 weeks pass
    Then the request's resolution SLA is breached
    And the resolution SLA breach is notified at Wednesday 9 December 2026 at 10:00
    And the request's response SLA is achieved

  @ort_req_053 @severity_3
  Scenario: Fulfilling in time achieves the target
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply requests DIP onboarding through the portal
    And 3 days pass
    When the DIP team fulfils the request
    Then the request's resolution SLA is achieved
    And no resolution SLA breach is notified

  @ort_req_054 @severity_3
  Scenario: Cancelling a request cancels its targets
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply requests DIP onboarding through the portal
    When the requester cancels the request
    Then the request's response SLA is cancelled
    And the request's resolution SLA is cancelled
