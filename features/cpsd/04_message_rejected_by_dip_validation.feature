@cpsd @ldso @elexon
Feature: A sender's message is rejected by DIP validation
  As the Elexon service desk
  I want a validation rejection treated as the sender's own fault unless the sender shows its message is valid
  So that only real DIP message processing failures become priority 2 incidents, ending as user error or as a DIP defect with a problem record

  Northvale Power Networks' IF-009 disconnection notice was rejected by the DIP's validation.

  @cpsd_04 @mandatory @severity_2 @p3
  Scenario: A rejection the sender cannot show to be wrong stays on the sender's own desk
    Given Northvale Power Networks has raised a priority 3 incident "IF-009 disconnection notice rejected by DIP validation" about IF-009 for MPAN 1200023304458 on its own desk
    When Northvale Power Networks assigns its incident to "Northvale Registration Support"
    Then Elexon's desk holds no copy of the incident
    And Northvale Power Networks' incident is still New

  @cpsd_04b @mandatory @severity_2 @p3 @virtual_time
  Scenario: The sender shows its message is valid and the incident is worked again
    Given Northvale Power Networks has raised a priority 3 incident "IF-009 disconnection notice rejected by DIP validation" about IF-009 for MPAN 1200023304458
    And the incident is On Hold awaiting Caller
    And 2 hours pass
    When the caller adds the comment "The rejected IF-009 validates against the published schema; payload and the DIP's rejection attached."
    Then the incident is In Progress
    And the incident has no on hold reason

  @cpsd_04c @mandatory @severity_2 @p2 @virtual_time
  Scenario: A valid message the DIP rejected is a priority 2 message processing failure
    Given it is Tuesday 8 December 2026 at 09:00
    And Northvale Power Networks has raised a priority 3 incident "IF-009 disconnection notice rejected by DIP validation" about IF-009 for MPAN 1200023304458
    When the service desk recategorises the incident as "DIP message processing failure"
    Then the incident has priority 2
    And the incident's resolution target is Tuesday 8 December 2026 at 19:00

  @cpsd_04d @mandatory @severity_2 @p2
  Scenario: The failure ends as user error and no problem is opened
    Given Northvale Power Networks has raised an incident about IF-009 in category "DIP message processing failure"
    And the incident is In Progress
    When the service desk resolves the incident with code "User error" and notes "The effective-from time was sent in local time; the DIP expects UTC. Resent and accepted."
    Then the incident shows the resolution "User error" with notes "The effective-from time was sent in local time; the DIP expects UTC. Resent and accepted."
    And the incident's resolution SLA is achieved
    And no problem is opened for the incidents about IF-009

  @cpsd_04e @mandatory @severity_2 @p2
  Scenario: The failure is a DIP defect and a problem record is raised for it
    Given Northvale Power Networks has raised an incident about IF-009 in category "DIP message processing failure"
    And the incident is In Progress
    When the service desk raises a problem for the incident
    Then the incident is linked to the problem
    And the problem is New
