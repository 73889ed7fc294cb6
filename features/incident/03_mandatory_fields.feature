@incident @elexon @supplier
Feature: Mandatory fields on an incident
  As the Elexon service desk
  I want a move to be refused while the fields it needs are empty
  So that every party can see why an incident waits and how it was resolved

  Background:
    Given Lanternfield Energy Supply has raised an incident "Consumption for MPAN 1900091347815 rejected by MDS"

  @ort_inc_020 @mandatory @severity_2
  Scenario: Putting an incident on hold needs a reason
    When the service desk tries to move the incident to On Hold without an on hold reason
    Then the move is refused because the on hold reason is mandatory
    And the incident is still New

  @ort_inc_021 @mandatory @severity_2
  Scenario Outline: Resolving an incident needs a resolution code and notes
    Given the incident is In Progress
    When the service desk tries to move the incident to Resolved without <missing>
    Then the move is refused because <missing> is mandatory
    And the incident is still In Progress

    Examples: Missing resolution fields
      | missing              |
      | a resolution code    |
      | resolution notes     |

  @ort_inc_022 @severity_3
  Scenario: A resolved incident cannot lose its resolution notes
    Given the incident is Resolved
    When the service desk tries to clear the resolution notes
    Then the move is refused because resolution notes is mandatory
    And the incident is still Resolved
