@incident @elexon @supplier
Feature: Incident priority
  As the Elexon service desk
  I want every incident's priority to follow from its impact and urgency, or from its category
  So that the faults that hurt the market most are worked first

  Rule: Priority comes from the impact and urgency matrix

    @ort_inc_001 @mandatory @severity_2
    Scenario Outline: Impact and urgency give the priority
      When Lanternfield Energy Supply raises an incident with <impact> impact and <urgency> urgency
      Then the incident has priority <priority>

      Examples: The out-of-box priority lookup
        | impact | urgency | priority |
        | high   | high    | 1        |
        | high   | medium  | 2        |
        | high   | low     | 3        |
        | medium | high    | 2        |
        | medium | medium  | 3        |
        | medium | low     | 4        |
        | low    | high    | 3        |
        | low    | medium  | 4        |
        | low    | low     | 5        |

  Rule: DIP categories fix the priority whatever impact and urgency say

    @ort_inc_002 @mandatory @severity_2
    Scenario Outline: A DIP fault gets its category's priority
      When Lanternfield Energy Supply raises an incident in category "<category>"
      Then the incident has priority <priority>

      Examples: DIP category overrides
        | category                       | priority |
        | DIP outage                     | 1        |
        | DIP degradation                | 2        |
        | DIP message processing failure | 2        |
        | DIP connectivity fault         | 2        |

    @ort_inc_003 @severity_2
    Scenario: Recategorising an incident as a DIP outage raises its priority
      Given Lanternfield Energy Supply has raised an incident "Publications from the DIP have stopped"
      When the service desk recategorises the incident as "DIP outage"
      Then the incident has priority 1
