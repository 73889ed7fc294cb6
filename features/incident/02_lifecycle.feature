@incident @elexon @supplier
Feature: Incident lifecycle
  As the Elexon service desk
  I want incidents to move only along ServiceNow's out-of-box lifecycle
  So that every party can trust what an incident's state tells them

  Background:
    Given Lanternfield Energy Supply has raised an incident "IF-008 energisation status not received for MPAN 1200023304458"

  Rule: Every legal move is accepted

    @ort_inc_010 @mandatory @severity_1
    Scenario Outline: The service desk moves an incident along the lifecycle
      Given the incident is <from>
      When the service desk moves the incident to <to>
      Then the incident is <to>

      Examples: Legal transitions
        | from        | to          |
        | New         | In Progress |
        | New         | On Hold     |
        | New         | Resolved    |
        | New         | Canceled    |
        | In Progress | On Hold     |
        | In Progress | Resolved    |
        | In Progress | Canceled    |
        | On Hold     | In Progress |
        | On Hold     | Resolved    |
        | On Hold     | Canceled    |
        | Resolved    | In Progress |
        | Resolved    | Closed      |

  Rule: An illegal move is refused with a reason that names the incident and both states

    @ort_inc_011 @mandatory @severity_2
    Scenario Outline: The service desk cannot skip or reverse the lifecycle
      Given the incident is <from>
      When the service desk tries to move the incident to <to>
      Then the move is refused, naming the incident, <from> and <to>
      And the incident is still <from>

      Examples: Illegal transitions
        | from        | to          |
        | New         | Closed      |
        | In Progress | New         |
        | In Progress | Closed      |
        | On Hold     | Closed      |
        | Resolved    | On Hold     |
        | Resolved    | Canceled    |
        | Closed      | In Progress |
        | Closed      | Resolved    |
        | Canceled    | In Progress |
        | Canceled    | Resolved    |

  Rule: Only service desk agents work an incident

    @ort_inc_012 @severity_2
    Scenario: A caller cannot resolve their own incident
      When the caller tries to move the incident to Resolved
      Then the move is refused because only a service desk agent may do this
      And the incident is still New
