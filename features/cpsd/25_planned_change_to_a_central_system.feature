@cpsd @elexon @supplier @ldso @virtual_time
Feature: A planned change to a central system
  As a market participant that depends on the central systems
  I want a planned change to the MDS announced to me ten working days ahead, kept out of the change freeze, and its outcome confirmed to me once it is implemented
  So that I can plan my own operations around the window and know the service is back to normal afterwards

  Background:
    Given it is Monday 30 November 2026 at 09:00
    And the service desk has raised a normal change "Upgrade the MDS validation engine to release 4.3" for the MDS
    And the CAB authorises the change

  @cpsd_25 @mandatory @severity_2
  Scenario: A change scheduled with ten working days' notice is announced to every participant
    When the change is scheduled from Monday 14 December 2026 at 22:00 to Tuesday 15 December 2026 at 02:00
    Then the change is Scheduled
    And every participant is notified of the change

  @cpsd_25b @mandatory @severity_2
  Scenario: A window with less than ten working days' notice is refused and nobody is told
    When the service desk tries to schedule the change from Thursday 10 December 2026 at 22:00 to Friday 11 December 2026 at 02:00
    Then the scheduling is refused because the change gives less than 10 working days' notice
    And the change is still in Authorize
    And no participant is notified of the change

  @cpsd_25c @mandatory @severity_2
  Scenario: A window inside the Christmas freeze is refused
    When the service desk tries to schedule the change from Tuesday 22 December 2026 at 22:00 to Wednesday 23 December 2026 at 02:00
    Then the scheduling is refused because the window overlaps the Christmas freeze
    And the change is still in Authorize
    And no participant is notified of the change

  @cpsd_25d @mandatory @severity_2
  Scenario: Once implemented and reviewed, the change's outcome is confirmed to every participant
    Given the change is scheduled from Monday 14 December 2026 at 22:00 to Tuesday 15 December 2026 at 02:00
    And the change is in Review
    When the service desk closes the change as successful
    Then the change is closed as successful
    And every participant is told the change is complete
    And every participant is told the change was successful

  @cpsd_25e @severity_3
  Scenario: A change that did not work is confirmed to every participant as unsuccessful
    Given the change is scheduled from Monday 14 December 2026 at 22:00 to Tuesday 15 December 2026 at 02:00
    And the change is in Review
    When the service desk closes the change as unsuccessful
    Then the change is closed as unsuccessful
    And every participant is told the change was unsuccessful
