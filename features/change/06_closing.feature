@change @elexon @supplier @ldso
Feature: Closing a change with its outcome
  As a market participant told about a change
  I want every change closed with its outcome and that outcome sent to me
  So that I know whether the central service is back to normal after the window

  Background:
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the change is in Review

  @ort_chg_050 @mandatory @severity_2
  Scenario Outline: A change is closed with its outcome
    When the service desk closes the change as <outcome>
    Then the change is closed as <outcome>

    Examples: Close codes
      | outcome                |
      | successful             |
      | successful with issues |
      | unsuccessful           |

  @ort_chg_051 @mandatory @severity_2
  Scenario Outline: Closing needs a close code and close notes
    When the service desk tries to move the change to Closed without <missing>
    Then the move is refused because the change needs <missing>
    And the change is still in Review

    Examples: Mandatory on closing
      | missing      |
      | a close code |
      | close notes  |

  @ort_chg_052 @mandatory @severity_2
  Scenario: Participants are told the change is complete
    When the service desk closes the change as successful
    Then every participant is told the change is complete
