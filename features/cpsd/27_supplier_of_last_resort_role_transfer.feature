@cpsd @elexon @supplier @virtual_time
Feature: Supplier of Last Resort: the failed supplier's DIP roles move to the incoming supplier
  As the supplier appointed Supplier of Last Resort
  I want to ask the DIP Manager team on the portal to move the failed supplier's DIP roles to me, verified, with instructions to both of us
  So that the failed supplier's customers' data keeps flowing to a live supplier from the day of transfer

  The incoming supplier raises a service request, not an incident; the failed supplier does not
  see the request but receives the transfer instructions at its own service desk.

  Background:
    Given it is Friday 4 December 2026 at 15:00

  @cpsd_27 @mandatory @severity_1
  Scenario: The incoming supplier's request goes to the DIP Manager team with a one business day target
    When Lanternfield Energy Supply requests the transfer of Brightwell Power's DIP roles as Supplier of Last Resort
    Then the request is Requested
    And the request is assigned to "DIP Manager"
    And the request's resolution target is Monday 7 December 2026 at 15:00
    And Lanternfield Energy Supply can see the request
    And Brightwell Power cannot see the request

  @cpsd_27b @mandatory @severity_1
  Scenario: Once the transfer is verified, the instructions reach the incoming and the failed supplier
    Given Lanternfield Energy Supply requests the transfer of Brightwell Power's DIP roles as Supplier of Last Resort
    And the DIP team verifies the role transfer
    When the DIP team sends the transfer instructions
    Then the transfer instructions are sent to Lanternfield Energy Supply and Brightwell Power

  @cpsd_27c @mandatory @severity_1
  Scenario: The DIP team closes the verified and instructed transfer within its target
    Given Lanternfield Energy Supply requests the transfer of Brightwell Power's DIP roles as Supplier of Last Resort
    And the DIP team verifies the role transfer
    And the DIP team sends the transfer instructions
    And it is Monday 7 December 2026 at 11:00
    When the DIP team fulfils the request
    Then the request is Closed Complete
    And the request was fulfilled by the DIP team
    And the request shows the role transfer verified and its instructions sent
    And the request's resolution SLA is achieved

  @cpsd_27d @mandatory @severity_2
  Scenario: No instructions go out before the transfer is verified
    Given Lanternfield Energy Supply requests the transfer of Brightwell Power's DIP roles as Supplier of Last Resort
    When the DIP team tries to send the transfer instructions
    Then the request is refused because the role transfer is not yet verified

  @cpsd_27e @severity_2 @expected_breach
  Scenario: A transfer still open after one business day breaches its target
    Given Lanternfield Energy Supply requests the transfer of Brightwell Power's DIP roles as Supplier of Last Resort
    And the DIP team verifies the role transfer
    When it is Monday 7 December 2026 at 16:00
    Then the request's resolution SLA is breached
    And the resolution SLA breach is notified at Monday 7 December 2026 at 15:00
