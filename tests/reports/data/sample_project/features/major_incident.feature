Feature: DIP outage is a major incident
  As the Elexon service desk
  I want a DIP outage handled as one major incident
  So that every affected party hears one story

  @major_incident @cpsd @elexon @supplier @ldso @dcp @severity_1 @p1 @mandatory @cpsd_02
  Scenario: Many parties report a DIP outage within minutes
    Given Harbour Energy Supply has an incident about MPAN 1012345678906
    When the incident is proposed and accepted as a major incident
    Then every affected party is informed

  @major_incident @elexon @severity_2 @p1 @virtual_time @ort_mi_001
  Scenario: Communications follow the P1 cadence for four hours
    Given the desks share a virtual clock
    When four hours pass
    Then eight updates were sent
