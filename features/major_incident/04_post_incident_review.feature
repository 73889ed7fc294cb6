@major_incident @virtual_time @elexon @supplier
Feature: Post Incident Review after a major incident
  As the Elexon major incident manager
  I want a Post Incident Review opened when a major incident is resolved, due within the agreed working days
  So that the cause, the handling and the communications are reviewed while they are fresh

  @ort_mi_040 @mandatory @severity_2 @p1
  Scenario: Resolving a major incident opens its review, due five working days later across a weekend
    Given it is Friday 4 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 1 incident
    And the incident is accepted as a major incident
    And it is Friday 4 December 2026 at 11:40
    When the service desk resolves the incident with code "Solved (Permanently)" and notes "DIP message broker failed over; backlog replayed."
    Then a post incident review is due by Friday 11 December 2026 at 11:40
    And the post incident review is assigned to "Major Incident Management"

  @ort_mi_041 @severity_3 @p1
  Scenario: The review deadline skips the Christmas and New Year bank holidays
    Given it is Thursday 24 December 2026 at 09:00
    And Lanternfield Energy Supply has raised a priority 1 incident
    And the incident is accepted as a major incident
    And it is Thursday 24 December 2026 at 11:40
    When the service desk moves the incident to Resolved
    Then a post incident review is due by Tuesday 5 January 2027 at 11:40

  @ort_mi_042 @severity_3
  Scenario: An incident rejected as a major incident gets no review
    Given it is Wednesday 2 December 2026 at 10:00
    And Lanternfield Energy Supply has raised a priority 1 incident
    And the incident is rejected as a major incident
    When the service desk moves the incident to Resolved
    Then no post incident review is opened

  @ort_mi_043 @sit_ops_retest @severity_3 @p1
  Scenario: SIT-OPS-044: a review for a major incident resolved at the weekend was due too early
    Given it is Saturday 12 December 2026 at 01:30
    And Lanternfield Energy Supply has raised a priority 1 incident
    And the incident is accepted as a major incident
    And it is Saturday 12 December 2026 at 02:15
    When the service desk moves the incident to Resolved
    Then a post incident review is due by Friday 18 December 2026 at 18:00
