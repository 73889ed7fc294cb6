@problem @elexon
Feature: Problem lifecycle
  As Elexon's problem manager
  I want problems to move only along ServiceNow's problem state model
  So that every party can trust what a problem's state says about the root cause and its fix

  Background:
    Given the service desk has raised a problem "IF-021 daily consumption reports intermittently not delivered"

  Rule: Every legal move is accepted

    @ort_prb_001 @mandatory @severity_1
    Scenario Outline: The service desk moves a problem along its lifecycle
      Given the problem is <from>
      When the service desk moves the problem to <to>
      Then the problem is <to>

      Examples: Legal transitions
        | from                | to                  |
        | New                 | Assess              |
        | New                 | Closed              |
        | Assess              | Root Cause Analysis |
        | Assess              | Closed              |
        | Root Cause Analysis | Fix in Progress     |
        | Root Cause Analysis | Resolved            |
        | Root Cause Analysis | Closed              |
        | Fix in Progress     | Root Cause Analysis |
        | Fix in Progress     | Resolved            |
        | Fix in Progress     | Closed              |
        | Resolved            | Root Cause Analysis |
        | Resolved            | Closed              |

  Rule: An illegal move is refused with a reason that names the problem and both states

    @ort_prb_002 @mandatory @severity_2
    Scenario Outline: The service desk cannot skip or reverse the problem lifecycle
      Given the problem is <from>
      When the service desk tries to move the problem to <to>
      Then the move is refused, naming the problem, <from> and <to>
      And the problem is still <from>

      Examples: Illegal transitions
        | from                | to                  |
        | New                 | Root Cause Analysis |
        | New                 | Fix in Progress     |
        | New                 | Resolved            |
        | Assess              | New                 |
        | Assess              | Fix in Progress     |
        | Assess              | Resolved            |
        | Root Cause Analysis | Assess              |
        | Fix in Progress     | New                 |
        | Resolved            | Fix in Progress     |
        | Closed              | New                 |
        | Closed              | Root Cause Analysis |
        | Closed              | Resolved            |

  Rule: Each stage needs what it stands on

    @ort_prb_003 @mandatory @severity_2
    Scenario: A problem is assessed only once someone owns it
      When the service desk tries to move the problem to Assess without an assignee
      Then the move is refused because the problem needs an assignee
      And the problem is still New

    @ort_prb_004 @mandatory @severity_2
    Scenario: A fix starts only once the root cause is written down
      Given the problem is Root Cause Analysis
      When the service desk tries to move the problem to Fix in Progress without cause notes
      Then the move is refused because the problem needs cause notes
      And the problem is still in Root Cause Analysis

  Rule: Only service desk agents raise and work problems

    @ort_prb_005 @severity_2 @supplier
    Scenario: A supplier's requester cannot raise a problem
      When Lanternfield Energy Supply tries to raise a problem "Our IF-021 reports keep going missing"
      Then the problem is not raised because problems are raised and worked by service desk agents

    @ort_prb_006 @severity_3
    Scenario: A problem raised by the service desk starts New and is not yet a known error
      When the service desk raises a problem "DIP egress queue backs up every Monday at 06:00"
      Then the problem is New
      And the problem is not a known error
