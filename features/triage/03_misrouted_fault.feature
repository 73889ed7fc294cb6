@triage @virtual_time @elexon @supplier @ldso
Feature: A bilateral fault sent to the central desk by mistake
  As a service manager
  I want a contact about another participant's estate redirected to that participant's desk
  So that the fault reaches the party who can fix it, and misrouting is measured

  Background:
    Given it is Monday 7 December 2026 at 09:00
    And Lanternfield Energy Supply contacts the service desk about "IF-008 energisation status not received from Northvale for MPAN 1200023304458"

  @ort_tri_020 @mandatory @severity_2
  Scenario: The contact is referred to the distributor's desk and the time to redirect is measured
    Given 12 minutes pass
    When the service desk refers the contact to Northvale Power Networks
    Then the contact is closed as referred after 12 minutes
    And the contact records the referral to Northvale Power Networks
    And the caller is told to contact Northvale Power Networks

  @ort_tri_021 @severity_3
  Scenario: A referral raises no incident at the central desk
    When the service desk refers the contact to Northvale Power Networks
    Then the contact carries no incident SLA
    And Northvale Power Networks cannot see the contact

  @ort_tri_022 @sit_ops_retest @severity_2
  Scenario: SIT-OPS-058 retest: a referred contact kept no record of the party it was sent to
    Given 25 minutes pass
    When the service desk refers the contact to Glenmorven Power Networks
    Then the contact records the referral to Glenmorven Power Networks
    And the contact is closed as referred after 25 minutes
