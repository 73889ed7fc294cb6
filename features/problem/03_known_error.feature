@problem @elexon @supplier
Feature: Known errors and their workarounds
  As a market participant whose incidents wait on a problem
  I want a known error to come with a workaround I can apply now
  So that settlement data keeps flowing while the permanent fix is built

  Background:
    Given Lanternfield Energy Supply has raised an incident "IF-021 report for 14 November missing for MPAN 1200023304458"
    And the service desk raises a problem for the incident
    And the problem is Root Cause Analysis

  @ort_prb_020 @mandatory @severity_2
  Scenario: A problem is published as a known error with its workaround
    When the problem is published as a known error with the workaround "Request a replay with IF-015 until the fix is live."
    Then the problem is a known error with the workaround "Request a replay with IF-015 until the fix is live."

  @ort_prb_021 @mandatory @severity_2
  Scenario: The workaround reaches the incidents waiting on the problem
    When the problem is published as a known error with the workaround "Request a replay with IF-015 until the fix is live."
    Then the incident's work notes say "Request a replay with IF-015 until the fix is live."
    And the incident's work notes name the problem

  @ort_prb_022 @mandatory @severity_2 @sit_ops_retest
  Scenario: SIT-OPS-017 retest: a known error cannot be published without a workaround
    When the service desk tries to publish the problem as a known error without a workaround
    Then the refusal names the problem and says "workaround is mandatory"
    And the problem is not a known error
