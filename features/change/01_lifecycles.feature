@change @elexon
Feature: Change lifecycles by type
  As Elexon's change manager
  I want each type of change to follow its own ServiceNow state sequence
  So that a change is only ever implemented after the checks its type requires

  Rule: A normal change is assessed, authorised, scheduled, implemented and reviewed

    @ort_chg_001 @mandatory @severity_1
    Scenario Outline: The service desk moves a normal change along its lifecycle
      Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      And the change is in <from>
      When the service desk moves the change to <to>
      Then the change is in <to>

      Examples: Legal transitions of a normal change
        | from      | to        |
        | New       | Assess    |
        | New       | Canceled  |
        | Assess    | Authorize |
        | Assess    | Canceled  |
        | Authorize | Canceled  |
        | Scheduled | Implement |
        | Scheduled | Canceled  |
        | Implement | Review    |
        | Implement | Canceled  |
        | Review    | Closed    |

    @ort_chg_002 @mandatory @severity_2
    Scenario Outline: A normal change cannot skip a stage or go back
      Given the service desk has raised a normal change "Upgrade the DIP message broker to 5.3" for the DIP
      And the change is in <from>
      When the service desk tries to move the change to <to>
      Then the move is refused, naming the change, <from> and <to>
      And the change is still in <from>

      Examples: Illegal transitions of a normal change
        | from      | to        |
        | New       | Authorize |
        | New       | Scheduled |
        | Assess    | Scheduled |
        | Authorize | Implement |
        | Scheduled | Review    |
        | Implement | Closed    |
        | Review    | Canceled  |
        | Review    | Implement |
        | Closed    | Review    |
        | Canceled  | New       |

  Rule: A standard change goes straight from New to Scheduled

    @ort_chg_003 @mandatory @severity_1
    Scenario Outline: The service desk moves a standard change along its lifecycle
      Given the service desk has raised a standard change from the template "ISD monthly release"
      And the change is in <from>
      When the service desk moves the change to <to>
      Then the change is in <to>

      Examples: Legal transitions of a standard change
        | from      | to        |
        | New       | Scheduled |
        | New       | Canceled  |
        | Scheduled | Implement |
        | Implement | Review    |
        | Review    | Closed    |

    @ort_chg_004 @mandatory @severity_2
    Scenario Outline: A standard change is neither assessed nor authorised
      Given the service desk has raised a standard change from the template "ISD monthly release"
      When the service desk tries to move the change to <to>
      Then the move is refused, naming the change, New and <to>
      And the change is still New

      Examples: Stages a standard change skips
        | to        |
        | Assess    |
        | Authorize |

  Rule: An emergency change skips Assess but is still authorised

    @ort_chg_005 @mandatory @severity_1
    Scenario Outline: The service desk moves an emergency change along its lifecycle
      Given the service desk has raised an emergency change "Restart the DIP egress gateway" for the DIP
      And the change is in <from>
      When the service desk moves the change to <to>
      Then the change is in <to>

      Examples: Legal transitions of an emergency change
        | from      | to        |
        | New       | Authorize |
        | New       | Canceled  |
        | Authorize | Canceled  |
        | Scheduled | Implement |
        | Implement | Review    |
        | Review    | Closed    |

    @ort_chg_006 @mandatory @severity_2
    Scenario Outline: An emergency change cannot skip authorisation
      Given the service desk has raised an emergency change "Restart the DIP egress gateway" for the DIP
      When the service desk tries to move the change to <to>
      Then the move is refused, naming the change, New and <to>
      And the change is still New

      Examples: Stages an emergency change may not take from New
        | to        |
        | Assess    |
        | Scheduled |
