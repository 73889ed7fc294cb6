Feature: Change to a central system
  As the Elexon change manager
  I want central changes announced to participants in advance
  So that nobody is surprised by an outage

  @change @elexon @supplier @severity_3 @p4 @manual @ort_chg_001
  Scenario: The change advisory board authorises a normal change
    Given a normal change to the DIP
    When the change advisory board meets
    Then the change is authorised

  @change @elexon @severity_4 @p4 @ort_chg_002
  Scenario: A standard change skips assessment
    Given a standard change from a template
    When the change is scheduled
    Then the change is in state Scheduled
