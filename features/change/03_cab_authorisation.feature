@change @elexon
Feature: CAB and emergency CAB authorisation
  As Elexon's change manager
  I want a normal change authorised by the CAB and an emergency change by the emergency CAB
  So that no change to a central service goes ahead without the right people agreeing to it

  Rule: The CAB authorises normal changes

    @ort_chg_028 @severity_3
    Scenario: A new normal change is not yet put to the CAB
      When the service desk raises a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      Then the change is New
      And the change's approval is not yet requested

    @ort_chg_020 @mandatory @severity_1
    Scenario: Asking for authorisation asks the CAB
      Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      And the change is in Assess
      When the service desk moves the change to Authorize
      Then the CAB is asked to authorise the change
      And the change's approval is requested

    @ort_chg_021 @mandatory @severity_1
    Scenario: A change the CAB authorised can be scheduled
      Given it is Monday 2 November 2026 at 10:00
      And the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      And the CAB authorises the change
      When the change is scheduled from Tuesday 17 November 2026 at 22:00 to Wednesday 18 November 2026 at 02:00
      Then the change is Scheduled
      And the change's approval is approved

    @ort_chg_022 @mandatory @severity_1
    Scenario: A change nobody has authorised stays in Authorize
      Given it is Monday 2 November 2026 at 10:00
      And the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      And the change is in Authorize
      When the service desk tries to schedule the change from Tuesday 17 November 2026 at 22:00 to Wednesday 18 November 2026 at 02:00
      Then the refusal names the change and says "the change is not approved"
      And the change is still in Authorize

    @ort_chg_023 @mandatory @severity_2
    Scenario: A service desk agent without the CAB role cannot authorise a change
      Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      And the change is in Authorize
      When the service desk tries to authorise the change
      Then the authorisation is refused because only the CAB may authorise it
      And the change's approval is requested

    @ort_chg_024 @mandatory @severity_2
    Scenario: A change the CAB rejects goes back to New
      Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      And the change is in Authorize
      When the CAB rejects the change
      Then the change is New
      And the change's approval is rejected

  Rule: The emergency CAB authorises emergency changes

    @ort_chg_025 @mandatory @severity_1
    Scenario: The emergency CAB authorises an emergency change
      Given the service desk has raised an emergency change "Restart the DIP egress gateway" for the DIP
      And the change is in Authorize
      When the emergency CAB authorises the change
      Then the change's approval is approved
      And the change is still in Authorize

    @ort_chg_026 @mandatory @severity_2
    Scenario: A CAB member cannot authorise an emergency change
      Given the service desk has raised an emergency change "Restart the DIP egress gateway" for the DIP
      And the change is in Authorize
      When the CAB tries to authorise the change
      Then the authorisation is refused because only the emergency CAB may authorise it
      And the change's approval is requested

    @ort_chg_027 @mandatory @severity_1 @sit_ops_retest
    Scenario: SIT-OPS-021 retest: an emergency change cannot be scheduled without emergency CAB approval
      Given the service desk has raised an emergency change "Restart the DIP egress gateway" for the DIP
      And the change is in Authorize
      When the service desk tries to schedule the change from Thursday 1 January 2026 at 22:00 to Thursday 1 January 2026 at 23:00
      Then the refusal names the change and says "the change is not approved"
      And the change is still in Authorize
