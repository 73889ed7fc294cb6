@major_incident @elexon @supplier
Feature: Proposing, accepting, rejecting and demoting a major incident
  As the Elexon major incident manager
  I want an incident to become a major incident only through ServiceNow's candidacy, decided by me
  So that every party can trust that a declared major incident was weighed and is owned

  Background:
    Given Lanternfield Energy Supply has raised an incident "No DIP publications received by any recipient since 09:40"

  Rule: An agent proposes; the major incident manager accepts, rejects or demotes

    @ort_mi_001 @mandatory @severity_1
    Scenario: The service desk proposes the incident as a major incident
      When the service desk proposes the incident as a major incident
      Then the incident is proposed as a major incident

    @ort_mi_002 @mandatory @severity_1
    Scenario: The major incident manager accepts a proposed incident
      Given the incident is proposed as a major incident
      When the major incident manager accepts the incident as a major incident
      Then the incident is accepted as a major incident

    @ort_mi_003 @mandatory @severity_2
    Scenario: The major incident manager rejects a proposed incident
      Given the incident is proposed as a major incident
      When the major incident manager rejects the incident as a major incident
      Then the incident is rejected as a major incident

    @ort_mi_004 @mandatory @severity_2
    Scenario: The major incident manager demotes an accepted major incident
      Given the incident is accepted as a major incident
      When the major incident manager demotes the major incident
      Then the incident is demoted as a major incident

  Rule: An illegal move is refused with a reason that names the incident and both states

    @ort_mi_005 @mandatory @severity_2
    Scenario Outline: A decision the candidacy does not allow is refused
      Given the incident is <from> as a major incident
      When the major incident manager tries to <decision> the incident as a major incident
      Then the major incident move is refused, naming the incident, <from> and <to>
      And the incident is still <from> as a major incident

      Examples: Decisions out of turn
        | from     | decision | to       |
        | accepted | propose  | proposed |
        | rejected | propose  | proposed |
        | demoted  | propose  | proposed |
        | rejected | accept   | accepted |
        | demoted  | accept   | accepted |
        | accepted | reject   | rejected |
        | demoted  | reject   | rejected |

    @ort_mi_006 @mandatory @severity_2
    Scenario Outline: An incident nobody proposed cannot be decided on
      When the major incident manager tries to <decision> the incident as a major incident
      Then the major incident move is refused, naming the incident, none and <to>
      And the incident is still not a major incident

      Examples: Decisions without a candidate
        | decision | to       |
        | accept   | accepted |
        | reject   | rejected |

    @ort_mi_007 @severity_2
    Scenario: An incident that is not a major incident cannot be demoted
      When the major incident manager tries to demote the major incident
      Then the major incident move is refused, naming the incident, none and demoted
      And the incident is still not a major incident

    @ort_mi_008 @severity_2
    Scenario Outline: Only an accepted major incident can be demoted
      Given the incident is <from> as a major incident
      When the major incident manager tries to demote the major incident
      Then the major incident move is refused, naming the incident, <from> and demoted
      And the incident is still <from> as a major incident

      Examples: Candidacies that were never accepted
        | from     |
        | proposed |
        | rejected |

  Rule: Only an agent proposes, and only a major incident manager decides

    @ort_mi_010 @mandatory @severity_2
    Scenario Outline: An ordinary service desk agent cannot decide on a candidate
      Given the incident is proposed as a major incident
      When the service desk tries to <decision> the incident as a major incident
      Then the move is refused because only a major incident manager may do this
      And the incident is still proposed as a major incident

      Examples: Decisions reserved to the manager
        | decision |
        | accept   |
        | reject   |

    @ort_mi_011 @severity_2
    Scenario: An ordinary service desk agent cannot demote a major incident
      Given the incident is accepted as a major incident
      When the service desk tries to demote the major incident
      Then the move is refused because only a major incident manager may do this
      And the incident is still accepted as a major incident

    @ort_mi_012 @mandatory @severity_2
    Scenario: A caller cannot propose their own incident as a major incident
      When the caller tries to propose the incident as a major incident
      Then the move is refused because only a service desk agent may do this
      And the incident is still not a major incident

    @ort_mi_013 @severity_3
    Scenario: The major incident manager may also propose a candidate
      When the major incident manager proposes the incident as a major incident
      Then the incident is proposed as a major incident

    @ort_mi_014 @severity_3
    Scenario: A resolved incident cannot be proposed as a major incident
      Given the incident is Resolved
      When the service desk tries to propose the incident as a major incident
      Then the move is refused because only an open incident (New, In Progress or On Hold) may be a major incident
      And the incident is still not a major incident
