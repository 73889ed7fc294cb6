@cpsd @elexon @virtual_time
Feature: DIP onboarding, role changes and offboarding through the portal
  As a market participant joining, changing or leaving its place on the DIP
  I want to ask on the Elexon Portal, not by e-mail, and have the DIP Manager team fulfil my request
  So that every change to who is on the DIP is tracked, owned, measured and dated

  Background:
    Given it is Wednesday 2 December 2026 at 10:00

  Rule: Onboarding and role changes are portal requests the DIP Manager team fulfils

    @cpsd_28 @mandatory @severity_2 @sds
    Scenario: A smart data service's onboarding request is fulfilled by the DIP team within its target
      Given Saltmarsh Smart Data requests DIP onboarding through the portal
      And the request is In Process
      And 2 days pass
      When the DIP team fulfils the request
      Then the request was fulfilled by the DIP team
      And the request's response SLA is achieved
      And the request's resolution SLA is achieved

    @cpsd_28b @mandatory @severity_2 @ldso
    Scenario: A distributor's role change goes to the DIP Manager team and only the distributor sees it
      When Kestrel Connections requests a DIP role change through the portal
      Then the request is Requested
      And the request is assigned to "DIP Manager"
      And the request's response target is Thursday 3 December 2026 at 10:00
      And the request's resolution target is Wednesday 9 December 2026 at 10:00
      And Kestrel Connections can see the request
      And Northvale Power Networks cannot see the request

  Rule: Voluntary offboarding needs a reason and an effective date

    @cpsd_28c @mandatory @severity_2 @supplier
    Scenario Outline: An offboarding request without its reason or date is refused
      When Brightwell Power tries to request DIP offboarding without <missing>
      Then the request is refused because <reason>

      Examples: What the form leaves out
        | missing                       | reason                                       |
        | a reason                      | a reason is mandatory                        |
        | an effective date             | an effective date is mandatory               |
        | a reason or an effective date | a reason and an effective date are mandatory |

    @cpsd_28d @mandatory @severity_2 @supplier
    Scenario: An offboarding request with its reason and date is fulfilled by the DIP team
      Given Brightwell Power requests DIP offboarding from 31 January 2027 because "Customer book sold to Lanternfield Energy Supply"
      When the DIP team fulfils the request
      Then the request is Closed Complete
      And the request was fulfilled by the DIP team

    @cpsd_28e @severity_3 @supplier
    Scenario: An offboarding cannot take effect in the past
      When Brightwell Power tries to request DIP offboarding from 30 November 2026 because "Ceasing to trade"
      Then the request is refused because the effective date has passed
