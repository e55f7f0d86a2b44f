"""New wording for claims and stance (issue 13, session 29, the paraphrase set's families
territory, foreign, king, courts, accuse and insult). Each test holds one READING, not one line:
risky sentences written here in other words than the paraphrase set's, and benign sentences an
NGO, a UN office, a donor or a newspaper would write with the same surface words, which the
reading must leave alone. No sentence is taken from a labelled set."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def asserted(text: str, fact: str) -> list:
    return [a for a in analyse(text).acts if a.fact == fact and a.mode == "asserted"]


# --- foreign rule: the country's decisions, laws or leaders made abroad ------------------------

@pytest.mark.parametrize("text", [
    "Our laws are written by the Vietnamese embassy and our deputies only vote for them.",
    "Every decision about our country is made in Beijing these days.",
    "Our leaders were picked overseas, and everyone knows it.",
    "A foreign capital approves every decision our cabinet takes.",
    "The national budget is drafted in Hanoi before any minister sees it.",
])
def test_decisions_laws_or_leaders_made_abroad_claim_foreign_rule(text):
    assert asserted(text, "statement.foreign_control")


@pytest.mark.parametrize("text", [
    "Our partner organisation in Hanoi shared its lessons on community fisheries.",
    "Our laws were drafted in Phnom Penh after consultations with unions.",
    "Many of our officials were trained abroad and studied overseas.",
    "The decisions on fishing quotas were taken in Vientiane by the Mekong River Commission.",
    "Our leaders signed the trade agreement in Hanoi on Tuesday.",
    "The prime minister was welcomed by a neighbour at the summit.",
    "The Japanese embassy approved every decision on the grant.",
])
def test_work_abroad_or_with_a_neighbour_claims_no_foreign_rule(text):
    assert not analyse(text).facts["statement.foreign_control"]


@pytest.mark.parametrize("text", [
    "Hanoi picked our ministers and the Prime Minister obeys.",
    "The Prime Minister was installed by a neighbouring state, not elected by Khmers.",
])
def test_a_leader_said_to_be_appointed_abroad_is_accused(text):
    assert "statement.foreign_control" in {a.fact for a in analyse(text).acts}
    assert asserted(text, "statement.insults")


@pytest.mark.parametrize("text", [
    "The Prime Minister appointed a new ambassador to Vietnam.",
    "The minister was chosen by the party congress.",
])
def test_a_leader_who_appoints_or_is_chosen_at_home_is_accused_of_nothing(text):
    assert not analyse(text).facts["statement.insults"]


# --- territory: land signed away, and the one who gave it accused ------------------------------

@pytest.mark.parametrize("text", [
    "The ministry quietly signed away two of our islands in the last treaty.",
    "With one pen stroke the old regime signs away Khmer land at the frontier.",
])
def test_land_signed_away_is_a_territory_claim(text):
    assert asserted(text, "statement.territory_claim")


@pytest.mark.parametrize("text, accused", [
    ("The Prime Minister signed away our frontier villages in secret.", "official"),
    ("The government handed over part of our border land and told no one.", "government"),
])
def test_the_one_named_as_giving_land_away_is_accused(text, accused):
    assert asserted(text, "statement.territory_claim")
    assert accused in analyse(text).facts["statement.accuses"]


@pytest.mark.parametrize("text", [
    "Farmers near the border signed away their rights to the land in a bad contract.",
    "The islands were sold to pay a loan, and our children will have to buy them back.",
])
def test_a_giving_away_with_no_one_named_or_no_land_accuses_no_one(text):
    assert not analyse(text).facts["statement.accuses"]


@pytest.mark.parametrize("text", [
    "Goods moving across the border are checked at the Poipet crossing.",
    "Children taken across the border to work on farms need protection.",
    "Families moved across the border to find work in Thai factories.",
    "Workers who went across the border last year have now returned to Prey Veng.",
])
def test_people_or_goods_crossing_the_border_claim_no_lost_land(text):
    assert not analyse(text).facts["statement.territory_claim"]


def test_border_posts_moved_across_our_fields_still_claims():
    assert asserted("Vietnam moved the border posts across our rice fields.",
                    "statement.territory_claim")


# --- courts: a judge paid, the price of a verdict, a verdict by the accusers, a passive demand --

def court(text: str) -> list:
    return analyse(text).facts["statement.court_claims"]


@pytest.mark.parametrize("text", [
    "Judges in this province jail farmers for cash and free tycoons for a fat envelope.",
    "The court acquitted the company's guards for a bribe, everyone knows it.",
])
def test_a_judge_said_to_rule_for_money_is_a_claim_about_judges(text):
    assert "judge" in court(text)


@pytest.mark.parametrize("text", [
    "The court sentenced him to five years for money laundering.",
    "The judge convicted the man for cash he stole from the pagoda.",
    "The judge ruled on the case for the land concession on Monday.",
])
def test_money_that_is_the_offence_tried_buys_no_verdict(text):
    assert "judge" not in court(text)


@pytest.mark.parametrize("text", [
    "What does a judge cost in this province, I wonder?",
    "How much is an acquittal now, for a man with a Lexus?",
])
def test_the_price_of_a_verdict_asked_as_a_question_discredits_it(text):
    assert "verdict" in court(text)


@pytest.mark.parametrize("text", [
    "How much does a lawyer cost in a land case?",
    "How much did the trial cost the state, the audit office asked.",
])
def test_the_cost_of_a_lawyer_or_a_trial_is_no_price_of_a_verdict(text):
    assert court(text) == []


@pytest.mark.parametrize("text", [
    "The sentence was handed down by the very people who brought the complaint.",
    "In this case the verdict was given by the plaintiffs, not by any judge.",
])
def test_a_verdict_given_by_the_accusers_claims_judges_take_orders(text):
    assert "judge" in court(text)


@pytest.mark.parametrize("text", [
    "The verdict was delivered by Judge Sok in open court.",
    "The verdict was handed down by the Court of Appeal on Friday.",
])
def test_a_verdict_given_by_a_judge_claims_nothing(text):
    assert court(text) == []


@pytest.mark.parametrize("text", [
    "The jailed unionists should be set free before any trial.",
    "Our members must be acquitted at the hearing on Monday.",
])
def test_a_passive_demand_that_detainees_be_freed_is_pressure(text):
    assert "pending-case" in court(text)


@pytest.mark.parametrize("text", [
    "The prisoners will be released on Friday after serving their sentence.",
    "The report must be released before the hearing.",
    "The water must be released from the dam before the rains.",
    "The activists were released on bail on Monday, their lawyer said.",
])
def test_a_release_expected_reported_or_of_papers_is_no_demand(text):
    assert "pending-case" not in court(text)


@pytest.mark.parametrize("text", [
    "The judges had better be scared to drive home after dark.",
    "That prosecutor should be afraid to walk the streets alone.",
])
def test_a_judge_told_to_fear_for_his_safety_is_pressure(text):
    assert "pending-case" in court(text)


def test_judges_told_to_fear_no_one_are_not_threatened():
    assert court("Judges should be afraid of no one when they rule.") == []


# --- the King: far from the suffering, silent while people are harmed, his seal for sale -------

def king_insulted(text: str) -> bool:
    return "king" in analyse(text).facts["statement.insults"]


@pytest.mark.parametrize("text", [
    "His Majesty lives far away from the misery of the farmers.",
    "The palace stays mute while villagers are beaten.",
    "The man in the palace is deaf to the cries of the evicted.",
    "Anyone with enough money can buy the royal seal.",
])
def test_the_king_mocked_as_far_silent_or_for_sale(text):
    assert king_insulted(text)


@pytest.mark.parametrize("text", [
    "The King bought rice for flood victims in Kratie.",
    "A portrait of the King was bought at auction for the museum.",
    "The King shared the grief of the families who lost their homes.",
    "His Majesty, far from the capital, comforted families in their grief.",
    "The royal seal was stamped on the decree on 4 July.",
])
def test_the_king_buying_sharing_grief_or_sealing_a_decree_is_no_mockery(text):
    assert not king_insulted(text)


# --- accusations: money counted in millions, a bare "lied", who is behind a crime --------------

def accused(text: str) -> list:
    facts = analyse(text).facts
    return facts["statement.accuses"] + facts["statement.reported_accusation"]


@pytest.mark.parametrize("text", [
    "Two billion riels meant for the dykes wound up in the provincial director's pocket.",
    "The grants for the school ended up paying for the governor's new villa in Kep.",
])
def test_public_money_counted_in_riels_or_grants_ending_with_an_official_accuses(text):
    assert "official" in accused(text)


@pytest.mark.parametrize("text", [
    "The grants for the school ended up paying for a new roof and forty desks.",
    "Millions of dollars in aid ended up in the hands of the families who lost their homes.",
])
def test_money_that_ends_where_it_was_meant_accuses_no_one(text):
    assert accused(text) == []


@pytest.mark.parametrize("text", [
    "We asked for the report and, once again, the ministry lied.",
    "The governor lied, and the families paid for it.",
])
def test_a_bare_lied_accuses_the_one_named(text):
    assert accused(text)


@pytest.mark.parametrize("text", [
    "The village lies near the border, the governor said.",
    "The governor's office lies on the main road to Kampot.",
])
def test_lies_as_where_a_place_is_accuses_no_one(text):
    assert accused(text) == []


@pytest.mark.parametrize("text", [
    "The Minister of Environment is behind the sand dredging that swallowed the river bank.",
    "Everyone in the commune knows the police chief was behind the attack on the activists.",
    "Villagers say the governor's brother is behind the land grabbing in their commune.",
])
def test_someone_named_as_behind_a_crime_is_accused(text):
    assert accused(text)


@pytest.mark.parametrize("text", [
    "The police are investigating who was behind the killing of the activist.",
    "Poverty is behind much of the illegal logging, the forestry officials said.",
    "The ministry said criminal gangs are behind the illegal logging in the sanctuary.",
])
def test_an_inquiry_or_a_cause_behind_a_crime_accuses_no_official(text):
    assert accused(text) == []


@pytest.mark.parametrize("text", [
    "Corruption remains a concern for investors, according to the annual survey.",
    "Bribery is a risk for small firms that import goods, the chamber warned.",
])
def test_a_wrong_named_as_a_concern_or_a_risk_accuses_no_one(text):
    assert accused(text) == []


# --- insults: a leader called a child or a beast with words of contempt -------------------------

def insulted(text: str) -> list:
    return analyse(text).facts["statement.insults"]


@pytest.mark.parametrize("text", [
    "The Minister of Justice is a spoilt child who sulks when anyone questions him.",
    "The governor is nothing but a fat lazy toad on a golden chair.",
    "Our senators are greedy old crocodiles, every one of them.",
    "The President of the Senate is a schoolboy pretending to run the chamber.",
])
def test_an_official_called_a_child_or_a_beast_is_insulted(text):
    assert insulted(text)


@pytest.mark.parametrize("text", [
    "The minister was a little boy when the Khmer Rouge took power.",
    "A crocodile farm in Siem Reap lost 200 animals in the floods.",
    "The ministry warned that old crocodile farms must be registered by March.",
    "The Senate passed the amended law on Monday.",
])
def test_a_childhood_told_or_a_real_crocodile_insults_no_one(text):
    assert insulted(text) == []


@pytest.mark.parametrize("text", [
    "It was the district governor who destroyed the homes of the fishing families.",
    "The governor's guards smashed the stalls of the vendors at dawn.",
])
def test_homes_wrecked_by_the_one_named_accuse_him(text):
    assert accused(text)


@pytest.mark.parametrize("text", [
    "The storm destroyed 300 houses, the governor said.",
    "Soldiers helped rebuild homes destroyed by the typhoon.",
    "Police destroyed the drugs seized from the dealers.",
])
def test_homes_destroyed_by_a_storm_or_goods_destroyed_by_police_accuse_no_one(text):
    assert accused(text) == []


# --- a doer set against another in an aside ("X, not Y, who did it") ---------------------------

@pytest.mark.parametrize("text", [
    "It was the police, not the villagers, who burned the houses.",
    "It was the provincial governor, not the rain, who flattened the homes of the vendors.",
])
def test_a_doer_set_against_another_in_an_aside_is_still_the_doer(text):
    assert accused(text)


@pytest.mark.parametrize("text", [
    "It was the storm, not the governor, that destroyed the houses.",
    "Soldiers came, and villagers burned the huts to keep warm.",
])
def test_a_name_inside_the_aside_or_after_another_comma_did_nothing(text):
    assert accused(text) == []


# --- territory: a giving up named a surrender; figures that move are no moving border ----------

@pytest.mark.parametrize("text", [
    "This border treaty is a surrender, whatever the ministry calls it.",
    "The new demarcation was a surrender of our rice fields along the frontier.",
])
def test_a_border_deal_called_a_surrender_is_a_territory_claim(text):
    assert asserted(text, "statement.territory_claim")


@pytest.mark.parametrize("text", [
    "The last rebel unit's defection at the border was a surrender to the army.",
    "Our staff see the new border agreement as a surrender of nothing: both sides keep their villages.",
    "Rice exports to Vietnam moved up sharply this year.",
    "Cross-border trade with Thailand went up by ten percent.",
])
def test_fighters_giving_up_or_figures_rising_claim_no_land(text):
    assert not analyse(text).facts["statement.territory_claim"]


@pytest.mark.parametrize("text", [
    "The minister was chosen by a neighbouring country to chair the ASEAN meeting.",
    "Cambodia was selected by a foreign government to host the summit.",
    "Every decision about the project was made by the Chinese embassy, which funds it.",
    "Our decisions are approved abroad by our head office.",
    "Our budget is approved in Bangkok by the regional office.",
])
def test_a_post_given_abroad_or_an_organisations_own_decisions_are_no_foreign_rule(text):
    facts = analyse(text).facts
    assert not facts["statement.foreign_control"] and not facts["statement.insults"]


# --- benign wording probed against the new readings --------------------------------------------

@pytest.mark.parametrize("text", [
    "The King travelled far to share the grief of the families.",
    "Tickets to visit the palace were sold out by noon.",
])
def test_the_king_travelling_to_grieve_or_palace_tickets_sold_mock_no_one(text):
    assert not king_insulted(text)


@pytest.mark.parametrize("text", [
    "How much is a judge paid in Cambodia?",
    "How much does a judge earn compared with a teacher?",
    "The court released him for payment of a fine.",
])
def test_a_judges_salary_or_a_fine_paid_is_no_bribe(text):
    assert court(text) == []


@pytest.mark.parametrize("text", [
    "The army destroyed unexploded bombs near the villages.",
    "Soldiers destroyed landmines in the village last week.",
])
def test_soldiers_destroying_bombs_or_landmines_accuse_no_one(text):
    assert accused(text) == []


@pytest.mark.parametrize("text", [
    "Our members should be released from their duties on election day to vote.",
    "The union leaders must be released from work early to attend the hearing as witnesses.",
])
def test_members_let_off_work_are_no_demand_on_a_court(text):
    assert "pending-case" not in court(text)


def test_members_freed_from_prison_before_trial_is_still_pressure():
    assert "pending-case" in court("Our members must be released from prison before the trial.")
