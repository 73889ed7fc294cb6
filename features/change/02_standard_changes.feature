@change @elexon
Feature: Standard changes from pre-approved templates
  As Elexon's change manager
  I want routine changes raised from a pre-approved template
  So that low-risk work is done the same way every time without waiting for the CAB

  @ort_chg_010 @mandatory @severity_2
  Scenario: A standard change is filled in and pre-approved by its template
    When the service desk raises a standard change from the template "ISD monthly release"
    Then the change is a standard change
    And the change is filled in from the template "ISD monthly release"
    And the change's approval is approved

  @ort_chg_011 @severity_2
  Scenario: A standard change needs a template
    When the service desk tries to raise a standard change without a template
    Then the change is not raised because a standard change is raised from a template

  @ort_chg_012 @severity_3
  Scenario: A template that does not exist is refused, naming it
    When the service desk tries to raise a standard change from the template "DIP broker upgrade"
    Then the change is not raised because 'DIP broker upgrade' is not a standard change template
