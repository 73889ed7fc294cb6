@cpsd @sds @supplier @virtual_time @p3
Feature: Appointment mismatch between a data service and the Registration Service
  As a smart data service's desk
  I want an appointment mismatch taken to the supplier that owns the appointment, to the distributor only when registration processing is wrong, and to Elexon only when the parties disagree or one is silent
  So that the party who can fix the appointment fixes it, and the central desk is the last resort, not the first

  Saltmarsh Smart Data holds consumption for an MPAN for which the Registration Service shows
  another data service appointed. Lanternfield Energy Supply appoints the data service; Northvale
  Power Networks runs the Registration Service for the MPAN.

  Background:
    Given it is Monday 7 December 2026 at 09:00
    And Saltmarsh Smart Data has raised a priority 3 incident "Registration shows another data service appointed from 1 December" about IF-001 for MPAN 1200023304458 on its own desk

  @cpsd_08 @mandatory @severity_2
  Scenario: The supplier, who owns the appointment, resubmits it after a registration enquiry
    Given Lanternfield Energy Supply expects hand-offs about IF-001
    And Lanternfield Energy Supply acknowledges them within 30 minutes
    And Lanternfield Energy Supply resolves them after 4 hours with "Registration enquiry showed our appointment of Saltmarsh was never sent; appointment resubmitted and accepted."
    And Saltmarsh Smart Data has handed the incident to Lanternfield Energy Supply
    When 5 hours pass
    Then Lanternfield Energy Supply's copy of the incident is Resolved
    And Saltmarsh Smart Data's incident is Resolved
    And the response OLA on Lanternfield Energy Supply's copy is achieved
    And Elexon's desk holds no copy of the incident

  @cpsd_08b @mandatory @severity_2 @ldso
  Scenario: The supplier takes it to the distributor's desk when registration processing is wrong
    Given Northvale Power Networks expects hand-offs about IF-001
    And Lanternfield Energy Supply expects hand-offs about IF-001
    And Saltmarsh Smart Data has handed the incident to Lanternfield Energy Supply
    When Lanternfield Energy Supply hands its copy of the incident to Northvale Power Networks
    Then Northvale Power Networks' desk has the incident, carrying the MPAN, the interface and the DIP transaction id
    And Northvale Power Networks received the hand-off exactly once
    And the incident shows Saltmarsh Smart Data's ticket number
    And Elexon's desk holds no copy of the incident

  @cpsd_08c @mandatory @severity_2 @elexon @expected_breach
  Scenario: Elexon is brought in when the supplier is silent
    Given Lanternfield Energy Supply never responds
    And Saltmarsh Smart Data has handed the incident to Lanternfield Energy Supply
    And 2 days pass
    When Saltmarsh Smart Data raises its incident with Elexon, citing Lanternfield Energy Supply's ticket
    Then the incident cites Lanternfield Energy Supply's ticket number
    And the incident shows Saltmarsh Smart Data's ticket number
    And the response OLA on Lanternfield Energy Supply's copy is breached

  @cpsd_08d @severity_2 @elexon
  Scenario: Elexon is brought in when the supplier disputes the mismatch
    Given Lanternfield Energy Supply expects hand-offs about IF-001
    And Lanternfield Energy Supply rejects them as not theirs: "Our appointment of Saltmarsh was accepted on 28 November; the Registration Service shows it."
    And Saltmarsh Smart Data has handed the incident to Lanternfield Energy Supply
    And 1 hour passes
    When Saltmarsh Smart Data raises its incident with Elexon, citing Lanternfield Energy Supply's ticket
    Then the incident cites Lanternfield Energy Supply's ticket number
    And the incident shows Saltmarsh Smart Data's ticket number
    And every hand-off was delivered and names the ticket numbers on both desks
