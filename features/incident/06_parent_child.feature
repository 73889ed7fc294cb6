@incident @elexon @supplier
Feature: Parent and child incidents stay in step
  As the Elexon service desk
  I want the child incidents of a parent to follow it as ServiceNow does
  So that only the parent is worked and every reporting party hears the outcome

  Background:
    Given Lanternfield Energy Supply has raised an incident "DIP publications delayed for all recipients"
    And Brightwell Power has raised 2 incidents that are children of the incident

  @ort_inc_050 @mandatory @severity_1
  Scenario: Children follow their parent into In Progress
    When the service desk moves the incident to In Progress
    Then every child incident is In Progress

  @ort_inc_051 @mandatory @severity_1
  Scenario Outline: Children follow their parent on hold for a problem, vendor or change
    Given the incident is In Progress
    When the service desk puts the incident On Hold awaiting <reason>
    Then every child incident is On Hold awaiting <reason>

    Examples: Reasons children follow
      | reason  |
      | Problem |
      | Vendor  |
      | Change  |

  @ort_inc_052 @mandatory @severity_2
  Scenario: Children do not follow a parent waiting for its caller
    Given the incident is In Progress
    When the service desk puts the incident On Hold awaiting Caller
    Then every child incident is still In Progress

  @ort_inc_053 @mandatory @severity_1
  Scenario: Resolving the parent resolves the children with its notes
    Given the incident is In Progress
    When the service desk resolves the incident with code "Solved (Permanently)" and notes "DIP message broker failed over; backlog cleared."
    Then every child incident is Resolved
    And every child incident carries the resolution notes "DIP message broker failed over; backlog cleared."

  @ort_inc_054 @mandatory @severity_2
  Scenario: Closing the parent leaves the children to close on their own
    Given the incident is Resolved
    When the service desk moves the incident to Closed
    Then every child incident is still Resolved

  @ort_inc_055 @severity_2
  Scenario: Cancelling the parent does not touch the children
    When the service desk moves the incident to Canceled
    Then every child incident is still New

  @ort_inc_056 @mandatory @severity_2
  Scenario: Children stop following a parent proposed as a major incident
    Given the incident is proposed as a major incident
    When the service desk moves the incident to In Progress
    Then every child incident is still New

  @ort_inc_057 @mandatory @severity_2
  Scenario: An agent reopening the parent reopens the children
    Given the incident is Resolved
    When the service desk reopens the incident
    Then every child incident is In Progress

  @ort_inc_058 @mandatory @severity_2
  Scenario: A caller reopening the parent reopens only the parent
    Given the incident is Resolved
    When the caller reopens the incident
    Then the incident is In Progress
    And every child incident is still Resolved
