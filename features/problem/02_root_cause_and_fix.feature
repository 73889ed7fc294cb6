@problem @elexon
Feature: Root cause, fix and accepted risk
  As Elexon's problem manager
  I want a problem to end only with a recorded fix, an accepted risk, a cancellation or a duplicate
  So that the reason a fault stopped recurring is on record for every party

  Background:
    Given the service desk has raised a problem "MDS rejects valid IF-021 submissions after midnight"

  @ort_prb_010 @mandatory @severity_1
  Scenario: A problem is resolved with the fix that was applied
    When the problem is resolved with the fix "MDS validation rule for settlement date corrected in release 4.2."
    Then the problem is Resolved

  @ort_prb_011 @mandatory @severity_2
  Scenario: Resolving with a fix needs fix notes
    Given the problem is Fix in Progress
    When the service desk tries to move the problem to Resolved without fix notes
    Then the move is refused because the problem needs fix notes
    And the problem is still in Fix in Progress

  @ort_prb_012 @severity_2
  Scenario: A problem whose risk is accepted is resolved without a fix
    When the service desk accepts the risk of the problem
    Then the problem is Resolved

  @ort_prb_013 @severity_3
  Scenario: A fix that did not hold sends the problem back to root cause analysis
    Given the problem is Resolved
    When the service desk moves the problem to Root Cause Analysis
    Then the problem is in Root Cause Analysis

  @ort_prb_014 @mandatory @severity_2
  Scenario: A problem that is not a problem after all is canceled
    Given the problem is Assess
    When the service desk cancels the problem
    Then the problem is closed as Canceled
