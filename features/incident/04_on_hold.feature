@incident @elexon @supplier
Feature: Holding and resuming an incident
  As the Elexon service desk
  I want an incident on hold to say what it waits for, and to resume when the caller answers
  So that nobody is left waiting on a party that has already replied

  Background:
    Given Lanternfield Energy Supply has raised an incident "Appointment for MPAN 1400057398210 rejected by the Registration Service"
    And the incident is In Progress

  @ort_inc_030 @mandatory @severity_2
  Scenario Outline: An incident waits for a stated reason
    When the service desk puts the incident On Hold awaiting <reason>
    Then the incident is On Hold awaiting <reason>

    Examples: On hold reasons
      | reason  |
      | Caller  |
      | Problem |
      | Vendor  |
      | Change  |

  @ort_inc_031 @mandatory @severity_2
  Scenario: The caller's answer returns the incident to In Progress
    Given the incident is On Hold awaiting Caller
    When the caller adds the comment "The MPAN was energised on 3 November; flow attached."
    Then the incident is In Progress

  @ort_inc_032 @severity_3
  Scenario: An agent's comment leaves the incident waiting for the caller
    Given the incident is On Hold awaiting Caller
    When the service desk adds the comment "Please send the IF-008 transaction id."
    Then the incident is On Hold awaiting Caller

  @ort_inc_033 @severity_3
  Scenario: The service desk resumes an incident waiting for a vendor
    Given the incident is On Hold awaiting Vendor
    When the service desk moves the incident to In Progress
    Then the incident is In Progress
    And the incident has no on hold reason
