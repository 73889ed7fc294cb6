Feature: Incident hand-off between party desks
  As a supplier's service desk
  I want incidents about another party's estate handed to that party's desk
  So that the fault is fixed by the party that owns it

  @incident @supplier @ldso @elexon @severity_1 @p1 @mandatory @smoke @ort_inc_001
  Scenario: Harbour Energy Supply hands an energisation fault to the LDSO desk
    Given Harbour Energy Supply has an incident about MPAN 1012345678906
    When the incident is assigned to the LDSO resolver group
    Then the LDSO desk holds a linked ticket

  @incident @supplier @ldso @severity_2 @p2 @ort_inc_002
  Scenario: The LDSO ticket carries the MPAN of the supplier's incident
    Given Harbour Energy Supply has an incident about MPAN 1012345678906
    When the incident is assigned to the LDSO resolver group
    Then the LDSO ticket shows the MPAN

  @incident @supplier @mss @severity_3 @p3 @ort_inc_003
  Scenario: A metering fault is handed to the smart metering service desk
    Given Harbour Energy Supply has an incident about MPAN 1012345678906
    When the incident is assigned to the metering service resolver group
    Then the metering desk holds a linked ticket
