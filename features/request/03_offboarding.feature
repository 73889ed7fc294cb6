@request @virtual_time @elexon @supplier
Feature: Voluntary DIP offboarding
  As the DIP Manager team
  I want every voluntary offboarding to state why and from when
  So that a participant's DIP roles end on a known date and settlement flows are not cut short

  @ort_req_020 @mandatory @severity_2
  Scenario Outline: An offboarding request without its reason or date is refused
    Given it is Wednesday 2 December 2026 at 10:00
    When Brightwell Power tries to request DIP offboarding without <missing>
    Then the request is refused because <reason>

    Examples: What the form leaves out
      | missing                       | reason                                       |
      | a reason                      | a reason is mandatory                        |
      | an effective date             | an effective date is mandatory               |
      | a reason or an effective date | a reason and an effective date are mandatory |

  @ort_req_021 @mandatory @severity_2
  Scenario: An offboarding request with its reason and date is accepted
    Given it is Wednesday 2 December 2026 at 10:00
    When Brightwell Power requests DIP offboarding from 31 January 2027 because "Customer book sold to Lanternfield Energy Supply"
    Then the request is Requested
    And the request is assigned to "DIP Manager"

  @ort_req_022 @severity_3
  Scenario: An offboarding cannot take effect in the past
    Given it is Wednesday 2 December 2026 at 10:00
    When Brightwell Power tries to request DIP offboarding from 30 November 2026 because "Ceasing to trade"
    Then the request is refused because the effective date has passed

  @ort_req_023 @sit_ops_retest @severity_2
  Scenario: SIT-OPS-031 retest: an offboarding request was accepted without an effective date
    Given it is Wednesday 2 December 2026 at 10:00
    When Brightwell Power tries to request DIP offboarding without an effective date
    Then the request is refused because an effective date is mandatory
