@major_incident @virtual_time @elexon @supplier
Feature: Major incident communications on a cadence
  As a market participant affected by a major incident
  I want a first notice as soon as the major incident is declared, then updates on a fixed cadence until it is resolved
  So that I can run my own operations and inform my customers without chasing the Elexon desk

  Rule: Acceptance starts the communication plan

    @ort_mi_030 @mandatory @severity_1 @p1
    Scenario: Acceptance sends the first notice at once
      Given it is Wednesday 2 December 2026 at 09:50
      And Lanternfield Energy Supply has raised a priority 1 incident
      And the incident is proposed as a major incident
      And it is Wednesday 2 December 2026 at 10:00
      When the major incident manager accepts the incident as a major incident
      Then the first major incident notice is sent at Wednesday 2 December 2026 at 10:00
      And the first major incident notice is sent within the agreed time
      And Lanternfield Energy Supply receives a major incident notice

    @ort_mi_031 @severity_3
    Scenario: A candidate that is only proposed is not yet communicated
      Given it is Wednesday 2 December 2026 at 10:00
      And Lanternfield Energy Supply has raised a priority 1 incident
      And the incident is proposed as a major incident
      When it is Wednesday 2 December 2026 at 12:00
      Then no major incident notice is sent

  Rule: Updates follow on the cadence of the incident's priority until it is resolved

    @ort_mi_032 @mandatory @severity_1 @p1
    Scenario: A priority 1 major incident is updated every half hour
      Given it is Wednesday 2 December 2026 at 10:00
      And Lanternfield Energy Supply has raised a priority 1 incident
      And the incident is accepted as a major incident
      When it is Wednesday 2 December 2026 at 11:40
      Then major incident updates are sent at Wednesday 2 December 2026 at 10:30, 11:00 and 11:30

    @ort_mi_033 @mandatory @severity_2 @p2
    Scenario: A priority 2 major incident is updated every hour
      Given it is Wednesday 2 December 2026 at 10:00
      And Lanternfield Energy Supply has raised a priority 2 incident
      And the incident is accepted as a major incident
      When it is Wednesday 2 December 2026 at 13:30
      Then major incident updates are sent at Wednesday 2 December 2026 at 11:00, 12:00 and 13:00

    @ort_mi_034 @mandatory @severity_1 @p1
    Scenario: Resolution is announced and the updates stop
      Given it is Wednesday 2 December 2026 at 10:00
      And Lanternfield Energy Supply has raised a priority 1 incident
      And the incident is accepted as a major incident
      And it is Wednesday 2 December 2026 at 11:40
      And the incident is Resolved
      When it is Wednesday 2 December 2026 at 14:00
      Then the major incident resolution notice is sent at Wednesday 2 December 2026 at 11:40
      And major incident updates are sent at Wednesday 2 December 2026 at 10:30, 11:00 and 11:30

    @ort_mi_035 @severity_2 @p1
    Scenario: Demoting the major incident tells the parties and stops the updates
      Given it is Wednesday 2 December 2026 at 10:00
      And Lanternfield Energy Supply has raised a priority 1 incident
      And the incident is accepted as a major incident
      And it is Wednesday 2 December 2026 at 10:45
      And the incident is demoted as a major incident
      When it is Wednesday 2 December 2026 at 13:00
      Then the major incident demotion notice is sent at Wednesday 2 December 2026 at 10:45
      And major incident updates are sent at Wednesday 2 December 2026 at 10:30

  Rule: The affected parties are told, and nobody else

    @ort_mi_036 @mandatory @severity_1 @ldso
    Scenario: The callers of the incident and its children and the resolver group's party are told
      Given it is Wednesday 2 December 2026 at 10:00
      And Lanternfield Energy Supply has raised a priority 1 incident
      And Brightwell Power has raised 2 incidents that are children of the incident
      And the incident is assigned to "DIP Manager"
      And the incident is proposed as a major incident
      When the major incident manager accepts the incident as a major incident
      Then Lanternfield Energy Supply receives a major incident notice
      And Brightwell Power receives a major incident notice
      And Elexon receives a major incident notice
      And Northvale Power Networks receives no major incident notice

  Rule: Retests of service-operations defects

    @ort_mi_037 @sit_ops_retest @severity_1 @p1
    Scenario: SIT-OPS-031: updates kept going out after the major incident was resolved
      Given it is Thursday 3 December 2026 at 21:00
      And Brightwell Power has raised a priority 1 incident
      And the incident is accepted as a major incident
      And it is Thursday 3 December 2026 at 21:50
      And the incident is Resolved
      When 3 hours pass
      Then major incident updates are sent at Thursday 3 December 2026 at 21:30
      And the major incident resolution notice is sent at Thursday 3 December 2026 at 21:50

    @ort_mi_038 @sit_ops_retest @severity_1 @p1
    Scenario: SIT-OPS-033: no updates were sent overnight for a priority 1 major incident
      Given it is Friday 4 December 2026 at 23:40
      And Lanternfield Energy Supply has raised a priority 1 incident
      And the incident is accepted as a major incident
      When it is Saturday 5 December 2026 at 01:15
      Then major incident updates are sent at Saturday 5 December 2026 at 00:10, 00:40 and 01:10
