@change @elexon
Feature: Change freezes
  As Elexon's change manager
  I want the configured freeze windows to refuse scheduling normal and standard changes
  So that central services stay stable when the market can least afford an outage

  Background:
    Given it is Monday 30 November 2026 at 09:00

  @ort_chg_030 @mandatory @severity_1
  Scenario: A normal change inside the Christmas freeze is refused, naming the change and the freeze
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the CAB authorises the change
    When the service desk tries to schedule the change from Monday 21 December 2026 at 22:00 to Tuesday 22 December 2026 at 02:00
    Then the scheduling is refused because the window overlaps the Christmas freeze
    And the change is still in Authorize

  @ort_chg_031 @mandatory @severity_2
  Scenario: A window that runs into the freeze is refused
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the CAB authorises the change
    When the service desk tries to schedule the change from Friday 18 December 2026 at 16:00 to Friday 18 December 2026 at 20:00
    Then the scheduling is refused because the window overlaps the Christmas freeze

  @ort_chg_032 @mandatory @severity_2
  Scenario: A standard change is frozen too
    Given the service desk has raised a standard change from the template "ISD monthly release"
    When the service desk tries to schedule the change from Monday 4 January 2027 at 06:00 to Monday 4 January 2027 at 09:00
    Then the scheduling is refused because the window overlaps the Christmas freeze
    And the change is still New

  @ort_chg_033 @severity_2
  Scenario: A window that ends as the freeze begins is accepted
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the CAB authorises the change
    When the change is scheduled from Friday 18 December 2026 at 14:00 to Friday 18 December 2026 at 18:00
    Then the change is Scheduled

  @ort_chg_034 @mandatory @severity_1 @p1
  Scenario: An emergency change is not frozen
    Given it is Monday 21 December 2026 at 03:00
    And the service desk has raised an emergency change "Restart the DIP egress gateway" for the DIP
    And the emergency CAB authorises the change
    When the change is scheduled from Monday 21 December 2026 at 04:00 to Monday 21 December 2026 at 06:00
    Then the change is Scheduled

  @ort_chg_035 @mandatory @severity_2 @sit_ops_retest
  Scenario: SIT-OPS-026 retest: moving a scheduled change into the freeze is refused
    Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
    And the change is scheduled from Monday 14 December 2026 at 22:00 to Tuesday 15 December 2026 at 02:00
    When the service desk tries to schedule the change from Monday 28 December 2026 at 22:00 to Tuesday 29 December 2026 at 02:00
    Then the scheduling is refused because the window overlaps the Christmas freeze
    And the change is still Scheduled
