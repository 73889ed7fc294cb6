Feature: Recurring incidents become a problem
  As the Elexon problem manager
  I want recurring incidents grouped under a problem
  So that the root cause is fixed once

  @problem @elexon @severity_3 @p3 @sit_ops_retest @ort_prb_001
  Scenario: The third occurrence opens a problem
    Given three incidents with the same symptom
    When the third incident is resolved
    Then a problem links all three

  @problem @elexon @severity_3 @p3 @sit_ops_retest @ort_prb_002
  Scenario: A known error publishes its workaround
    Given a problem in root cause analysis
    When the problem is marked as a known error
    Then the problem is in state Root Cause Analysis
