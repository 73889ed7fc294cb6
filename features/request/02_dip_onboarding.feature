@request @elexon @supplier @ldso
Feature: DIP onboarding and role changes through the portal
  As a market participant joining or changing its place on the DIP
  I want to ask on the Elexon Portal and have the DIP Manager team fulfil it
  So that my onboarding is tracked, owned and measured instead of lost in e-mail

  @ort_req_010 @mandatory @severity_2
  Scenario Outline: A DIP request goes to the DIP Manager team
    When <party> requests <kind> through the portal
    Then the request is Requested
    And the request is assigned to "DIP Manager"

    Examples: DIP requests from the portal
      | party                      | kind              |
      | Lanternfield Energy Supply | DIP onboarding    |
      | Northvale Power Networks   | a DIP role change |

  @ort_req_011 @severity_3
  Scenario: A portal access request goes to Elexon Portal Support
    When Brightwell Power requests portal access through the portal
    Then the request is assigned to "Elexon Portal Support"

  @ort_req_012 @mandatory @severity_2
  Scenario: The DIP team fulfils an onboarding request
    Given Lanternfield Energy Supply requests DIP onboarding through the portal
    When the DIP team fulfils the request
    Then the request was fulfilled by the DIP team
