@cpsd @elexon @supplier @ldso @sds @ads @mss @virtual_time @p2
Feature: Many parties report the same symptom
  As the Elexon service desk
  I want every report of the same symptom joined as a child of the first report, and only that parent worked
  So that the fault is fixed once, every reporter hears each step and the outcome on its own desk, and each ticket closes on its own timer

  The runbook's example has ten suppliers reporting; the default roster has two suppliers, so here
  every participant of the roster reports the symptom from its own desk: eight reports, one parent
  and seven children.

  Background:
    Given it is Thursday 3 December 2026 at 06:20
    And Lanternfield Energy Supply has reported "Valid messages rejected by the DIP with schema error DIP-4012 since the 06:00 schema update" to Elexon in category "DIP message processing failure"
    And Brightwell Power, Northvale Power Networks, Glenmorven Power Networks, Kestrel Connections, Saltmarsh Smart Data, Oakridge Advanced Data and Fernhill Metering have reported the same fault to Elexon

  Rule: Later reports become children of the first

    @cpsd_18 @mandatory @severity_1
    Scenario: Seven later reports of the symptom become children of the first
      When the service desk makes the later reports children of the incident
      Then the incident has 7 child incidents
      And every child incident shows its reporting party's ticket number
      And the incident shows Lanternfield Energy Supply's ticket number
      And the incident has priority 2
      And the incident's resolution target is Thursday 3 December 2026 at 16:20

  Rule: Only the parent is worked; the children follow it and every reporter hears it

    Background:
      Given the service desk has made the later reports children of the incident

    @cpsd_18b @mandatory @severity_2
    Scenario: Picking up the parent picks up every child, and every reporter is told
      When the service desk moves the incident to In Progress
      Then every child incident is In Progress
      And every reporting party is told "acknowledged" on its own desk

    @cpsd_18c @severity_2
    Scenario: Waiting on the DIP vendor holds every child and pauses the resolution clock
      Given the incident is In Progress
      When the service desk puts the incident On Hold awaiting Vendor
      Then every child incident is On Hold awaiting Vendor
      And the incident's resolution SLA is paused
      And every reporting party is told "on hold" on its own desk

    @cpsd_18d @mandatory @severity_1
    Scenario: Resolving the parent resolves every child with its notes, on every reporter's desk too
      Given the incident is In Progress
      When the service desk resolves the incident with code "Solved (Permanently)" and notes "DIP schema 2.4.1 rolled back; rejected messages replayed from the DIP archive."
      Then every child incident is Resolved
      And every child incident carries the resolution notes "DIP schema 2.4.1 rolled back; rejected messages replayed from the DIP archive."
      And every reporting party's own incident is Resolved
      And every reporting party's own incident carries the resolution notes "DIP schema 2.4.1 rolled back; rejected messages replayed from the DIP archive."
      And the incident's resolution SLA is achieved

    @cpsd_18e @mandatory @severity_2
    Scenario: Closing the parent leaves every child to close on its own timer
      Given the incident is Resolved
      When the service desk moves the incident to Closed
      Then the incident is Closed
      And every child incident is still Resolved
      And every reporting party's own incident is still Resolved

    @cpsd_18f @severity_2
    Scenario: The children close by themselves once their resolution has stood for the agreed time
      Given the incident is Resolved
      And the incident is Closed
      When 7 days pass
      Then every child incident is Closed
      And every child incident's work notes say "automatically closed"
      And every reporting party's own incident is Closed
