@request @elexon @supplier
Feature: Service request lifecycle
  As the DIP Manager team
  I want portal requests to move only along ServiceNow's request states
  So that every participant can trust what its request's state tells it

  Background:
    Given Lanternfield Energy Supply requests DIP onboarding through the portal

  Rule: Every legal move is accepted

    @ort_req_001 @mandatory @severity_1
    Scenario Outline: The DIP team moves a request along the lifecycle
      Given the request is <from>
      When the DIP team moves the request to <to>
      Then the request is <to>

      Examples: Legal transitions
        | from       | to                |
        | Requested  | In Process        |
        | Requested  | Closed Cancelled  |
        | In Process | Closed Complete   |
        | In Process | Closed Incomplete |
        | In Process | Closed Cancelled  |

  Rule: An illegal move is refused with a reason that names the request and both states

    @ort_req_002 @mandatory @severity_2
    Scenario Outline: The DIP team cannot skip or reverse the lifecycle
      Given the request is <from>
      When the DIP team tries to move the request to <to>
      Then the move is refused, naming the request, <from> and <to>
      And the request is still <from>

      Examples: Illegal transitions
        | from              | to                |
        | Requested         | Closed Complete   |
        | Requested         | Closed Incomplete |
        | In Process        | Requested         |
        | Closed Complete   | In Process        |
        | Closed Complete   | Closed Cancelled  |
        | Closed Incomplete | Closed Complete   |
        | Closed Cancelled  | In Process        |
        | Closed Cancelled  | Requested         |

  Rule: The requesting party may cancel its request but not work it

    @ort_req_003 @severity_2
    Scenario: The requester cancels a request the DIP team has not started
      When the requester cancels the request
      Then the request is Closed Cancelled

    @ort_req_004 @severity_2
    Scenario: The requester cannot start fulfilment of its own request
      When the requester tries to move the request to In Process
      Then the move is refused because only the fulfilling team may do this
      And the request is still Requested
