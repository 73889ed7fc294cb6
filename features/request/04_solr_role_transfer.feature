@request @elexon @supplier
Feature: Supplier of Last Resort: DIP role transfer
  As the DIP Manager team
  I want a failed supplier's DIP roles moved to the incoming supplier only once verified
  So that no customer's data is lost or sent to the wrong supplier on the day of transfer

  Background:
    Given Lanternfield Energy Supply requests the transfer of Brightwell Power's DIP roles as Supplier of Last Resort

  @ort_req_030 @mandatory @severity_1
  Scenario: The transfer completes once verified and the instructions are sent
    Given the DIP team verifies the role transfer
    And the DIP team sends the transfer instructions
    When the DIP team fulfils the request
    Then the request is Closed Complete
    And the request shows the role transfer verified and its instructions sent

  @ort_req_031 @mandatory @severity_1
  Scenario: The instructions go to both suppliers' desks
    Given the DIP team verifies the role transfer
    When the DIP team sends the transfer instructions
    Then the transfer instructions are sent to Lanternfield Energy Supply and Brightwell Power

  @ort_req_032 @mandatory @severity_2
  Scenario: Instructions cannot be sent before the transfer is verified
    When the DIP team tries to send the transfer instructions
    Then the request is refused because the role transfer is not yet verified

  @ort_req_033 @sit_ops_retest @severity_1
  Scenario: SIT-OPS-044 retest: a role transfer could be closed before its instructions were sent
    Given the DIP team verifies the role transfer
    When the DIP team tries to fulfil the request
    Then the move is refused because only a request whose fulfilment checks are all done may close complete
    And the request is still In Process
