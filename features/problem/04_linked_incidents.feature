@problem @elexon @supplier
Feature: Incidents wait for their problem and close with its fix
  As a market participant whose incident is caused by a known problem
  I want my incident to wait for the problem and to be resolved with the problem's fix
  So that I hear the permanent fix without chasing the central desk

  Background:
    Given Lanternfield Energy Supply has raised an incident "Appointment for MPAN 1400057398210 rejected by the Registration Service"
    And the incident is In Progress
    And the service desk has raised a problem "Registration Service rejects appointments sent within a minute of a change of supply"

  @ort_prb_030 @mandatory @severity_1
  Scenario: Linking an incident to a problem puts it on hold awaiting the problem
    When the service desk links the incident to the problem
    Then the incident is linked to the problem
    And the incident is On Hold awaiting Problem
    And the incident's work notes name the problem

  @ort_prb_031 @mandatory @severity_1
  Scenario: Resolving the problem with a fix resolves the incidents waiting on it
    Given the service desk links the incident to the problem
    When the problem is resolved with the fix "Registration Service queues appointments until the change of supply is committed."
    Then the incident is Resolved
    And the incident shows the resolution "Solved (Permanently)" with notes "Registration Service queues appointments until the change of supply is committed."
    And the incident's work notes name the problem

  @ort_prb_032 @mandatory @severity_1 @sit_ops_retest
  Scenario: SIT-OPS-014 retest: a problem's linked incidents no longer stay on hold after it is resolved
    Given the service desk links the incident to the problem
    And the problem is Fix in Progress
    When the service desk moves the problem to Resolved
    Then the incident is Resolved

  @ort_prb_033 @severity_2
  Scenario: Canceling the problem returns its incidents to work
    Given the service desk links the incident to the problem
    When the service desk cancels the problem
    Then the incident is In Progress
    And the incident has no on hold reason

  @ort_prb_034 @severity_2
  Scenario: Accepting the problem's risk returns its incidents to work
    Given the service desk links the incident to the problem
    When the service desk accepts the risk of the problem
    Then the incident is In Progress

  @ort_prb_035 @severity_2
  Scenario: A problem raised from an incident is linked to it at once
    When the service desk raises a problem for the incident
    Then the incident is linked to the problem
    And the incident is On Hold awaiting Problem
