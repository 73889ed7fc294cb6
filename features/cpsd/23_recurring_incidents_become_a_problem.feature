@cpsd @elexon @supplier @ldso @sds @virtual_time @p2
Feature: Recurring incidents become a problem
  As Elexon's problem manager
  I want the third occurrence of the same fault in a month to open a problem the incidents wait on, worked to a known error with a workaround and fixed through a change
  So that a recurring fault is fixed once at its root, and every affected party hears the workaround and then the fix

  Background:
    Given it is Monday 2 November 2026 at 09:00

  Rule: The third occurrence opens a problem

    @cpsd_23 @mandatory @severity_2
    Scenario: The third occurrence within a month opens a problem and every incident waits for it
      Given Brightwell Power and Northvale Power Networks have raised incidents about IF-021 in category "DIP message processing failure" a week apart
      And 8 days pass
      When Saltmarsh Smart Data raises an incident about IF-021 in category "DIP message processing failure"
      Then a problem is opened for the incidents about IF-021
      And every incident about IF-021 waits for the problem
      And the incident's resolution SLA is paused

  Rule: The problem is worked to a known error, a workaround and a fix

    Background:
      Given Brightwell Power, Northvale Power Networks and Saltmarsh Smart Data have raised incidents about IF-021 in category "DIP message processing failure" a week apart
      And the problem opened for the incidents about IF-021 is in Root Cause Analysis

    @cpsd_23b @mandatory @severity_2
    Scenario: The known error's workaround reaches every incident waiting on the problem
      When the problem is published as a known error with the workaround "Resubmit the rejected IF-021 file after 06:15, once the overnight DIP schema cache has refreshed."
      Then the problem is a known error with the workaround "Resubmit the rejected IF-021 file after 06:15, once the overnight DIP schema cache has refreshed."
      And the work notes of every incident about IF-021 say "Resubmit the rejected IF-021 file after 06:15"
      And every incident about IF-021 waits for the problem

    @cpsd_23c @mandatory @severity_2
    Scenario: The permanent fix is raised as a normal change linked to the problem
      Given the problem is Fix in Progress
      When a normal change is raised to fix the problem
      Then the change is a normal change
      And the problem names the change as its fix
      And the change is New

    @cpsd_23d @mandatory @severity_1
    Scenario: Resolving the problem once its change is done resolves every incident waiting on it
      Given a normal change is raised to fix the problem
      And the change is Closed
      When the problem is resolved with the fix "DIP schema cache now refreshes before the 06:00 validation window (release 7.4, change closed successful)."
      Then the problem is Resolved
      And every incident about IF-021 is resolved with the notes "DIP schema cache now refreshes before the 06:00 validation window (release 7.4, change closed successful)."
