@cpsd @elexon @supplier @virtual_time @p2
Feature: The DIP is degraded and messages arrive late
  As the Elexon service desk
  I want a DIP degradation worked as a priority 2 incident with its 10 hour target, and the parties it affects told
  So that late messages are fixed or worked around within the target and nobody is left guessing

  A degradation is reported from a supplier's own desk. The DIP category fixes the priority at 2,
  whatever impact and urgency say, and gives the 10 hour resolution target confirmed for the DIP
  priority 2 classes. Parties who reported the symptom are told through the major incident notices.

  Background:
    Given it is Monday 7 December 2026 at 10:00

  @cpsd_03 @mandatory @severity_2
  Scenario: A DIP degradation is a priority 2 incident with a 10 hour target
    When Lanternfield Energy Supply reports "IF-021 ingress reports arriving up to 90 minutes late" to Elexon in category "DIP degradation"
    Then the incident has priority 2
    And the incident shows Lanternfield Energy Supply's ticket number
    And the incident's response target is Monday 7 December 2026 at 10:30
    And the incident's resolution target is Monday 7 December 2026 at 20:00

  @cpsd_03b @mandatory @severity_2 @ldso
  Scenario: The parties affected by the degradation are told, and only they
    Given Lanternfield Energy Supply has reported "IF-021 ingress reports arriving up to 90 minutes late" to Elexon in category "DIP degradation"
    And Brightwell Power has reported the same fault to Elexon
    And the service desk has made the later reports children of the incident
    And the incident is proposed as a major incident
    When the major incident manager accepts the incident as a major incident
    Then Lanternfield Energy Supply receives a major incident notice
    And Brightwell Power receives a major incident notice
    And Northvale Power Networks receives no major incident notice

  @cpsd_03c @mandatory @severity_2
  Scenario Outline: The degradation is fixed or worked around within the 10 hour target
    Given Lanternfield Energy Supply has reported "IF-021 ingress reports arriving up to 90 minutes late" to Elexon in category "DIP degradation"
    And the incident is In Progress
    And 9 hours pass
    When the service desk resolves the incident with code "<code>" and notes "<notes>"
    Then the incident's resolution SLA is achieved
    And Lanternfield Energy Supply's copy of the incident is Resolved
    And the incident shows the resolution "<code>" with notes "<notes>"

    Examples: Fixed or mitigated
      | code                 | notes                                                                  |
      | Solved (Permanently) | DIP egress worker pool resized; backlog cleared at 18:40.              |
      | Solved (Work Around) | Egress throttling lifted for IF-021; capacity fix planned as a change. |

  @cpsd_03d @severity_2 @expected_breach
  Scenario: A degradation still open after 10 hours breaches its target
    Given Lanternfield Energy Supply has reported "IF-021 ingress reports arriving up to 90 minutes late" to Elexon in category "DIP degradation"
    And the incident is In Progress
    When 11 hours pass
    Then the incident's resolution SLA is breached
    And the resolution SLA breach is notified at Monday 7 December 2026 at 20:00
