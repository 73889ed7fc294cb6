@cpsd @elexon @supplier @virtual_time @p2
Feature: A recipient's webhook is unreachable or its certificate has expired
  As the Elexon DIP team
  I want egress failures I detect taken to the recipient's own desk, the held publications redelivered once it is fixed, and a repeat failure taken to governance
  So that a participant's broken endpoint is fixed by that participant, no publication is lost, and repeated failures are dealt with as breaches

  The DIP team sees egress to Brightwell Power's webhook failing: its TLS certificate has expired.
  Brightwell Power's desk picks up the hand-off and renews the certificate.

  Background:
    Given it is Tuesday 8 December 2026 at 06:30
    And Elexon has raised a priority 2 incident "DIP egress to Brightwell Power's webhook failing: TLS certificate expired" about IF-021 for MPAN 1200023304458
    And Brightwell Power expects hand-offs about IF-021
    And Brightwell Power acknowledges them within 15 minutes

  @cpsd_05 @mandatory @severity_2
  Scenario: Elexon contacts the recipient on its own desk
    When the service desk assigns the incident to "Brightwell Service Desk"
    Then Brightwell Power's desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And the incident shows Brightwell Power's ticket number
    And the response OLA target on Brightwell Power's copy is Tuesday 8 December 2026 at 07:00

  @cpsd_05b @mandatory @severity_2
  Scenario: The recipient fixes its webhook and the resolution reaches Elexon
    Given Brightwell Power resolves them after 2 hours with "Webhook certificate renewed and installed; endpoint tested with the DIP at 08:40."
    And the incident is assigned to "Brightwell Service Desk"
    When 3 hours pass
    Then the response OLA on Brightwell Power's copy is achieved
    And Brightwell Power's copy of the incident is Resolved
    And the incident is Resolved
    And the incident shows the resolution "Solved (Permanently)" with notes "Webhook certificate renewed and installed; endpoint tested with the DIP at 08:40."

  @cpsd_05c @mandatory @severity_2
  Scenario: The held publications are redelivered and the recipient is told
    Given Brightwell Power resolves them after 2 hours with "Webhook certificate renewed and installed; endpoint tested with the DIP at 08:40."
    And the incident is assigned to "Brightwell Service Desk"
    And 3 hours pass
    When the DIP team redelivers the publication
    Then Brightwell Power is told the publication was redelivered
    And every hand-off was delivered and names the ticket numbers on both desks

  @cpsd_05d @severity_2
  Scenario: A repeat failure of the same webhook becomes a breach case
    Given Brightwell Power resolves them after 2 hours with "Webhook certificate renewed and installed; endpoint tested with the DIP at 08:40."
    And the incident is assigned to "Brightwell Service Desk"
    And 2 days pass
    And Elexon has raised a priority 2 incident "DIP egress to Brightwell Power's webhook failing again: connection refused" about IF-021 for MPAN 1200023304458
    And the incident is assigned to "Brightwell Service Desk"
    When the service desk escalates the incident to governance: "Second egress failure to Brightwell Power's webhook within three days"
    Then a governance escalation of the incident cites Brightwell Power's tickets
    And the incident's work notes say "Escalated to code governance"
