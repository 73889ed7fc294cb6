@change @elexon @supplier @ldso
Feature: Advance notice of changes to participants
  As a market participant that depends on the central services
  I want ten working days' notice of a planned change, by e-mail to my resolver groups
  So that I can plan around the window and warn my own operations

  Background:
    Given it is Monday 30 November 2026 at 09:00

  @ort_chg_040 @mandatory @severity_2
  Scenario: A normal change with less than ten working days' notice is refused
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the CAB authorises the change
    When the service desk tries to schedule the change from Friday 11 December 2026 at 22:00 to Saturday 12 December 2026 at 02:00
    Then the scheduling is refused because the change gives less than 10 working days' notice
    And the change is still in Authorize
    And no participant is notified of the change

  @ort_chg_041 @mandatory @severity_2
  Scenario: Ten working days' notice is enough
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the CAB authorises the change
    When the change is scheduled from Monday 14 December 2026 at 22:00 to Tuesday 15 December 2026 at 02:00
    Then the change is Scheduled

  @ort_chg_042 @severity_3
  Scenario: Bank holidays are not working days of notice
    Given it is Monday 21 December 2026 at 09:00
    And the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the CAB authorises the change
    When the service desk tries to schedule the change from Tuesday 5 January 2027 at 22:00 to Wednesday 6 January 2027 at 02:00
    Then the scheduling is refused because the change gives less than 10 working days' notice

  @ort_chg_043 @mandatory @severity_1
  Scenario: Scheduling a normal change notifies every participant
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the CAB authorises the change
    When the change is scheduled from Monday 14 December 2026 at 22:00 to Tuesday 15 December 2026 at 02:00
    Then every participant is notified of the change

  @ort_chg_044 @severity_2
  Scenario: A standard change needs no notice period but is still announced
    Given the service desk has raised a standard change from the template "ISD monthly release"
    When the change is scheduled from Wednesday 2 December 2026 at 20:00 to Wednesday 2 December 2026 at 22:00
    Then the change is Scheduled
    And every participant is notified of the change

  @ort_chg_045 @mandatory @severity_2 @sit_ops_retest
  Scenario: SIT-OPS-029 retest: moving a scheduled change tells participants the new window
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the change is scheduled from Monday 14 December 2026 at 22:00 to Tuesday 15 December 2026 at 02:00
    When the change is scheduled from Wednesday 16 December 2026 at 22:00 to Thursday 17 December 2026 at 02:00
    Then every participant is notified of the change
