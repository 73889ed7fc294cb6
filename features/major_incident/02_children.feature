@major_incident @elexon @supplier
Feature: Children of a major incident keep their own state
  As the Elexon service desk
  I want child incidents to stop following a parent once it is a major incident candidate or a major incident
  So that the major incident is worked under its own control and each reporter's ticket stays as it was

  Background:
    Given Lanternfield Energy Supply has raised an incident "DIP publications delayed for all recipients"
    And Brightwell Power has raised 2 incidents that are children of the incident

  @ort_mi_020 @mandatory @severity_1
  Scenario Outline: Children do not follow a candidate or major incident parent
    Given the incident is <candidacy> as a major incident
    When the service desk moves the incident to <state>
    Then every child incident is still New

    Examples: Parent moves children ignore
      | candidacy | state       |
      | proposed  | In Progress |
      | proposed  | On Hold     |
      | accepted  | In Progress |
      | accepted  | Resolved    |

  @ort_mi_021 @mandatory @severity_2
  Scenario Outline: Children follow again once the candidacy has ended
    Given the incident is <candidacy> as a major incident
    When the service desk moves the incident to In Progress
    Then every child incident is In Progress

    Examples: Candidacies that ended
      | candidacy |
      | rejected  |
      | demoted   |

  @ort_mi_022 @sit_ops_retest @severity_2
  Scenario: SIT-OPS-019: children of a proposed major incident were resolved with it
    Given the incident is proposed as a major incident
    When the service desk resolves the incident with code "Solved (Permanently)" and notes "DIP message broker failed over; backlog cleared."
    Then every child incident is still New
