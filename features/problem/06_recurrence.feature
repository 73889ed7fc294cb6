@problem @elexon @supplier @ldso
Feature: Recurring incidents open a problem
  As Elexon's problem manager
  I want the third occurrence of the same symptom in a month to open a problem by itself
  So that recurring faults get a root cause instead of being fixed one ticket at a time

  Background:
    Given it is Monday 2 November 2026 at 09:00
    And Brightwell Power has raised an incident about IF-021 in category "DIP message processing failure"
    And 6 days pass
    And Northvale Power Networks has raised an incident about IF-021 in category "DIP message processing failure"

  @ort_prb_050 @mandatory @severity_2 @virtual_time
  Scenario: The third occurrence within the window opens a problem for all three incidents
    Given 10 days pass
    When Lanternfield Energy Supply raises an incident about IF-021 in category "DIP message processing failure"
    Then a problem is opened for the incidents about IF-021
    And every incident about IF-021 waits for the problem

  @ort_prb_051 @severity_3 @virtual_time
  Scenario: Incidents older than the window do not count
    Given 30 days pass
    When Lanternfield Energy Supply raises an incident about IF-021 in category "DIP message processing failure"
    Then no problem is opened for the incidents about IF-021

  @ort_prb_052 @severity_3 @virtual_time
  Scenario: An incident with another symptom does not count
    Given 1 day passes
    When Lanternfield Energy Supply raises an incident about IF-021 in category "DIP connectivity fault"
    Then no problem is opened for the incidents about IF-021

  @ort_prb_053 @severity_3 @virtual_time
  Scenario: A fourth occurrence joins the open problem
    Given 10 days pass
    And Lanternfield Energy Supply has raised an incident about IF-021 in category "DIP message processing failure"
    And 2 days pass
    When Glenmorven Power Networks raises an incident about IF-021 in category "DIP message processing failure"
    Then a problem is opened for the incidents about IF-021
    And every incident about IF-021 waits for the problem

  @ort_prb_054 @severity_3 @virtual_time
  Scenario: Another report of the same occurrence does not count again
    Given 1 hour passes
    When Lanternfield Energy Supply raises an incident about IF-021 in category "DIP message processing failure"
    Then no problem is opened for the incidents about IF-021
