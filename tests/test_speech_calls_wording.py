"""Calls to act in new wording (issue 13, session 29: calls to act). Each reading reaches a family
of wordings, not one line: removal of the government in the passive or said of "it", the vote
named as the means not used, taking the government back, dissolving the cabinet; appeals to
the forces through their rank, uniform, units or arms, an order they need not carry out, loyalty
owed to the nation and not to a party, leave not waited for. Each reading is held by risky
sentences in other words than the paraphrase set's and by benign sentences with the same surface
words that must stay clean. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse


def calls(text: str) -> set:
    """The calls the statement makes in its own voice (asserted or reported, never negated,
    asked or supposed)."""
    return {a.value for a in analyse(text).acts if a.fact == "statement.calls"
            and a.mode in ("asserted", "reported")}


def facts(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


# --- overthrow: the government removed in the passive, wanted or shown possible -------------------

@pytest.mark.parametrize("text", [
    "The ruling party ought to be driven out of power before the year is over.",
    "This regime will be toppled, and soon.",
    "We have learned how the government can be forced out without a single vote.",
    "The leadership needs to be ousted by the people themselves.",
])
def test_a_ruler_removed_in_the_passive_is_a_call_to_overthrow(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "The Khmer Rouge regime was overthrown in January 1979.",
    "The government can be removed by a vote of no confidence in the National Assembly.",
    "The old market must be pulled down, the ministry said.",
    "The ruling party's candidate was removed from the list after the deadline.",
    "The leadership of the cooperative will be replaced at the annual meeting.",
])
def test_history_a_lawful_vote_or_a_thing_removed_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Nobody voted for this regime. It must be thrown out by those it robs.",
    "The government will never leave on its own. It needs to be chased out.",
])
def test_it_removed_after_the_government_is_named_is_a_call(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "The government cleared the market. It has been pushed out of the city centre.",
    "The government built a dam last year. It was swept away by the flood.",
    "The regime collapsed in 1979. It was driven out by an invading army.",
])
def test_it_removed_as_told_or_a_thing_is_no_call(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Enough waiting for elections: disband the cabinet and begin again.",
    "Dissolve the government with our own hands, not at the ballot box.",
    "This government has to be pushed out by the people and not through elections.",
])
def test_the_vote_denied_as_the_means_leaves_the_call(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "We will remove this government at the ballot box next July.",
    "We will replace this government through elections, not by force.",
    "The court dissolved the opposition party in 2017.",
    "We urge the ministry to dissolve the committee and start again.",
])
def test_the_vote_as_the_means_or_a_committee_dissolved_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Win the government back today; stop waiting for a fair vote.",
    "Let us seize the government back from the thieves.",
])
def test_the_government_taken_back_is_a_call_to_overthrow(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "Take the government back to court if it ignores the ruling.",
    "We will take the government back to its promise of free schooling.",
    "Take the children back to school after the holiday.",
])
def test_taken_back_to_court_or_a_promise_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


# --- foreign-backed change: the leadership, friends placed abroad --------------------------------

@pytest.mark.parametrize("text", [
    "With help from our friends in the West, a change of leadership will come this year.",
    "Trainers from abroad taught us how a ruling party can be swept away.",
])
def test_a_change_of_leadership_backed_abroad_is_foreign_backed(text):
    assert facts(text).get("statement.foreign_backed_change") is True


@pytest.mark.parametrize("text", [
    "Our partners in Europe fund a programme on leadership for young women.",
    "The old leadership of the cooperative is gone, and our partners abroad helped the new board.",
])
def test_leadership_training_or_a_cooperative_board_is_no_foreign_backed_change(text):
    assert "statement.foreign_backed_change" not in facts(text)


# --- appeals to the forces -----------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Every soldier with a conscience knows his loyalty is owed to Cambodia, not to a party.",
    "Any officer must remember that his oath binds him to the people, not to any man.",
    "Soldiers, you need not obey an order to shoot your neighbours.",
    "To the young men in the units at the border: you do not have to follow those orders.",
    "Men who wear the uniform, aim your rifles at no farmer.",
    "Each general should side with the nation, whatever the orders say.",
])
def test_an_appeal_through_rank_uniform_or_conscience_is_a_call(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "Any officer who witnesses abuse can report it to the inspection unit.",
    "Every soldier who served in the demining unit received a medal.",
    "Soldiers in the units sent to the flooded villages handed out rice.",
    "Police officers should walk away from the crowd if tension rises, our trainers advise.",
    "Your guns must be registered with the district police by March.",
    "Our grant goes to the commune council, not to a party.",
    "Workers do not have to follow an order to work unpaid overtime, the labour law says.",
])
def test_forces_named_in_reports_advice_or_law_are_no_appeal(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Police, do not wait for anyone's orders to stand with the people.",
    "Those who wear the uniform should not wait for permission to side with the country.",
])
def test_leave_not_waited_for_does_not_negate_the_appeal(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "Police must not side with the people who throw stones, the minister warned.",
    "Soldiers should not wait for permission; they never side with the nation's enemies.",
])
def test_a_real_negation_still_negates(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "Any officer who walks away from the crackdown line is a hero to us.",
    "Soldiers, walk away from your posts tonight.",
])
def test_walking_away_from_the_line_is_desertion_called_for(text):
    assert "overthrow" in calls(text)


# --- elections: a call not to vote after the election is named, the ballot made worthless --------

@pytest.mark.parametrize("text", [
    "The winner is known before a single vote is cast. Leave your thumb unstained this time.",
    "This ballot is a show for the cameras. Take no part in it.",
    "Render your ballot useless to the regime: scribble over every name.",
    "Leave your votes invalid, all of you.",
])
def test_a_call_not_to_vote_in_other_words_is_abstention(text):
    assert "abstain" in calls(text)


@pytest.mark.parametrize("text", [
    "Keep your fingers clean while you cook for the family.",
    "Register to vote by Friday. Staff who are sick should not take part in the training.",
    "Ballots marked outside the box are void; do not make your ballot invalid by mistake.",
    "Voters may leave the booth when the ink on their finger is dry.",
])
def test_hygiene_training_or_voter_education_is_no_abstention(text):
    assert "abstain" not in calls(text)


def test_a_law_that_sets_fines_for_urging_a_spoiled_ballot_is_quoted_law():
    acts = [a for a in analyse("The amendment sets fines for urging voters to spoil their "
                               "ballots or to stay home.").acts if a.fact == "statement.calls"]
    assert acts and all(a.mode == "quoted-law" for a in acts)


@pytest.mark.parametrize("text", [
    "The results were decided at CPP headquarters long before the polls closed.",
    "Our ballots were tallied in the ruling party's office, not by the commune clerks.",
])
def test_a_count_placed_at_a_party_office_accuses_the_party(text):
    assert "party" in facts(text).get("statement.accuses", [])


@pytest.mark.parametrize("text", [
    "The votes were counted at the polling stations and the results sent to the party "
    "headquarters of every contesting party.",
    "The ruling party decided its candidates for the commune election at a congress.",
])
def test_a_count_at_the_stations_or_a_party_choosing_candidates_is_no_accusation(text):
    assert "party" not in facts(text).get("statement.accuses", [])


@pytest.mark.parametrize("text", [
    "The National Election Committee is the CPP's secretariat.",
    "The election committee is simply the ruling party's mouthpiece.",
])
def test_an_election_body_called_the_partys_servant_is_an_accusation(text):
    assert facts(text).get("statement.accuses")


@pytest.mark.parametrize("text", [
    "The National Election Committee met the ruling party's secretary-general and the "
    "opposition's leaders on Monday.",
    "The ruling party's office in Takeo hosted a blood drive.",
])
def test_a_party_official_met_or_a_party_office_is_no_accusation(text):
    assert "statement.accuses" not in facts(text)


# --- ethnic hatred: likened to vermin, told the land is not theirs, Khmer first -----------------

@pytest.mark.parametrize("text", [
    "The Chinese multiply like locusts in Sihanoukville.",
    "Vietnamese traders are leeches on our markets.",
    "Tell the Lao people whose land this really is.",
    "The Cham must learn that this is not their country.",
    "Migrants from Vietnam are all spies, every one of them.",
    "Khmers first, Khmer jobs first, nobody else.",
])
def test_a_group_likened_to_vermin_or_told_the_land_is_not_theirs_is_discrimination(text):
    assert facts(text).get("statement.discrimination") is True


@pytest.mark.parametrize("text", [
    "Thai farmers say rats and locusts ate much of the cassava crop.",
    "The Cham community marked Ramadan; it is not their custom to eat before sunset.",
    "Vietnamese fishermen are losing their boats to storms.",
    "The Khmer Rouge first took Phnom Penh in April 1975.",
    "Khmer land first came under a title system in 2001.",
    "The Vietnamese families returned to the village; it is their home.",
])
def test_groups_in_news_history_or_farming_are_no_discrimination(text):
    assert "statement.discrimination" not in facts(text)


# --- gathering: the crowd shown to those in power, a place not left until answered ---------------

@pytest.mark.parametrize("text", [
    "Make the governor see our numbers at the market on Monday.",
    "Come to the district office, as many of you as can, on Thursday.",
    "We sit on the road to the factory, and we will not leave until there is a settlement.",
])
def test_a_crowd_shown_or_a_place_held_until_answered_is_a_call_to_gather(text):
    assert "gather" in calls(text)


@pytest.mark.parametrize("text", [
    "Let the donors see our results: the annual report is on our website.",
    "Rescue teams will not go home until they find every missing child.",
    "As many of us as possible will get vaccinated this month.",
    "The families did not leave until the doctor gave an answer about the child.",
])
def test_results_shown_rescue_or_a_clinic_visit_is_no_call_to_gather(text):
    assert "gather" not in calls(text)


# --- a boycott told as what voters were driven to -------------------------------------------------

@pytest.mark.parametrize("text", [
    "With their party banned, many voters were left with no choice other than to boycott the vote.",
    "In 2018 thousands of voters felt compelled to stay away from the polls.",
])
def test_a_boycott_voters_were_driven_to_is_told_not_called(text):
    assert "abstain" not in calls(text)


@pytest.mark.parametrize("text", [
    "Voters were forced to boycott the polls in 2018, and you must boycott the vote again.",
    "You are left with no choice: boycott the election.",
])
def test_a_boycott_called_beside_the_past_is_still_a_call(text):
    assert "abstain" in calls(text)


# --- a crowd called to a court so that its judges feel watched -----------------------------------

def court_pressed(text: str) -> bool:
    return any(a.fact == "statement.court_claims" and a.value == "pending-case"
               and a.mode == "asserted" for a in analyse(text).acts)


@pytest.mark.parametrize("text", [
    "Pack the road outside the courthouse at the verdict so the prosecutors feel the people "
    "watching.",
    "Everyone, come to the provincial court and let the judge see our anger.",
])
def test_a_crowd_called_to_make_the_judges_feel_watched_is_pressure_on_the_court(text):
    assert court_pressed(text)


@pytest.mark.parametrize("text", [
    "Our monitors sit in the public gallery at the trial so that the judges know observers "
    "are watching.",
    "We train lawyers so that judges know the new code is watching them.",
    "Hundreds gathered outside the court so that the judges could see them, reporters said.",
    "Please let the court see our report on pre-trial detention.",
])
def test_trial_monitoring_training_or_a_report_is_no_pressure_on_the_court(text):
    assert not court_pressed(text)


# --- more appeals: their place with the people, arms left behind, the side history judges --------

@pytest.mark.parametrize("text", [
    "Soldiers, your duty lies with the villagers, not with the men who send you.",
    "Officers of the gendarmerie, think of your own children before you raise a gun against us.",
    "Police officers: keep your batons in the barracks on Saturday.",
    "Men in green, refuse to be the shield of a thief.",
    "Generals, choose your side now; history will judge you.",
    "A real soldier serves Cambodia, not a family.",
])
def test_appeals_in_further_words_are_calls(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "Police officers must leave their weapons at the door of the courtroom, the court rules say.",
    "History will judge you, the teacher told the students.",
    "Your real enemy is malaria, the health minister told soldiers at the border.",
    "The general said soldiers are bound to follow lawful orders.",
    "Soldiers' duty is with the villagers during floods, the commander said at the ceremony.",
])
def test_rules_lessons_or_a_commanders_words_are_no_appeal(text):
    assert "overthrow" not in calls(text)


# --- more overthrow: brought to an end, chased from the capital, the CPP's rule ended ------------

@pytest.mark.parametrize("text", [
    "The regime must be brought to an end by those it has robbed.",
    "This government should be chased from the capital before the rains.",
    "Put an end to the CPP's rule, whatever it costs.",
])
def test_ending_the_rulers_in_further_words_is_a_call_to_overthrow(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "The old system of land titles was brought to an end in 2001.",
    "The programme will be brought to an end in June when funding stops.",
    "The ruling clique of the football federation was removed from office by the members.",
    "We will put an end to the CPP's rule at the ballot box in July.",
])
def test_a_programme_ended_a_club_board_or_the_vote_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


# --- more strikes, abstention and hatred ---------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Not one loom works on Tuesday.",
    "No bus moves tomorrow in Phnom Penh.",
])
def test_nothing_of_the_trade_moving_on_the_day_named_is_a_strike(text):
    assert "strike" in calls(text)


@pytest.mark.parametrize("text", [
    "No machine runs without a trained operator, the factory manager said.",
    "Not one boat sails during the storm warning, the fisheries office said.",
])
def test_a_rule_or_a_storm_warning_is_no_strike(text):
    assert "strike" not in calls(text)


def test_no_inked_finger_is_abstention_and_a_voters_inked_finger_is_not():
    assert "abstain" in calls("The election is decided already. Not a single ink-stained finger "
                              "this year.")
    assert "abstain" not in calls("Voters proudly showed their ink-stained fingers after voting.")


@pytest.mark.parametrize("text", [
    "The Vietnamese are swarming over the border like flies.",
    "The Chinese bosses are a plague on Sihanoukville.",
    "Every Vietnamese at the market must be watched; they are all informers.",
])
def test_a_group_called_a_plague_a_swarm_or_informers_is_discrimination(text):
    assert facts(text).get("statement.discrimination") is True


@pytest.mark.parametrize("text", [
    "Vietnamese families in the floating villages are swarming to the new clinic.",
    "Cancer patients in Cham communities get free treatment at the provincial hospital.",
    "Every Thai visitor must show a passport at the border post.",
])
def test_a_clinic_a_hospital_or_a_passport_check_is_no_discrimination(text):
    assert "statement.discrimination" not in facts(text)


# --- the government's end as the speaker's wish ---------------------------------------------------

@pytest.mark.parametrize("text", [
    "We pray that the dictatorship crumbles before the New Year.",
    "We will stay on the road until the regime falls.",
    "All that matters is that this government ends, one way or another.",
])
def test_the_rulers_end_wished_for_is_a_call_to_overthrow(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "We hope the government ends the evictions this year.",
    "We want the government to end forced labour in the brick kilns.",
    "We hope the government falls into line with the treaty.",
    "We are waiting for the day the government ends its silence on the evictions.",
    "The regime collapsed in 1979.",
    "We will remove this government at the polls; we want the regime to end by the vote.",
])
def test_the_government_ending_a_practice_history_or_the_vote_is_no_overthrow(text):
    assert "overthrow" not in calls(text)


# --- word forms and names that narrowed the readings: third persons, singulars, the cabinet ------

@pytest.mark.parametrize("text", [
    "Every policeman who lowers his shield tomorrow is one of us.",
    "Young recruits, you can refuse an unjust order.",
    "Troops in the capital: hold your fire.",
    "Gendarmes should stand shoulder to shoulder with the farmers.",
])
def test_appeals_in_the_third_person_or_to_recruits_are_calls(text):
    assert "overthrow" in calls(text)


@pytest.mark.parametrize("text", [
    "The policeman lowered the flag at the ceremony.",
    "Recruits must obey the orders of their instructors during training, the ministry said.",
    "Hold your fire extinguisher upright, the safety trainer told the police cadets.",
    "Police hold fire as protesters disperse, the spokesman said.",
])
def test_a_ceremony_training_or_safety_advice_is_no_appeal(text):
    assert "overthrow" not in calls(text)


@pytest.mark.parametrize("text", [
    "The Hun family has to be swept from power.",
    "This cabinet must be driven out before the next harvest.",
])
def test_the_cabinet_or_the_ruling_family_removed_is_a_call(text):
    assert "overthrow" in calls(text)


def test_the_ruling_family_helped_is_no_call():
    assert "overthrow" not in calls("The Hun family has to be helped by the local government, "
                                    "said the flood relief team.")


@pytest.mark.parametrize("text", [
    "Drivers, park your trucks across the highway at noon.",
    "On election day, remain in your villages.",
    "Put a cross through each candidate and let them count that ballot.",
])
def test_blockades_and_abstention_in_further_words_are_calls(text):
    found = calls(text)
    assert "gather" in found or "abstain" in found


@pytest.mark.parametrize("text", [
    "Please park your cars across the road from the pagoda, not in front of it.",
    "Remain in your villages during the floods, the disaster committee said.",
])
def test_parking_advice_or_a_flood_warning_is_no_call(text):
    found = calls(text)
    assert "gather" not in found and "abstain" not in found
