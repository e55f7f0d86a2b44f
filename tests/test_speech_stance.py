"""The analyser's generalising parts (issue 13): word forms by lemma, clause scope, stance toward
sensitive targets, and the false alarms they must not raise."""

from __future__ import annotations

import pytest

from lawcheck.speech import analyse
from lawcheck.speech.lemmas import expand, forms, lemma


def labels(text: str) -> dict:
    return {k: v for k, v in analyse(text).facts.items() if v and k != "statement.mentions"}


def test_lemma_table_ships_with_spacy_lookups_data():
    assert lemma("plundering") == "plunder"
    assert lemma("sold") == "sell"


def test_forms_keep_other_words_apart():
    assert {"selling", "sells", "sell"} <= set(forms("sold"))
    assert "clear" not in forms("cleared")      # a participle is not its bare verb
    assert "clearer" not in forms("clear")      # comparison is not inflection
    assert "lay" not in forms("lie") and forms("lies") == ("lies",)
    assert expand("sold the country")[0] == "sold the country"
    assert "selling the country" in expand("sold the country")


def test_a_cue_matches_in_its_other_forms():
    # the lexicon lists "plunder" and "plundered"; "plundering" comes from the lemma table
    assert labels("The district governor is plundering the forest.") == {
        "statement.accuses": ["official"]}


def test_a_court_that_released_someone_is_not_pressed():
    assert labels("The court released the accused after the charges were withdrawn by the "
                  "prosecutor last week; the family thanked our lawyers.") == {}


@pytest.mark.parametrize("text, fact, value", [
    # a negated command negates the verb, not the name later in its clause
    ("Soldiers, do not follow the orders of the dictator.", "statement.calls", ["overthrow"]),
    ("Police officers: stand with the people, not with the regime.", "statement.calls",
     ["overthrow"]),
    ("The Prime Minister is lying about the border.", "statement.accuses", ["official"]),
    ("Api Sihamoni", "statement.insults", ["king"]),
    ("The corpse of Hun Sen died at a hospital.", "statement.insults", ["politician"]),
    ("The government is controlled by Hanoi.", "statement.insults", ["government"]),
    ("Join us at the provincial hall on Monday to demand justice.", "statement.calls",
     ["gather"]),
    ("In fact it does not belong to Cambodians, so don't post it.",
     "statement.territory_claim", True),
    ("Keep your finger clean on election day.", "statement.calls", ["abstain"]),
])
def test_stance_toward_a_sensitive_target(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


def test_an_attribution_does_not_cross_into_the_writers_own_clause():
    facts = analyse("The minister said the project would help, but he is a liar.").facts
    assert facts["statement.insults"] == ["official"]
    assert facts["statement.reported_accusation"] == []
    facts = analyse("Villagers said the governor is a thief.").facts
    assert facts["statement.reported_accusation"] == ["official"]


@pytest.mark.parametrize("text", [
    "We call for free and fair elections in 2028.",
    "We welcome the release by the provincial court of the three activists.",
    "The King shared the grief of the families who lost their homes in the floods.",
    "Join us at the community hall on Saturday for a training on first aid.",
    "Remember: marks outside the box may cause your ballot to be counted as spoiled.",
    "The court will hear the case of the five land activists on 12 January.",
    "Article 437 bis of the Criminal Code punishes insulting the King.",
])
def test_benign_words_near_sensitive_targets_stay_clean(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text, fact, value", [
    ("Cambodia cannot accept the governor's family selling the land of the former king.",
     "statement.accuses", ["official"]),   # refusing to accept is no denial
    ("I appeal to the armed forces: please, brothers, don't side with the dictator.",
     "statement.calls", ["overthrow"]),
    ("useless … dog king", "statement.insults", ["king"]),
    ("Today we clearly know who is truly the King.", "statement.insults", ["king"]),
    ("Beheading Yuons is the duty of all Khmer children.", "statement.discrimination", True),
])
def test_real_wordings_from_the_tuning_set(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


def test_a_relative_clause_with_let_is_no_call():
    facts = analyse("The network that the government let kill human beings was never found.").facts
    assert facts["statement.calls"] == []


def test_a_party_in_general_is_no_target_of_praise():
    facts = analyse("Teachers have a right to express support for a political party, but not "
                    "on school premises.").facts
    assert facts["statement.party_stance"] == [] and "party" in facts["statement.mentions"]


@pytest.mark.parametrize("text, fact, value", [
    ("traitor … puppet of Vietnam", "statement.insults", ["person"]),   # a banner's words
    ("You are surviving because you plunder the nation.", "statement.accuses", ["person"]),
    ("shoot the head of the commune chief", "statement.calls", ["violence"]),
    ("PM Hun Sen died yesterday in a plane crash.", "statement.insults", ["politician"]),
])
def test_short_and_addressed_wordings(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


def test_a_short_benign_post_with_a_harsh_word_is_no_insult():
    assert analyse("What a joke of a day!").facts["statement.insults"] == []


def test_members_of_the_opposition_is_no_endorsement():
    text = ("This verdict is one in a series of measures directed against independent media, "
            "members of the opposition and civil society.")
    assert analyse(text).facts["statement.party_stance"] == []


@pytest.mark.parametrize("text", [
    "His Majesty the King condemned the attack on the pagoda.",
    "The palace denied the rumours.",
    "His Majesty the King is gravely ill, the palace said.",
    "The King rejected the request.",
    "The King criticised corruption in his speech.",
    "The King mourned the loss of the Queen Mother.",
])
def test_what_the_king_does_or_suffers_is_no_insult(text):
    # a negative word after the King is what he did or suffers, unless a verb of being says it
    # of him ("the King is useless")
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    "We welcome the court's decision to release the three activists on bail.",
    "The court acquitted the four defendants; we welcome the acquittal.",
    "The UN Special Rapporteur called on the government to release all detained human "
    "rights defenders.",
])
def test_welcoming_or_reporting_a_release_is_no_pressure_on_a_court(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "We welcome the release of the activists but the court must drop the remaining charges.",
    "We called on the court to release them.",
])
def test_a_demand_in_the_writers_own_voice_still_counts(text):
    assert analyse(text).facts["statement.court_claims"] == ["pending-case"]


def test_someone_elses_campaign_for_a_release_is_reported_not_pressed():
    # a report of others' campaign "to call for" / "calling for" a release is news of the call
    assert "pending-case" not in labels(
        "Hundreds of villagers wore black on Monday in a campaign to call for the release of "
        "the four detained land activists before their trial.").get(
            "statement.court_claims", [])
    assert "pending-case" not in labels(
        "Monks held a vigil outside the provincial court calling for the release of the "
        "detained union leader.").get("statement.court_claims", [])
    # the organisation's own call stays pressure on the court
    assert "pending-case" in labels(
        "We are calling for the release of the four detained land activists before their "
        "trial.")["statement.court_claims"]


def test_an_abusive_name_asked_on_a_leaflet_is_published():
    # a caption or leaflet of a few words that asks "traitors?" names its target all the same
    assert labels("Traitors?")["statement.insults"] == ["person"]
    assert labels("Puppets of the regime?").get("statement.insults")
    # a longer open question keeps its question scope
    assert not labels("Is it fair that critics of new laws are sometimes called traitors by "
                      "commentators on talk radio?").get("statement.insults")


def test_a_wish_for_other_leaders_is_a_call_for_change_of_government():
    assert "overthrow" in labels("Enough is enough. We want a new prime minister.")[
        "statement.calls"]
    assert "overthrow" in labels("I need a new leader for this nation")["statement.calls"]
    # news that a new government took office is no call
    assert "overthrow" not in labels(
        "The new government took office in August and the ministry has a new minister."
    ).get("statement.calls", [])


def test_he_before_the_cue_is_the_one_accused_not_the_victim_named_after():
    # "he" points back to the official named in the sentence before; Mr. Sok Dara is the victim
    found = labels("The provincial governor came to Kampot on Monday. In his anger he killed "
                   "Mr. Sok Dara.")
    assert found["statement.accuses"] == ["official"]
    # with no one named before, the name after the cue stays the target
    assert labels("Yesterday he robbed Mr. Sok Dara of his land.")["statement.accuses"] == [
        "person"]


def test_calling_someones_act_unlawful_accuses_them():
    assert labels("The company's act of clearing the villagers' land is against the law.")[
        "statement.accuses"] == ["company"]
    assert labels("The district governor unlawfully seized the land of 40 families.")[
        "statement.accuses"] == ["official"]
    # the law explained in a training names no one
    assert labels("Clearing forest without a permit is against the law, the trainer told "
                  "commune councillors.") == {}


def test_borders_in_the_plural_are_the_border():
    assert labels("The two governments will sign off on dissolving the borders of the two "
                  "countries.")["statement.territory_claim"] is True
    assert labels("Doctors Without Borders opened a clinic for migrants who lost their "
                  "papers.") == {}


def test_a_territory_cue_whose_object_is_not_land_claims_nothing():
    # migration and trade work at the border: what was lost or sold is named, and is no land
    assert labels("Migrants crossing the Thai border lost their papers and their wages.") == {}
    assert labels("Traders at the Vietnamese border sold the rice at a loss this year.") == {}
    # the object is land, a place or the border: still a claim
    assert labels("Villagers lost their land to the new border posts.")[
        "statement.territory_claim"] is True
    assert labels("The government sold our rice fields to Vietnam.")[
        "statement.territory_claim"] is True


@pytest.mark.parametrize("text", [
    "The provincial court is being used to arrest anyone who speaks up for their land.",
    "This court has become a weapon against the poor.",
    "The courts jail activists whenever the government wants them jailed.",
    "The court convicted them without a single piece of evidence.",
    "The case against the three farmers is a political one, built to punish them.",
])
def test_a_court_said_to_serve_someones_will_is_a_claim_about_the_court(text):
    # issue 13: criticising the court, or saying it is used to arrest people, presses on it
    assert analyse(text).facts["statement.court_claims"] == ["judge"], analyse(text).acts


@pytest.mark.parametrize("text", [
    # decision (tests/data/README): a measured call on the authorities to stop a practice is a
    # policy demand on the government, not a claim about a judge or a case, and no boycott
    "We urge the authorities to stop using the courts against human rights defenders.",
    "The UN Special Rapporteur called on the government to stop using the judiciary to "
    "silence critics.",
    "It is only meant to control those who have been publicly critical of political cases.",
])
def test_a_call_to_stop_using_the_courts_is_no_claim_and_no_boycott(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # decision (tests/data/README): a release call put to the government, the authorities or a
    # leader in measured words is no pressure on the court
    "We call on the authorities to release the detained land activists.",
    "We urge the Cambodian government to release them immediately and unconditionally.",
    "I ask Samdech to help the poor families and release them from detention.",
])
def test_a_release_call_put_to_the_authorities_is_no_pressure_on_a_court(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "We call on the Phnom Penh Municipal Court to release the seven activists.",
    "Release him now. Three hundred days in pre-trial detention is enough.",
    # discrediting the case is never set aside, whoever the call is put to
    "We urge the authorities to drop these politically motivated charges.",
])
def test_a_release_call_to_the_court_or_in_its_own_voice_still_presses(text):
    assert analyse(text).facts["statement.court_claims"] == ["pending-case"], analyse(text).acts


@pytest.mark.parametrize("text, value", [
    # appeals to the armed forces to refuse orders or take the people's side
    ("The armed forces must not follow unlawful orders to shoot at their own people.",
     "overthrow"),
    ("Military officers, it is time to choose the side of the people.", "overthrow"),
    # calls to end or topple the regime in other words
    ("Rise up and end the dictatorship.", "overthrow"),
    ("Together we will bring this government to its knees.", "overthrow"),
    ("The government has no right to rule; the people must take the power back.", "overthrow"),
    # staying away, refusing or spoiling the vote in other words
    ("Nobody should take part in this fake election.", "abstain"),
    ("Refuse to cast your vote in the commune elections.", "abstain"),
    ("On 5 June, stay home. Let the polling stations stand empty.", "abstain"),
    ("Mark every box so your ballot cannot be counted.", "abstain"),
    ("Do not dip your finger in the ink this year.", "abstain"),
    # coming somewhere to demand something, with no gathering word
    ("Come with your families to the Ministry of Labour on Friday and demand your wages.",
     "gather"),
    ("Meet us in front of the Ministry of Environment on Thursday; we will not leave until "
     "they listen.", "gather"),
])
def test_calls_in_new_words(text, value):
    assert value in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The police protected the marchers and kept the road safe, and we thank them.",
    "We hope the next government will invest more in rural health clinics.",
    "Remember to bring your ID card when you go to vote on 5 June.",
    "Join us at the provincial hall on Monday for the launch of our annual report.",
    "Come to our office on Friday to collect your seeds and training materials.",
])
def test_benign_words_near_new_call_wordings_stay_clean(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # a named leader or the government to be removed, in the speaker's voice (issue 13: overthrow
    # with no "regime" word); the name may end the sentence ("Hun Sen." is no abbreviation)
    "Our aim is to unseat Hun Manet before the year is out.",
    "Comrades, help us get rid of the dictator once and for all.",
    "We must remove Hun Manet from power.",
    "Brothers and sisters, drive the dictator out of office!",
    "It is time to end Hun Sen's rule.",
    "Let us put an end to the regime of the dictator.",
    "Everyone knows what we must do: bring down Hun Sen.",
])
def test_a_call_to_remove_a_named_leader_is_a_call_to_overthrow(text):
    assert "overthrow" in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    # a charge or verdict reported, a change by the vote, other things brought down or ended
    "Kem Sokha was convicted of conspiring with a foreign power to topple the government.",
    "The Prime Minister accused the opposition of plotting to oust him.",
    "We urge voters to oust the ruling party at the ballot box.",
    "We must end impunity and uphold the rule of law in every province.",
    "We will bring down the price of rice for Hun Sen's supporters.",
    "The court removed the opposition leader from office in 2017.",
])
def test_removals_reported_voted_or_of_something_else_are_no_call_to_overthrow(text):
    assert "overthrow" not in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    # harm promised by the speaker's own hand; "not be long before" means soon, denies nothing
    "Hun Manet, you will be dead by my hand.",
    "I swear the dictator will bleed by my own hands.",
    "It won't be long before the governor dies at my hands.",
])
def test_harm_by_the_speakers_own_hand_is_a_call_to_violence(text):
    assert "violence" in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "I wrote this letter by my own hand.",
    "Many people died at the hands of the Khmer Rouge.",
    "Our grandmother, who died last year, planted these trees with her own hands.",
])
def test_ones_own_hands_without_a_threat_call_for_nothing(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # border posts said to be set inside the country's land
    "The border posts were planted on our rice fields by the foreigners.",
    "They moved the markers deep inside our territory last night.",
    "Thai soldiers pushed into our farmland and moved the posts.",
    "The new posts stand 500 metres inside Cambodia.",
])
def test_border_posts_set_inside_the_countrys_land_are_a_territory_claim(text):
    assert analyse(text).facts["statement.territory_claim"] is True, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The new markers were placed on the line agreed in the 1985 treaty.",
    "Border police were placed on alert after the floods.",
    "Our Facebook posts were moved into a new archive.",
    "Border police patrol deep inside our forests to stop illegal logging.",
])
def test_posts_or_the_border_without_land_taken_claim_nothing(text):
    assert analyse(text).facts["statement.territory_claim"] is False, analyse(text).acts


@pytest.mark.parametrize("text, value", [
    # the forces called to rise against the regime or its leader
    ("In the coming days all forces must be ready to rise against the dictatorial regime.",
     "overthrow"),
    ("Soldiers and police, the day is coming: stand against the dictator.", "overthrow"),
    ("To all soldiers: turn against this government before it is too late.", "overthrow"),
    # a call to come and welcome a named leader home is a call to gather
    ("Let's all go to the border on 9 November to welcome Sam Rainsy home.", "gather"),
    ("Everyone must come to the airport tomorrow to greet Kem Sokha.", "gather"),
    # workers stopping the machines; borrowers refusing to repay the lenders together
    ("Workers across the country, stop your machines on Monday.", "strike"),
    ("Stop repaying your loans until the banks forgive the debts.", "boycott"),
    ("We urge every borrower: do not pay back a single riel to the microfinance lenders.",
     "boycott"),
])
def test_appeals_and_calls_in_other_words(text, value):
    assert value in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The armed forces must protect people who protest against the regime.",
    "The police must stand against corruption in their own ranks.",
    "Human rights defenders who speak out against the regime face arrest by police.",
    "We invite all members to welcome the Minister of Health at the clinic opening.",
    "We urge microfinance lenders to suspend loan repayments during the floods.",
    "Borrowers told us they could not pay back their loans after the harvest failed.",
])
def test_near_misses_of_appeals_and_calls_stay_clean(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text, fact, value", [
    # the King by a veiled name, said to sign whatever he is handed or called off the throne
    ("The man in the palace signs whatever he is given.", "statement.insults", ["king"]),
    ("The King should give up the throne to someone who cares.", "statement.insults", ["king"]),
    # a clause closed before the "?" is asserted, not asked
    ("The monarch stayed silent while our homes burned; what is he for?",
     "statement.insults", ["king"]),
    # a spoiled ballot in other words
    ("On polling day, draw a cross through every name on the ballot.", "statement.calls",
     ["abstain"]),
    # the dissolved party said to live on, loyalty to it
    ("The CNRP will rise again!", "statement.party_stance", ["endorse"]),
    ("We remain loyal to the Cambodia National Rescue Party.", "statement.party_stance",
     ["endorse"]),
])
def test_veiled_king_ballots_and_party_loyalty(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The King will return from Beijing on Sunday.",
    "Officials loyal to the CPP harassed the villagers, the families said.",
    "Voters should check every name on the list at the commune office before 5 June.",
    "Will the palace receive the petition?",
])
def test_near_misses_of_king_ballot_and_loyalty_stay_clean(text):
    facts = analyse(text).facts
    assert facts["statement.insults"] == [] and facts["statement.calls"] == [] and \
        facts["statement.party_stance"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    # land or a place given to a neighbour, or held by a neighbour's forces
    "The prime minister quietly gave Koh Tral to Vietnam.",
    "This government has ceded our temples to Thailand.",
    "Thailand now controls four of our temples.",
    "Vietnamese troops occupy Cambodian land along the border.",
    "Cambodia is losing its land to its neighbours every year.",
])
def test_land_given_to_or_held_by_a_neighbour_is_a_territory_claim(text):
    assert analyse(text).facts["statement.territory_claim"] is True, analyse(text).acts


@pytest.mark.parametrize("text", [
    "Cambodia sold 500,000 tonnes of rice to Vietnam last year.",
    "Thai soldiers seized two Cambodian migrants at the border and sent them home.",
    "The company, backed by Vietnamese investors, occupied our land in 2012.",
    "Vietnam gave Cambodia 1,000 tonnes of rice after the floods.",
])
def test_goods_people_or_a_company_are_no_territory_claim(text):
    assert analyse(text).facts["statement.territory_claim"] is False, analyse(text).acts


@pytest.mark.parametrize("text", [
    # the nation to be freed or taken back from a named leader or family
    "Let us liberate Cambodia from the Hun family.",
    "Cambodians must free the nation from this dictator.",
    "Help our country escape from dictator Hun Sen.",
    "The people must take the country back from Hun Manet.",
])
def test_freeing_the_nation_from_a_named_leader_is_a_call_to_overthrow(text):
    assert "overthrow" in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Our clinic helps families escape from debt.",
    "Hun Sen saved the country from the Khmer Rouge in 1979, his party says.",
    "We must save the country from dengue this rainy season.",
    "Help the people escape from poverty with savings groups.",
])
def test_freeing_from_something_else_or_in_the_past_calls_for_nothing(text):
    assert "overthrow" not in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    # a strike in other words; a negation inside a closed condition does not reach the call
    "If the wage is not raised, all unions will stop work nationwide.",
    "Teachers, leave your classrooms empty on Monday.",
    "We will shut down every factory in Phnom Penh until the minimum wage is paid.",
    "The strike goes on; nobody returns to work until the owner pays.",
])
def test_strike_calls_in_other_words(text):
    assert "strike" in analyse(text).facts["statement.calls"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "If the company does not pay, we do not strike, we go to the Arbitration Council.",
    "The teachers returned to their classrooms after the holiday.",
    "Nobody returns to work injured if the factory follows the safety rules.",
])
def test_near_misses_of_strike_calls_stay_clean(text):
    assert analyse(text).facts["statement.calls"] == [], analyse(text).acts


@pytest.mark.parametrize("text, claim", [
    # a neighbour swallowing or nibbling the territory claims it; a company taking land near
    # the border is a land dispute, unless a neighbour is named as the taker
    ("The yuon plan to swallow our territory piece by piece.", True),
    ("Thailand keeps nibbling at our border land.", True),
    ("A Vietnamese company grabbed our land near the border.", True),
    ("The company grabbed our land near the Vietnam border.", False),
    ("The sugar concession keeps eating up our land near the Thai border.", False),
    ("The rising sea is swallowing our island.", False),
])
def test_who_takes_the_land_decides_a_territory_claim(text, claim):
    assert analyse(text).facts["statement.territory_claim"] is claim, analyse(text).acts


@pytest.mark.parametrize("text, called", [
    # coming out or filling a place for a demand or a show of strength is a call to gather
    ("Everyone who loves the nation, come out on 9 November to show your strength.", True),
    ("Come out and show your strength this Sunday.", True),
    ("Let us fill Democracy Square until our demands are met.", True),
    # with no demand or show of strength it is an invitation or a chore
    ("Come out and vote on 5 June!", False),
    ("Come out on Saturday for the tree planting at the pagoda.", False),
    ("Please fill in the form until our office closes on Friday.", False),
    ("Fill the bags with rice to show the world we care.", False),
])
def test_coming_out_for_a_demand_is_a_call_to_gather(text, called):
    assert ("gather" in analyse(text).facts["statement.calls"]) is called, analyse(text).acts


@pytest.mark.parametrize("text, called", [
    # the thumbprint that marks a vote, withheld in an election
    ("This sham election does not deserve your thumbprint.", True),
    ("Do not give them your fingerprint at the polling station on 23 July.", True),
    ("Keep your thumbprint for a real election.", True),
    # a thumbprint on a contract is land-rights advice, not a ballot
    ("Never give them your thumbprint on a land contract you cannot read.", False),
    ("Villagers gave their thumbprints on the petition to the provincial hall.", False),
])
def test_a_thumbprint_withheld_in_an_election_is_a_call_to_abstain(text, called):
    assert ("abstain" in analyse(text).facts["statement.calls"]) is called, analyse(text).acts


@pytest.mark.parametrize("text, mocked", [
    # the King said to be another's tool, hostage or servant, the other named
    ("The man on the throne has become a tool of Hun Sen.", True),
    ("Our monarch is Hun Sen's hostage.", True),
    ("The palace only signs what the Prime Minister sends.", True),
    ("His Majesty takes orders from the ruling party.", True),
    # service, protocol, hostages of debt, or someone else called a tool
    ("The King serves the nation and the government thanked him.", False),
    ("The palace obeys the protocol of the royal ceremonies.", False),
    ("Families held hostage by debt wrote to the King for help.", False),
    ("The Prime Minister is a tool of Vietnam, and the King knows it.", False),
])
def test_the_king_said_to_be_anothers_tool_is_mocked(text, mocked):
    assert ("king" in analyse(text).facts["statement.insults"]) is mocked, analyse(text).acts


@pytest.mark.parametrize("text, appeal", [
    # the forces asked to refuse orders, lay down their batons or serve no single family
    ("Members of the armed forces should refuse any order to crack down on protesters.", True),
    ("Military police, put down your batons and go home.", True),
    ("Commanders who love the nation must not obey Hun Sen.", True),
    ("Soldiers, your duty is to the nation, not to one family.", True),
    # neutrality, restraint, or orders from someone else
    ("The army must stay neutral and not serve the ruling party.", False),
    ("Police must not obey orders from companies to evict villagers.", False),
    ("We urge the police to refrain from violence against protesters.", False),
    ("Soldiers: not one man should be left behind in the flood rescue.", False),
])
def test_appeals_to_the_forces_in_other_words(text, appeal):
    assert ("overthrow" in analyse(text).facts["statement.calls"]) is appeal, analyse(text).acts


@pytest.mark.parametrize("text, endorsed", [
    # a party's colours worn or hung, its leader called the true one, the party said to return
    ("Wear your CNRP shirt on Sunday to show you have not forgotten.", True),
    ("Hang the CNRP flag on your house.", True),
    ("Kem Sokha is our true leader.", True),
    ("The Rescue Party will be back.", True),
    ("Wear your mask when you visit the CNRP office.", False),
    ("Police raised concerns about the CNRP rally, the report says.", False),
])
def test_colours_worn_and_true_leaders_endorse_the_party(text, endorsed):
    assert ("endorse" in analyse(text).facts["statement.party_stance"]) is endorsed, \
        analyse(text).acts


@pytest.mark.parametrize("text, violent", [
    # "hang" calls for violence only when a person is to be hanged
    ("Hang the traitors!", True),
    ("The dictator must be hanged.", True),
    ("Hang the banner at the entrance before the workshop.", False),
    ("Please hang your posters on the notice board.", False),
])
def test_hanging_a_person_not_a_banner_is_a_call_to_violence(text, violent):
    assert ("violence" in analyse(text).facts["statement.calls"]) is violent, analyse(text).acts


@pytest.mark.parametrize("text, violent", [
    # a violent verb on people, a target or property calls for harm
    ("Burn the sawmill down tonight.", True),
    ("Attack the police station at dawn.", True),
    ("We will beat the company guards until they leave.", True),
    # on a chore or a figure of speech it harms no one
    ("Shoot a short video of your community and send it to us.", False),
    ("Burn the rubbish only in the pit behind the school.", False),
    ("Beat the deadline: apply before 15 December.", False),
    ("Kill the engine before refuelling the boat.", False),
    ("Attack the problem at its root: invest in girls' education.", False),
])
def test_a_violent_verb_calls_for_harm_only_when_it_harms_someone(text, violent):
    assert ("violence" in analyse(text).facts["statement.calls"]) is violent, analyse(text).acts


@pytest.mark.parametrize("text, called", [
    # health, farm and office advice that uses a word of boycott or gathering calls no one
    ("Do not use plastic bags at the market.", False),
    ("Stop using pesticides near the river.", False),
    ("Everyone should surround the seedlings with mulch.", False),
    ("Turn out the lights when you leave the office.", False),
    # a company, a square or an office still makes the call
    ("Do not buy from the Golden River company; take your money elsewhere.", True),
    ("Occupy the square until the wages are paid.", True),
    ("Surround the water company office on Monday to demand clean water.", True),
])
def test_advice_on_things_is_no_boycott_or_gathering(text, called):
    assert bool(analyse(text).facts["statement.calls"]) is called, analyse(text).acts


def test_going_somewhere_is_no_fall_and_unite_and_strike_is_a_call():
    facts = analyse("Everyone must go to the provincial hall on Monday; we will not leave "
                    "until they return our land.").facts
    assert facts["statement.calls"] == ["gather"], analyse("x").acts
    assert "overthrow" in analyse("This regime must go.").facts["statement.calls"]
    assert analyse("Workers of Cambodia, unite and strike!").facts["statement.calls"] == [
        "strike"]
    assert analyse("Strike a balance between work and rest.").facts["statement.calls"] == []


def test_new_wordings_reach_the_level_their_precedents_show(tmp_path):
    # issue 13 "Levels": overthrow, appeals to the forces, border claims, mockery of the King
    # and ballot campaigns reach critical in their new wordings; a strike or a boycott of the
    # lenders stays below it
    from datetime import date

    from lawcheck.review.quality import Labelled
    from lawcheck.review.reviewer import ReviewerSpec

    reviewer = ReviewerSpec(db=str(tmp_path / "w.db"), sync=True).build()
    order = ("none", "low", "moderate", "high", "critical")

    def level(text):
        item = Labelled("s", text, "t", 1, date(2026, 12, 1), "facebook", None,
                        frozenset(), "domestic_ngo")
        risk = reviewer.review(item)["risk"]
        return max((risk[k]["level"] for k in risk), key=order.index)

    for text in ("Our aim is to unseat Hun Manet before the year is out.",
                 "Soldiers and police, the day is coming: stand against the dictator.",
                 "They moved the markers deep inside our territory last night.",
                 "Our monarch is Hun Sen's hostage.",
                 "This sham election does not deserve your thumbprint."):
        assert level(text) == "critical", text
    for text in ("Teachers, leave your classrooms empty on Monday.",
                 "Stop repaying your loans until the banks forgive the debts."):
        assert order.index("low") <= order.index(level(text)) < order.index("critical"), text


def test_a_vote_for_an_abusive_name_is_no_endorsement():
    facts = analyse("Do not go to the polls; a vote for this sham is a vote for the "
                    "dictator.").facts
    assert "endorse" not in facts["statement.party_stance"]
    assert facts["statement.calls"] == ["abstain"]
    # "in protest" says why, it calls no one to a protest
    assert analyse("Leave the ballot blank in protest.").facts["statement.calls"] == ["abstain"]


def test_a_notified_call_to_gather_stays_below_one_without_notice(tmp_path):
    # issue 13 "Levels": a peaceful call to gather is not critical; with the notice the law
    # requires it is lower still
    from datetime import date

    from lawcheck.review.quality import Labelled
    from lawcheck.review.reviewer import ReviewerSpec

    reviewer = ReviewerSpec(db=str(tmp_path / "l.db"), sync=True).build()
    order = ("none", "low", "moderate", "high", "critical")

    def level(text):
        item = Labelled("s", text, "t", 1, date(2026, 12, 1), "press_release", None,
                        frozenset(), "domestic_ngo")
        risk = reviewer.review(item)["risk"]
        return max((risk[k]["level"] for k in risk), key=order.index)

    call = "We invite all members to gather peacefully at the park on 10 December"
    plain, notified = level(call + "."), level(call + "; the municipality was notified.")
    assert order.index(notified) < order.index(plain) < order.index("critical")
    assert notified != "none"   # still a finding: the incitement clause is vague


@pytest.mark.parametrize("text", [
    # a strike or a fight told as past or as a metaphor, and standing up for rights, call no one
    "The ILO urges the government to release the workers detained for having participated in "
    "the strike over the minimum wage.",
    "The UN and donors need to fight tenaciously to defend this office.",
    "A generation of young people has dared to stand up for human rights.",
    # a release welcomed after the cue, in the same clause
    "The release of 26 detained activists is good news, but more remain in prison.",
])
def test_reports_metaphors_and_welcomes_after_the_cue_stay_clean(text):
    assert labels(text) == {}, analyse(text).acts


def test_a_call_to_stop_using_the_courts_said_after_the_claim_does_not_cancel_it():
    # `scope: before` groups cancel only from before the cue: the claim stands first
    assert analyse("The court is being used to silence critics, and the government must stop "
                   "using it.").facts["statement.court_claims"][:1] == ["judge"]


@pytest.mark.parametrize("text, target", [
    # blame with no cue word of the first lists: taking land, favouring family, coercion
    ("Minister Chea Vuthy took the land of two hundred families and gave it to his brother.",
     "official"),
    ("The governor seized our land and handed it to a company.", "official"),
    ("The commune chief and his men intimidate the families every week.", "official"),
])
def test_leaders_and_officials_blamed_without_a_first_list_word(text, target):
    assert target in analyse(text).facts["statement.accuses"], analyse(text).acts


def test_land_taken_by_the_state_lawfully_reported_names_no_one_accused():
    assert labels("The land was taken over by the state in 1979 and given to the commune "
                  "as a school site.") == {}


def test_a_crime_named_after_an_arrest_is_the_suspects_not_the_polices():
    assert labels("The police arrested two suspects in the robbery of the market on Sunday.") \
        == {}
    # an act of their own, not led to by "in", "for", "with": still an accusation
    assert labels("The police arrested and tortured the two activists.")[
        "statement.accuses"] == ["security-forces"]


@pytest.mark.parametrize("text, fact, value", [
    ("Everyone knows the verdict was decided before the trial began.",
     "statement.court_claims", ["verdict"]),
    ("Our colleagues are innocent and the court knows it.", "statement.court_claims",
     ["judge"]),
    ("A court that jails farmers for defending their land is no court at all.",
     "statement.court_claims", ["judge"]),
    ("Hun Manet's party cares only about its tycoons.", "statement.party_stance", ["attack"]),
    ("The tycoon's men burned our houses while we watched.", "statement.accuses",
     ["person"]),
])
def test_more_stances_toward_courts_parties_and_officials(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


def test_a_name_after_a_clause_break_is_not_the_cues_object():
    assert labels("Thieves stole the water pump from the community pond last night; the police "
                  "are investigating.") == {}
    # within the clause the name after the cue is still its object
    assert labels("Thieves, all of them: the police of Kandal.")["statement.insults"] == [
        "security-forces"]


@pytest.mark.parametrize("text, fact, value", [
    ("Everybody to Freedom Park at 9am on Sunday, bring water and your banners.",
     "statement.calls", ["gather"]),
    ("Koh Tral belongs to Cambodia, not Vietnam; our leaders gave it away.",
     "statement.territory_claim", True),
])
def test_calls_and_claims_with_a_pronoun_or_a_collective_word(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    ("The government uses the courts to arrest anyone who speaks up.", "government"),
    ("The regime used their tribunal to sentence the late King to death.", "government"),
    ("The ruling party used the courts against the opposition.", "party"),
    # the purpose after the court, as an instrument or a harm (issue 13, new wording)
    ("The government keeps using the judiciary to silence its critics.", "government"),
    ("Once again the ruling party has used the courts as a weapon.", "party"),
    ("The governor used the courts to get rid of the village representatives.", "official"),
])
def test_using_the_courts_against_people_accuses_the_user_and_claims_the_court(text, accused):
    facts = analyse(text).facts
    assert facts["statement.accuses"] == [accused] and "judge" in facts[
        "statement.court_claims"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "We urge the authorities to stop using the courts to silence critics.",
    "Lawyers used the court to defend the families.",
    # a use of the courts with no purpose against people: enforcement, a remedy
    "The ministry will use the courts to enforce the new fisheries law.",
    "Communities should use the courts to defend their rights against the company.",
    "Villagers used the court to reclaim their land.",
])
def test_a_call_to_stop_using_the_courts_or_a_lawful_use_accuses_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # issue 13: a plan or programme that mentions corruption accuses no one
    "Our programme addresses corruption in the land sector and trains commune officials on "
    "transparency.",
    "The project will reduce bribery in public health services by publishing official fees.",
    "The minister said corruption had fallen and thanked the donors.",
    "The ministry's officials stole the show at the football tournament.",
])
def test_a_wrong_as_a_programmes_topic_accuses_no_one(text):
    assert labels(text) == {}, analyse(text).acts


def test_exposing_a_wrong_still_accuses():
    assert labels("We expose corruption by the provincial governor.")["statement.accuses"] == [
        "official"]


@pytest.mark.parametrize("text, fact, value", [
    # a question opened by a negated auxiliary asserts what it asks
    ("Isn't it obvious that the commune chief took the money?", "statement.accuses",
     ["official"]),
    ("Didn't the governor steal the land?", "statement.accuses", ["official"]),
    ("Isn't the governor a thief?", "statement.insults", ["official"]),
])
def test_a_rhetorical_question_makes_its_accusation(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


@pytest.mark.parametrize("text", [
    "Is the governor a thief? We do not know.",        # an open question stays a question
    "Didn't the court release them last week?",        # only labels are asserted this way
    "The governor said the company had sold the land legally, and we will check the records.",
])
def test_open_questions_and_lawful_deeds_accuse_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # observers count spoiled ballots and voter education warns about mistakes: no campaign
    "One spoilt ballot was found in the box at station 12.",
    "Observers noted that the spoiled ballot rate rose in 2018.",
    "Voters who spoil their ballot by mistake can ask the officer for help before it is cast.",
])
def test_spoiled_ballots_reported_or_explained_are_no_call(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    "Cast a spoiled ballot on 23 July!",
    "We urge every voter to cast a spoiled ballot.",
    "We will not legitimise this fake election with our votes.",
    "Mark your ballot for nobody.",
])
def test_spoiled_ballot_and_refusal_campaigns_are_calls(text):
    assert analyse(text).facts["statement.calls"] == ["abstain"], analyse(text).acts


def test_land_lost_to_a_company_is_no_territory_claim():
    assert labels("We note with concern reports that border communities lost their farmland "
                  "to a sugar concession.") == {}
    # to a neighbour, or a neighbour's company: still a claim
    assert labels("Our leaders sold the islands to a Vietnamese company.")[
        "statement.territory_claim"] is True
    assert labels("The border province lost land to Thailand and to a casino developer.")[
        "statement.territory_claim"] is True


def test_the_right_to_strike_is_no_call_to_strike():
    assert labels("The ILO calls on the government to ensure that workers can strike without "
                  "fear of reprisal.") == {}


def test_the_one_whose_words_are_reported_is_not_their_target():
    assert labels("The opposition leader said the election was rigged; the NEC rejected the "
                  "claim.") == {}
    # the one the reported words are about is still their target
    assert labels("The minister said the opposition leader is a traitor.")[
        "statement.reported_accusation"] == ["politician"]
    assert labels("The governor said the company stole the land.")[
        "statement.reported_accusation"] == ["company"]


@pytest.mark.parametrize("text", [
    # a demand for the release of someone named: the name is the detainee (issue 13)
    "We stand with the CNRP and demand the release of H.E. Kem Sokha.",
    "Our members will keep pushing for the release of Mr. Chan Rotha.",
    "We call for the release of Dr. Nhem Sothea, now.",
])
def test_a_demand_to_release_someone_named_presses_the_case(text):
    assert analyse(text).facts["statement.court_claims"] == ["pending-case"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "We welcome the release of Kem Sokha.",
    "We call on the government to release Kem Sokha.",       # measured, put to the government
    "We demand the release of our annual report on Kem Sokha's party.",
    "The UN has called for the release of Kem Sokha.",       # news of someone else's call
])
def test_a_release_welcomed_measured_or_reported_is_no_demand_on_a_court(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    # a grave deed in the present tense with its subject right before it (issue 13)
    ("Minister, you exploit the poor and call it development.", ["official"]),
    ("The police oppress the street vendors at Orussey market.", ["security-forces"]),
    # the title alone names the leader (parties.yaml person.samdech, s34), not anyone
    ("Samdech, you kill the forests and our future with them.", ["politician"]),
])
def test_a_present_deed_said_of_its_subject_accuses_it(text, accused):
    assert analyse(text).facts["statement.accuses"] == accused, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The Ministry of Health warns that dengue can kill young children.",
    "Landmines still kill farmers near the border, the ministry says.",
    "Traffickers exploit migrant workers, the ministry warned.",
])
def test_a_present_deed_with_no_one_named_doing_it_accuses_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # a past or foreign regime is not the government of today (issue 13 false alarms)
    "The Khmer Rouge regime killed nearly two million people.",
    "Under the Pol Pot regime, families were tortured and killed.",
    "Pol Pot's regime murdered teachers and monks.",
])
def test_what_a_past_regime_did_accuses_no_present_authority(text):
    assert labels(text) == {}, analyse(text).acts


def test_the_regime_unqualified_is_still_the_government():
    assert labels("The regime killed Kem Ley.")["statement.accuses"] == ["government"]


@pytest.mark.parametrize("text", [
    # an abusive word for the government's character, said of it or put before it (issue 13)
    "This government is murderous and heartless.",
    "Down with the bloodthirsty regime!",
    "What a savage regime.",
])
def test_an_abusive_word_for_the_government_insults_it(text):
    assert analyse(text).facts["statement.insults"] == ["government"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The Khmer Rouge regime was brutal.",
    "The government's response to the floods was poor and slow.",   # criticism of a policy
    "The government called the attack barbaric.",                   # the government's own words
])
def test_criticism_or_a_past_regime_is_no_insult_to_the_government(text):
    assert analyse(text).facts["statement.insults"] == [], analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    # people forced, or the law disregarded, by the subject named right before (issue 13)
    ("The commune chief coerced villagers to thumbprint the petition.", ["official"]),
    ("The company has forced families off their land twice this year.", ["company"]),
    ("The governor ignored the court order and sent in the bulldozers.", ["official"]),
    ("Our members say the factory does not respect the labour law.", ["company"]),
])
def test_coercion_or_disregard_of_the_law_accuses_its_subject(text, accused):
    assert analyse(text).facts["statement.accuses"] == accused, analyse(text).acts


@pytest.mark.parametrize("text", [
    "Floods forced families to move to higher ground.",
    "The Ministry of Labour will fine factories that violate the labour law.",
    "We urge the factory to respect the labour law.",
    "Economic hardship forced workers to migrate, the Ministry of Labour said.",
    "This year the armed forces helped villagers to rebuild the school.",
])
def test_forces_or_the_law_with_no_one_named_doing_wrong_accuse_no_one(text):
    assert analyse(text).facts["statement.accuses"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    # the government or the authorities as the subject of what they should do: a measured call
    # put to them, not pressure on a court (issue 13 decision, tests/data/README)
    "On Human Rights Day the provincial authorities should free the villagers held since May.",
    "The provincial authorities must release the detained fishermen and drop the charges.",
    "We want the government to free the jailed union leaders.",
])
def test_a_release_the_authorities_should_grant_is_no_pressure_on_a_court(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The court must release the detained fishermen now.",
    "Release the detained fishermen now!",
    "The judges should acquit the detained activists.",
])
def test_a_release_put_to_a_court_or_in_the_writers_voice_still_presses_it(text):
    assert analyse(text).facts["statement.court_claims"] == ["pending-case"], analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    # a question that takes a deed as given states it (issue 13: rhetorical questions)
    ("What has the minister ever done for the farmers, that the government handed him the "
     "forest as his personal property?", ["official"]),
    ("Why do we stay silent while the governor sells our land?", ["official"]),
    ("How can the police sleep at night after they tortured a child?", ["security-forces"]),
])
def test_a_deed_a_question_takes_as_given_is_an_accusation(text, accused):
    assert analyse(text).facts["statement.accuses"] == accused, analyse(text).acts


@pytest.mark.parametrize("text", [
    "Is it true that the governor stole the land?",
    "Did the governor steal the land after the flood?",
    "Tell me, when we met, did the governor take bribes?",
])
def test_a_question_about_the_deed_itself_still_asks(text):
    assert analyse(text).facts["statement.accuses"] == [], analyse(text).acts


@pytest.mark.parametrize("text, fact, target", [
    # someone the lexicon cannot name, known by the clause that describes them (issue 13)
    ("Sok Chea, who stole the commune's rice fund, still sits on the council.",
     "statement.accuses", "Sok Chea"),
    ("Never again: Lim Bora, who robs the fishermen of their catch.", "statement.accuses",
     "Lim Bora"),
    ("We will never forget the traitors who sold our islands.", "statement.insults", "traitors"),
])
def test_a_name_or_an_abusive_word_with_a_describing_clause_is_aimed_at_someone(
        text, fact, target):
    acts = [a for a in analyse(text).acts if a.fact == fact]
    assert acts and acts[0].value == "person" and acts[0].target == target, analyse(text).acts


@pytest.mark.parametrize("text", [
    "A traitor is someone who betrays his country.",          # a word defined, no one named
    "Our friend Chan Dara, who works for the ministry, spoke at the meeting.",
    "Nobody is a traitor who defends the land.",
])
def test_a_definition_or_a_description_without_a_wrong_labels_no_one(text):
    facts = analyse(text).facts
    assert facts["statement.accuses"] == [] and facts["statement.insults"] == [], \
        analyse(text).acts


def test_a_named_office_keeps_its_category_before_a_describing_clause():
    assert analyse("The Minister, who stole the funds, resigned.").facts[
        "statement.accuses"] == ["official"]


@pytest.mark.parametrize("text", [
    # what someone is charged with, accused or convicted of is the charge, reported (issue 13)
    "The court charged us with plotting to overthrow the government or insulting the king.",
    "The prosecutor accused the monk of defaming the governor and of stealing temple funds.",
    "Two activists were convicted of insulting the King and sentenced to three years.",
])
def test_a_charge_reported_insults_and_accuses_no_one(text):
    facts = analyse(text).facts
    assert facts["statement.insults"] == [] and facts["statement.accuses"] == [], \
        analyse(text).acts


def test_a_wrong_said_beside_a_charge_is_still_said():
    assert analyse("The governor stole the land and the court charged the villagers "
                   "instead.").facts["statement.accuses"] == ["official"]
    assert "judge" in analyse("The judge who convicted them is a puppet of the ruling "
                              "party.").facts["statement.court_claims"]


def test_a_plural_noun_opening_a_sentence_commands_nothing():
    assert labels("Irregularities were found in the audit of the commune fund.") == {}
    assert analyse("Quash the verdict now!").facts["statement.court_claims"] == ["pending-case"]


@pytest.mark.parametrize("text, target", [
    # a leader's health or death told as fact, animal names, orders taken from abroad (issue 13)
    ("Hun Sen had a stroke last week and the party is hiding it.", "politician"),
    ("Hun Manet has cancer and they are hiding it.", "politician"),
    ("The governor is a dog who licks the hands of the tycoons.", "official"),
    ("The government takes its orders from Beijing.", "government"),
    ("The Prime Minister's party takes its orders from Hanoi.", "party"),
])
def test_health_rumours_animal_names_and_foreign_orders_insult(text, target):
    assert analyse(text).facts["statement.insults"] == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Hun Sen visited seriously ill children at the Kantha Bopha hospital.",
    "Our commune chief passed away last week; we offer our condolences to his family.",
    "The police dog found the drugs in the car.",
    "The rice seeds were ordered from Vietnam by the ministry.",
])
def test_illness_dogs_and_orders_in_other_senses_insult_no_one(text):
    assert analyse(text).facts["statement.insults"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    # a court said to obey, to be paid, or to act for the party, a leader or the government
    "Everyone knows the judges answer to the Prime Minister.",
    "The court is a branch of the ruling party.",
    "The court convicted innocent people to please the regime.",
    "The judge received an envelope before the hearing.",
    "The verdict was dictated by the ruling party.",
])
def test_a_court_said_to_serve_a_master_is_discredited(text):
    claims = analyse(text).facts["statement.court_claims"]
    assert "judge" in claims or "verdict" in claims, analyse(text).acts


@pytest.mark.parametrize("text", [
    "Our lawyers will answer to the court on Monday.",
    "The Court of Appeal is a branch of the judiciary.",
    "The court is in the service of the people, the Minister of Justice said.",
    "The verdict was dictated by the law, not by politics.",
    "The two men were charged with spreading false information.",
])
def test_courts_serving_the_law_or_answering_questions_are_not_discredited(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text, fact, target", [
    # the rulers named by their power, abusive names for them, money into someone's pocket
    ("Everyone knows who killed Kem Ley: the men in power.", "statement.accuses", "government"),
    ("Those in power are kleptocrats.", "statement.insults", "government"),
    ("These officials are nothing but bandits.", "statement.insults", "official"),
    ("The timber money ended up in the governor's pockets.", "statement.accuses", "official"),
])
def test_rulers_by_their_power_bandits_and_pockets(text, fact, target):
    assert analyse(text).facts[fact] == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The UN rapporteur met those in power and civil society in Phnom Penh.",
    "The minister's pocket diary was found.",
    "He put the phone into his pocket and left the court.",
    "Bandits robbed a bus on National Road 4 last night.",
])
def test_power_pockets_and_bandits_in_other_senses_label_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text, accused", [
    # a violent harm laid on the subject named before the word of blame (issue 13: blame)
    ("The governor is responsible for the deaths of three villagers.", ["official"]),
    ("The police are to blame for the beatings at the market.", ["security-forces"]),
    ("Hun Manet is behind the assassination of the analyst.", ["politician"]),
])
def test_a_grave_harm_laid_on_someone_accuses_them(text, accused):
    assert analyse(text).facts["statement.accuses"] == accused, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The ministry is responsible for investigating the deaths.",     # a duty, not a harm
    "The ministry is responsible for issuing land titles.",
    "The police are investigating who was behind the killing.",      # what is looked into
    "The court found the two soldiers guilty of murder.",             # a verdict reported
])
def test_duties_investigations_and_verdicts_lay_no_harm_on_anyone(text):
    assert analyse(text).facts["statement.accuses"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    # another subject may stand between a name and the deed: it is that subject's
    "The ministry thinks drunk driving is responsible for the deaths of most young riders.",
    "The governor believes poverty forced families to leave the village.",
    "The company fears heavy rain forced the workers to stop.",
])
def test_a_deed_with_another_subject_between_is_not_the_names(text):
    assert analyse(text).facts["statement.accuses"] == [], analyse(text).acts


def test_a_relative_clause_describing_the_subject_keeps_it():
    assert analyse("The governor who was appointed last year ignored the court order.").facts[
        "statement.accuses"] == ["official"]


@pytest.mark.parametrize("text, fact, target", [
    # wealth from what was not theirs, blood on the hands, wrongdoers protected, a party's tool
    ("The minister got rich by selling our forests.", "statement.accuses", "official"),
    ("The governor has blood on his hands.", "statement.accuses", "official"),
    ("The police commissioner protects the drug lords.", "statement.accuses", "official"),
    ("The governor shields illegal loggers in Prey Lang.", "statement.accuses", "official"),
    ("The election commission is a tool of the CPP.", "statement.insults", "government"),
    ("Shame on the minister who sold Koh Kong.", "statement.insults", "official"),
])
def test_enrichment_protection_and_partisan_tools_accuse_or_insult(text, fact, target):
    assert analyse(text).facts[fact] == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The police protect the villagers from the loggers.",
    "We call on the police to protect victims of traffickers.",
    "Shame on us for not doing more for the flood victims.",
    "Our director got rich experience from the ministry.",
])
def test_protection_shame_and_riches_in_other_senses_label_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text, target", [
    # a name someone else gives is reported, not the writer's insult (issue 13: measured,
    # reported criticism); repeating it still publishes it, as a reported accusation
    ("Critics have called the Prime Minister a dictator.", "politician"),
    ("Observers described the governor as corrupt.", "official"),
    ("The opposition branded the minister a traitor.", "official"),
])
def test_a_name_someone_else_gives_is_reported(text, target):
    facts = analyse(text).facts
    assert facts["statement.reported_accusation"] == [target], analyse(text).acts
    assert facts["statement.insults"] == [] and facts["statement.accuses"] == []


@pytest.mark.parametrize("text, fact, target", [
    ("We call the governor a thief, because he is one.", "statement.insults", "official"),
    ("A company called Golden Sun stole our land.", "statement.accuses", "company"),
])
def test_the_writers_own_name_or_a_name_that_only_identifies_stays_asserted(text, fact, target):
    assert analyse(text).facts[fact] == [target], analyse(text).acts


@pytest.mark.parametrize("text, fact, value", [
    # praise in quotation marks right before a sensitive target mocks it (issue 13: satire)
    ("Our 'beloved' leader Hun Sen has spoken again.", "statement.insults", ["politician"]),
    ("This “democratic” government jails its critics.", "statement.insults", ["government"]),
    ('Once again the "independent" court did exactly what it was told.',
     "statement.court_claims", ["judge"]),
])
def test_praise_in_scare_quotes_mocks_its_target(text, fact, value):
    assert analyse(text).facts[fact] == value, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The independent court acquitted the farmers.",                  # praise, unquoted
    '"Great news," the governor said about the new road.',           # a quotation, no mockery
    "We thank our respected Prime Minister for the new school.",
    "The 'Clean Water' project of the ministry reached 12 villages.",  # a quoted title
])
def test_unquoted_praise_and_quoted_titles_mock_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The leader of the opposition, Sam Rainsy, was dead tired after the trip.",
    "Hun Manet is dead set on the new airport.",
    "Our members are dead serious about the Prime Minister's pledge on land titles.",
])
def test_dead_as_an_intensifier_says_nothing_of_a_leaders_life(text):
    assert analyse(text).facts["statement.insults"] == [], analyse(text).acts


def test_a_leader_said_to_be_dead_is_still_a_death_rumour():
    assert analyse("Hun Sen is dead.").facts["statement.insults"] == ["politician"]


@pytest.mark.parametrize("text", [
    # the owner of another noun is the victim's side, not the wrongdoer (issue 13 false alarms)
    "The people were intimidated. Their votes were bought and stolen.",
    "Their homes were burned down while they were at the market.",
    "Brands have failed in their social responsibility and perpetuate corporate greed.",
])
def test_a_possessive_owning_another_noun_is_no_target(text):
    facts = analyse(text).facts
    assert facts["statement.accuses"] == [] and facts["statement.insults"] == [], \
        analyse(text).acts


@pytest.mark.parametrize("text, fact", [
    ("Their greed has no limit.", "statement.insults"),          # the owner of the wrong itself
    ("They stole our land.", "statement.accuses"),
])
def test_a_pronoun_that_owns_or_does_the_wrong_is_still_the_target(text, fact):
    assert analyse(text).facts[fact] == ["person"], analyse(text).acts


@pytest.mark.parametrize("text, fact, target", [
    # a rank of the state before a name the lexicon lacks: "Samdech" a leader, "H.E." an office
    ("Samdech Say Chhum is a thief.", "statement.insults", "politician"),
    ("H.E. Sar Kheng is a liar.", "statement.insults", "official"),
    ("His Excellency Chan Sophal stole the fund.", "statement.accuses", "official"),
])
def test_a_rank_of_the_state_names_a_leader_or_an_office_holder(text, fact, target):
    assert analyse(text).facts[fact] == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Samdech Preah Sangkhareach Tep Vong blessed the new pagoda.",
    "We thank H.E. Sar Kheng for opening the school.",
])
def test_ranks_in_blessings_and_thanks_label_no_one(text):
    assert labels(text) == {}, analyse(text).acts


def test_a_name_that_holds_say_reports_nothing():
    assert analyse("Mr. Say Sokha stole the commune fund.").facts["statement.accuses"] == [
        "person"]
    assert analyse("Villagers say the governor is a thief.").facts[
        "statement.reported_accusation"] == ["official"]


# --- a foreign state as master: "puppet of Vietnam" (issue 13, calls and claims) -------------

@pytest.mark.parametrize("text", [
    "The Prime Minister is nothing but Hanoi's lackey.",
    "Our ministers have become slaves of the Chinese.",
    "This regime is a puppet of foreign powers and always has been.",
    "Bangkok's stooges run the province now.",
    "the whole cabinet = vassals of Vietnam",
])
def test_a_servant_word_owned_by_a_foreign_state_is_a_foreign_control_claim(text):
    assert analyse(text).facts["statement.foreign_control"] is True, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The district governor is a puppet of the casino bosses.",      # no state owns him
    "They call the union a puppet of Vietnamese companies.",        # a state's adjective
    "The puppet show from Vietnam delighted the children.",         # a show
    "Cambodian migrants in Thailand are often treated like slaves.",  # victims, not servants
    "Nobody here is a puppet of Vietnam.",                          # denied
    "Their puppet troupe toured Thailand and Laos last year.",      # a troupe abroad
])
def test_servant_words_without_a_foreign_master_claim_no_foreign_control(text):
    assert analyse(text).facts["statement.foreign_control"] is False, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The Prime Minister takes his orders from Hanoi.",
    "This government is run by Beijing, not by Cambodians.",
    "The ruling party serves Vietnam's interests before ours.",
])
def test_leaders_said_to_be_run_from_abroad_are_a_foreign_control_claim(text):
    assert analyse(text).facts["statement.foreign_control"] is True, analyse(text).acts


@pytest.mark.parametrize("text", [
    "The Ministry of Labour works for Cambodian workers in Thailand.",   # whom it helps
    "The governor serves Vietnamese traders at the border market too.",  # a people's adjective
])
def test_an_office_that_serves_foreign_people_claims_no_foreign_control(text):
    assert analyse(text).facts["statement.foreign_control"] is False, analyse(text).acts


@pytest.mark.parametrize("text", [
    # a release call put to the government, an office or a leader, however the authority is
    # qualified, or a command right after the sentence that puts the request (issue 13:
    # measured calls on the authorities are no pressure on a court)
    "We call on the Kampot provincial governor: drop the charges against the two fishermen.",
    "I appeal to the Minister of Interior. Release the three teachers detained in Kratie.",
    "We ask the Battambang district authorities for one thing. Free the villagers jailed "
    "last week.",
])
def test_a_release_call_put_to_an_authority_presses_no_court(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    # the court itself is asked, or the request to an authority comes after the demand
    "We urge the provincial authorities to stop the eviction. The court must release the "
    "farmers on bail.",
    "The judges should free the activists now; we ask the governor to attend the hearing.",
])
def test_a_release_call_on_the_court_stays_pressure(text):
    assert analyse(text).facts["statement.court_claims"] == ["pending-case"], analyse(text).acts


@pytest.mark.parametrize("text", [
    # a leader the lexicon does not list, named by the rank "Samdech": a stance word said of
    # him counts as it does for a listed leader
    "Samdech Men Sam An died in Bangkok this morning.",
    "Samdech Tea Banh is a devil.",
    "Samdech Say Chhum is about to die, his family knows it.",
])
def test_a_stance_word_reaches_a_leader_named_by_rank(text):
    assert analyse(text).facts["statement.insults"] == ["politician"], analyse(text).acts


@pytest.mark.parametrize("text", [
    # a death told with grief is an obituary, not a rumour that a leader is dead
    "Samdech Chea Sim passed away peacefully; we offer our condolences to his family.",
    "We mourn Samdech Heng Samrin, who died on Monday.",
    "Sam Rainsy died this morning. Our deepest sympathy to his family.",
])
def test_a_death_told_with_condolences_insults_no_one(text):
    assert analyse(text).facts["statement.insults"] == [], analyse(text).acts


def test_grief_in_a_statement_does_not_excuse_an_insult():
    assert analyse("We mourn Kem Ley. Hun Sen is a devil.").facts["statement.insults"] == [
        "politician"]


@pytest.mark.parametrize("text, target", [
    # a killing by plan, money taken, and the rulers named as an elite (issue 13)
    ("The district governor had the reporter assassinated.", "official"),
    ("Provincial authorities are taking money from the flood victims.", "government"),
    ("The political elite stole the forest.", "government"),
])
def test_assassination_extortion_and_the_elite_accuse(text, target):
    assert analyse(text).facts["statement.accuses"] == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The elite athletes trained in Phnom Penh.",
    "Taking money from the savings group requires two signatures.",
    "The union marked the day its leader Chea Vichea was assassinated in 2004.",
])
def test_elites_money_and_a_remembered_killing_accuse_no_one(text):
    assert labels(text) == {}, analyse(text).acts


# --- the monarchy itself rejected (issue 13, veiled references to the King) -----------------

@pytest.mark.parametrize("text", [
    "It is time to abolish the monarchy once and for all.",
    "Down with the King!",
    "Cambodia would be better off with no more monarchy.",
    "Our dream is a Cambodia without a King.",
])
def test_rejecting_the_monarchy_is_aimed_at_the_king(text):
    assert "king" in analyse(text).facts["statement.insults"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "His Majesty the King, without a doubt, cares for his people.",   # an aside, no object
    "The ceremony went ahead without the King, who is abroad.",       # he was absent
    "The ministry will abolish the fee for the King's birthday fair.",  # the fee goes
    "Get rid of the palace staff who leak documents.",               # the palace owns the staff
    "We do not want to abolish the monarchy.",                       # denied
])
def test_words_of_removal_near_the_king_that_reject_no_monarchy(text):
    assert "king" not in analyse(text).facts["statement.insults"], analyse(text).acts


@pytest.mark.parametrize("text", [
    # riches set against an official's pay, or money an official is said to hide (issue 13:
    # wealth told as fact), in the writer's own voice or as a rhetorical question
    "How does a provincial governor on a salary of 800 dollars own three villas?",
    "The police chief built a mansion on a policeman's salary.",
    "The minister has stashed millions of dollars in offshore accounts.",
])
def test_unexplained_wealth_of_an_official_accuses(text):
    assert analyse(text).facts["statement.accuses"] == ["official"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Teachers cannot live on a salary of 200 dollars a month.",
    "The hidden costs of the dam are paid by the villagers.",
    "The ministry hid nothing: its budget is published online.",
    "The governor's staff work hard on a government salary that has not risen in years.",
])
def test_pay_hidden_costs_and_nothing_hidden_accuse_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text", [
    # the deed's object is nothing or no one: the deed is denied, whoever reports it
    "The governor stole nothing.",
    "The police killed no one, the report found.",
    "The soldiers beat nobody, the commander says.",
])
def test_a_deed_done_to_nothing_or_no_one_accuses_no_one(text):
    facts = analyse(text).facts
    assert facts["statement.accuses"] == [] and facts["statement.reported_accusation"] == [], \
        analyse(text).acts


def test_no_less_than_still_accuses():
    assert analyse("The minister stole no less than 5 million dollars.").facts[
        "statement.accuses"] == ["official"]


@pytest.mark.parametrize("text", [
    # a court that acts on the word of the government, a leader or the ruling party
    "The judges only do what the government tells them.",
    "The appeal court does whatever the Prime Minister wants.",
    "The prosecutor did what the ruling party asked.",
])
def test_a_court_doing_what_it_is_told_by_power_is_a_claim_about_the_judge(text):
    assert "judge" in analyse(text).facts["statement.court_claims"], analyse(text).acts


def test_a_court_doing_what_the_law_requires_is_no_claim():
    assert labels("The court did what the law requires and released him.") == {}


@pytest.mark.parametrize("text, fact", [
    # the country's leaders named as such, a land grabber, smuggling in the present tense
    ("Cambodia's leaders are crooks.", "statement.insults"),
    ("The country's leaders stole the forest.", "statement.accuses"),
    ("Senior officials smuggle timber to Vietnam every night.", "statement.accuses"),
])
def test_leaders_and_smugglers_are_accused(text, fact):
    assert analyse(text).facts[fact] != [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Our community leaders are tired of waiting for compensation.",
    "Smugglers took the timber across the border, the police said.",
])
def test_community_leaders_and_unnamed_smugglers_accuse_no_official(text):
    assert labels(text) == {}, analyse(text).acts

@pytest.mark.parametrize("text, target", [
    # violence ordered by the one named before the order (issue 13: officials' deeds)
    ("The district governor told the police to beat the protesters.", "official"),
    ("The Prime Minister ordered the army to crack down on the strikers.", "official"),
    ("The provincial authorities instructed the guards to open fire on the fishermen.",
     "government"),
])
def test_violence_ordered_by_an_authority_accuses_it(text, target):
    assert analyse(text).facts["statement.accuses"] == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    # what courts and ministries lawfully order, or an order with no harm in it
    "The provincial court ordered the company to pay compensation to the families.",
    "The Ministry of Labour ordered the factory to reinstate the union leader.",
    "The governor ordered officials to distribute rice to the flood victims.",
])
def test_lawful_orders_accuse_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text, target", [
    # public money kept, land cleared for oneself, wrongdoers protected
    ("Officials pocket millions from the sand trade.", "official"),
    ("The governor cleared the hill for his own benefit.", "official"),
    ("The police chief protects the casino bosses.", "official"),
])
def test_money_kept_and_wrongdoers_protected_accuse(text, target):
    assert analyse(text).facts["statement.accuses"] == [target], analyse(text).acts


def test_pocket_money_accuses_no_one():
    assert labels("Teachers collected pocket money for the children's trip to the museum.") == {}


# --- appeals to the security forces: made, and made to them (issue 13) ------------------------

def _calls(text: str) -> list:
    return analyse(text).facts["statement.calls"]


@pytest.mark.parametrize("text", [
    "Soldiers, your duty is to the people, not to one man.",
    "Brothers in uniform, stand with the people, not with the dictator.",
    "I call on every police officer … to refuse the orders of this regime.",
    "To the troops at the border: do not obey the orders of Hun Sen.",
    "I ask every soldier to put the nation before the party.",
])
def test_an_appeal_to_the_forces_to_turn_from_their_orders_is_a_call(text):
    assert "overthrow" in _calls(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Soldiers defended the people and the nation's borders during the floods.",  # told
    "The soldiers did not shoot at the crowd on Sunday.",                         # told
    "The police must protect the people's right to peaceful assembly.",          # a right
    "We call on the authorities to ensure that soldiers do not shoot at protesters.",
    "We thank the soldiers who protected the people in Kratie.",
])
def test_what_the_forces_did_or_a_call_through_the_authorities_is_no_appeal(text):
    assert "overthrow" not in _calls(text), analyse(text).acts


@pytest.mark.parametrize("text, overthrow", [
    ("Together we will bring down this corrupt regime.", True),
    ("We must get rid of this government before it sells the rest.", True),
    ("Help us drive out the rulers, all of them.", True),
    # the removal verb has its own object: prices, dams, waste
    ("The government must bring down the price of fertiliser.", False),
    ("The authorities should tear down the illegal dam on the river.", False),
    ("The regime's new rule will help us get rid of plastic waste in Phnom Penh.", False),
])
def test_what_a_verb_of_removal_removes_decides_an_overthrow(text, overthrow):
    assert ("overthrow" in _calls(text)) is overthrow, analyse(text).acts

@pytest.mark.parametrize("text", [
    # a release or bail the court already ordered or granted is news of a decision
    "The provincial court ordered the release of the four farmers on bail.",
    "The Appeal Court has ordered the release of the monk pending trial.",
    "Last week the investigating judge decided to release the two journalists on bail.",
])
def test_a_release_the_court_ordered_demands_nothing(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


def test_a_court_told_to_order_a_release_is_still_pressed():
    assert analyse("The court must order the release of the activists now.").facts[
        "statement.court_claims"] == ["pending-case"]


@pytest.mark.parametrize("text", [
    # a wrong named as what an investigation, a charge or a sentence is about
    "The minister was removed from office after a corruption investigation.",
    "Former police chief sentenced for drug trafficking.",
    "The deputy governor faces embezzlement charges in the provincial court.",
])
def test_a_wrong_named_by_its_procedure_accuses_no_one(text):
    assert analyse(text).facts["statement.accuses"] == [], analyse(text).acts


def test_a_wrong_said_beside_its_procedure_still_accuses():
    assert analyse("The minister is corrupt and his corruption case was buried.").facts[
        "statement.accuses"] == ["official"]


@pytest.mark.parametrize("text", [
    "Come to the Ministry of Land on Monday and make your voices heard.",
    "Everyone to the provincial hall tomorrow morning, let them hear us.",
])
def test_a_call_to_come_and_be_heard_is_a_call_to_gather(text):
    assert "gather" in _calls(text), analyse(text).acts


@pytest.mark.parametrize("text, hostile", [
    ("Chinese people are taking over Sihanoukville; send them home.", True),
    ("Vietnamese immigrants should all go back where they came from.", True),
    ("The Thai should get out of our country.", True),
    ("Vietnamese fishermen rescued at sea were sent back home by the navy.", False),
    ("We help returning migrants whose employers sent them home from Thailand.", False),
])
def test_sending_a_people_back_where_they_came_from_is_hostility(text, hostile):
    assert analyse(text).facts["statement.discrimination"] is hostile, analyse(text).acts


@pytest.mark.parametrize("text", [
    "Reject this sham election: it has no opposition.",
    "Let us all refuse this fake election on 23 July.",
    "Say no to the election without the CNRP.",
    "Please do not recognise the 2023 election.",
    "Workers, unite to oppose the cosmetic commune elections.",
])
def test_a_call_to_reject_the_election_itself_is_a_call_to_abstain(text):
    assert "abstain" in _calls(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "We oppose violence during the elections.",                          # violence is opposed
    "We reject claims that the election was unfair.",                     # claims are
    "Observers rejected the election results in two communes as a clerical error.",
    "We urge all parties to reject hate speech during the election.",
    "We reject the election law amendment and will send our comments.",   # a law, not a call
])
def test_rejecting_something_about_an_election_calls_no_one_to_abstain(text):
    assert "abstain" not in _calls(text), analyse(text).acts


@pytest.mark.parametrize("text, mocked", [
    ("The man on the throne is a prisoner in his own palace.", True),
    ("The palace is a museum for a king with no power.", True),
    ("Our monarch is a mere figurehead, a rubber stamp for the regime.", True),
    ("The throne belongs to Hun Sen now.", True),
    ("The King received the former prisoners of conscience at the palace.", False),
    ("The palace released a statement on the hostage crisis in Thailand.", False),
    ("The King granted pardons to 12 prisoners on Visak Bochea day.", False),
    ("The throne belongs to the people, as the Constitution says.", False),
])
def test_a_king_said_to_be_captive_powerless_or_owned_is_mocked(text, mocked):
    assert ("king" in analyse(text).facts["statement.insults"]) is mocked, analyse(text).acts

@pytest.mark.parametrize("text", [
    # the judiciary as a whole, no court, judge, case or decision named (issue 13: measured
    # criticism; Arts 522-523 speak of a case or a decision)
    "Everyone knows the court system in this country is not independent.",
    "The judiciary in this country cannot be trusted.",
    "Cambodia's courts are biased against the poor.",
])
def test_the_judiciary_as_a_whole_is_no_claim_about_a_judge_or_case(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    # the judiciary said to obey a named master: a claim about its judges, as of a named court
    "The judiciary is not independent and takes orders from the ruling party.",
    "The court system is a tool of Hun Sen.",
    "The judicial system answers to the Prime Minister.",
])
def test_the_judiciary_said_to_obey_a_named_master_is_a_claim_about_the_judges(text):
    assert analyse(text).facts["statement.court_claims"] == ["judge"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The judge in the Rong Chhun case takes orders from the ruling party.",
    "The provincial court is not independent.",
])
def test_a_named_court_or_judge_is_still_a_claim_about_the_judge(text):
    assert analyse(text).facts["statement.court_claims"] == ["judge"], analyse(text).acts


def test_an_accusation_of_the_judiciary_is_said_of_a_state_institution():
    assert analyse("The judicial system is corrupt from top to bottom.").facts[
        "statement.accuses"] == ["government"]


@pytest.mark.parametrize("text, endorsed", [
    ("Kem Sokha is our only president.", True),
    ("We will never abandon the CNRP.", True),
    ("Sam Rainsy is still our leader, wherever he lives.", True),
    ("We still believe in Kem Sokha.", True),
    ("We will never forget the victims of the Khmer Rouge, and we thank the CPP government for "
     "the memorial.", False),
    ("We will never abandon the victims, whatever the CPP says.", False),
    ("Our president, Ms. Chan Sophea, met the Minister of Labour.", False),
])
def test_loyalty_kept_to_a_named_party_or_leader_endorses_it(text, endorsed):
    assert ("endorse" in analyse(text).facts["statement.party_stance"]) is endorsed, \
        analyse(text).acts

@pytest.mark.parametrize("text, target", [
    # demeaning names for those in power (issue 13: mockery), and the National Assembly
    ("Hun Manet is just his father's parrot.", "politician"),
    ("The National Assembly is a circus.", "government"),
    ("The provincial governor is a fat cat who eats the people's rice.", "official"),
])
def test_demeaning_names_for_those_in_power_insult(text, target):
    assert analyse(text).facts["statement.insults"] == [target], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Our parrot conservation project counted 40 birds in Mondulkiri.",
    "The children enjoyed the circus performance at the school festival.",
    "The National Assembly passed the budget law on Friday.",
])
def test_birds_shows_and_a_law_passed_insult_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text, call", [
    ("We need to attack the root causes of malnutrition.", False),
    ("Let us burn the old fishing nets and replace them with legal ones.", False),
    ("Together we will fight the outbreak in every district.", False),
    ("Attack the police station tonight.", True),
    ("We must fight the soldiers who guard the concession.", True),
])
def test_a_violent_verb_aimed_at_an_ill_or_old_gear_calls_no_violence(text, call):
    assert ("violence" in _calls(text)) is call, analyse(text).acts


@pytest.mark.parametrize("text, claim", [
    ("Farmers say Thai traders have taken over the cassava market at the border.", False),
    ("Vietnam has taken over our islands.", True),
    ("The Thai army has taken over the temple area at the border.", True),
])
def test_what_is_taken_over_decides_a_territory_claim(text, claim):
    assert analyse(text).facts["statement.territory_claim"] is claim, analyse(text).acts

@pytest.mark.parametrize("text", [
    # a kind of rule after the wrong, not a government identified: the wrong is named beside it
    "Corruption thrives under a government that answers to no one.",
    "Corruption is a disease of any government without checks.",
    "Nepotism and theft flourish in a regime without a free press.",
])
def test_a_wrong_beside_an_indefinite_government_accuses_no_one(text):
    assert analyse(text).facts["statement.accuses"] == [], analyse(text).acts


@pytest.mark.parametrize("text, target", [
    ("Our forests were looted by a regime that answers to no one.", "government"),
    ("Land was stolen by a provincial governor and his brother.", "official"),
    ("Corruption in the government has reached the top.", "government"),
])
def test_a_doer_an_office_holder_or_a_definite_government_is_still_accused(text, target):
    assert analyse(text).facts["statement.accuses"] == [target], analyse(text).acts

@pytest.mark.parametrize("text", [
    # a release on bail reported, in the passive: the court's decision, no demand on it
    "The journalist was released on bail after two weeks in pre-trial detention.",
    "Two activists were freed on bail by the appeal court yesterday.",
    "The monk was released on bail pending his trial for incitement.",
])
def test_a_release_on_bail_reported_demands_nothing(text):
    assert analyse(text).facts["statement.court_claims"] == [], analyse(text).acts


@pytest.mark.parametrize("text", [
    "Release the journalist on bail!",
    "The court must release him on bail now.",
])
def test_a_release_on_bail_demanded_is_still_pressure(text):
    assert analyse(text).facts["statement.court_claims"] == ["pending-case"], analyse(text).acts


@pytest.mark.parametrize("text, claim", [
    ("Border communities in Svay Rieng lost access to the market when the crossing closed.",
     False),
    ("Officials removed the old border markers and installed new ones under the agreement.",
     False),
    ("Villagers pulled out weeds near the border posts.", False),
    ("Cambodia lost much of its land to Vietnam.", True),
    ("Our country lost Kampuchea Krom forever.", True),
    ("The frontier posts were shifted overnight and our fields are now inside Laos.", True),
    ("Tomorrow we will pull out these border markers ourselves.", True),
])
def test_what_was_lost_or_pulled_out_decides_a_territory_claim(text, claim):
    assert analyse(text).facts["statement.territory_claim"] is claim, analyse(text).acts


def test_hate_speech_named_as_what_is_opposed_stirs_no_hostility():
    assert analyse("We oppose hate speech against Cham Muslims.").facts[
        "statement.discrimination"] is False
    assert analyse("Spreading hate against the yuon is our duty.").facts[
        "statement.discrimination"] is True

@pytest.mark.parametrize("text", [
    # the outcome a court is told to reach, a warning to its judges, a trial called political
    "The judge must find them innocent, or the people will never trust the court again.",
    "We warn the judges: the whole country is watching this trial.",
    "We demand that the court end this political trial now.",
])
def test_an_outcome_dictated_or_a_warning_to_judges_presses_the_court(text):
    assert analyse(text).facts["statement.court_claims"] == ["pending-case"], analyse(text).acts


def test_a_prosecutor_told_to_be_ashamed_is_insulted():
    assert analyse("The prosecutor should be ashamed to bring these charges.").facts[
        "statement.insults"] == ["court"]


@pytest.mark.parametrize("text", [
    "The court found them innocent after a two-day hearing.",
    "The judge warned the defendants that they must attend every hearing.",
    "We should be ashamed that children still drop out of school.",
])
def test_a_finding_reported_a_judges_warning_and_our_own_shame_press_no_one(text):
    assert labels(text) == {}, analyse(text).acts


@pytest.mark.parametrize("text, call", [
    ("Why don't we all go to Freedom Park tomorrow and show them?", "gather"),
    ("Shall we meet at the provincial hall on Monday to demand our land back?", "gather"),
    ("Who will join the strike at the Wing Star factory tomorrow?", "strike"),
    ("Leave the ballot paper empty on Sunday.", "abstain"),
    ("Leave your ballot unmarked on election day.", "abstain"),
])
def test_a_call_put_as_a_suggestion_or_in_other_words_is_a_call(text, call):
    assert call in _calls(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "Why don't we invite the district governor to our training?",
    "Should workers be allowed to strike during the holidays?",
    "Why did the workers strike last year?",
    "The NEC found 200 unmarked ballots in one commune.",
])
def test_open_questions_and_counted_ballots_call_no_one(text):
    assert _calls(text) == [], analyse(text).acts


@pytest.mark.parametrize("text, overthrow", [
    ("The people must remove this government.", True),
    ("We must replace this regime with one that serves the people.", True),
    ("It is time to remove Hun Sen.", True),
    ("We call on the ministry to remove the government's fees for birth certificates.", False),
    ("The embassy called for the government to drop the charges against Kem Sokha, remove "
     "restrictions on his rights and open a dialogue.", False),
    ("We urge voters to remove this government through the ballot box.", False),
    ("The ministry will replace the old textbooks this year.", False),
])
def test_removing_or_replacing_the_government_named_as_the_object(text, overthrow):
    assert ("overthrow" in _calls(text)) is overthrow, analyse(text).acts

@pytest.mark.parametrize("text", [
    # the one harmed, in the passive, and the one who reports a deed, are not its doers
    "The police were beaten by protesters outside the market.",
    "Soldiers rescued two girls who had been kidnapped near the border.",
    "Unknown men stole the cattle from the farm, police said.",
])
def test_victims_and_reporters_of_a_deed_are_not_accused(text):
    facts = analyse(text).facts
    assert facts["statement.accuses"] == [] and facts["statement.reported_accusation"] == [], \
        analyse(text).acts


@pytest.mark.parametrize("text, target", [
    # a passive with no doer, in a clause after the one naming a party or the police, insinuates
    # who did it: the harm verb's own subject is someone else (precedent 2017-kim-sok-radio-...)
    ("The ruling party set out to crush its rivals; three organisers have since been killed.",
     "party"),
    ("The police came to the village at night: two farmers were beaten and one was shot.",
     "security-forces"),
])
def test_a_passive_deed_after_the_one_named_in_another_clause_still_accuses(text, target):
    assert target in analyse(text).facts["statement.accuses"], analyse(text).acts


def test_a_government_that_wanted_the_land_cleared_is_accused():
    # this case stood in the test above, but its finding came from the bare cue "cleared" in the
    # first sentence (which also read "the court cleared the activists of all charges" as an
    # accusation), not from the passive deeds: evictions and burnings told in the passive after
    # a named government are not read as its deeds (a known gap, tests/data/README.md)
    text = ("The government wanted the land cleared. Families were evicted and their houses "
            "burned; the government says it acted lawfully.")
    assert "government" in analyse(text).facts["statement.accuses"], analyse(text).acts


@pytest.mark.parametrize("text, fact", [
    ("The activist was beaten by the police.", "statement.accuses"),
    ("Traffic police extort money from truck drivers every day.", "statement.accuses"),
    ("The police beat the protesters, witnesses said.", "statement.reported_accusation"),
])
def test_the_doer_after_by_extortion_and_a_reported_beating_still_count(text, fact):
    assert analyse(text).facts[fact] == ["security-forces"], analyse(text).acts


@pytest.mark.parametrize("text, target", [
    ("The King's brother is a thief.", "royal-family"),
    ("The son of the King is a fool.", "royal-family"),
    ("His Majesty's nephew is nothing but a gangster.", "royal-family"),
    ("The King is a thief.", "king"),
])
def test_the_kings_kin_are_the_royal_family_not_the_king(text, target):
    assert analyse(text).facts["statement.insults"] == [target], analyse(text).acts


def test_the_kings_kin_named_with_respect_are_only_mentioned():
    facts = analyse("We wish the King's mother a long and healthy life.").facts
    assert facts["statement.insults"] == [] and facts["statement.accuses"] == []
    assert facts["statement.mentions"] == ["royal-family"]

@pytest.mark.parametrize("text, target", [
    # a silence reported quotes no one: the deed stays the writer's own claim
    ("Hun Sen killed Kem Ley, and the ministry said nothing.", "politician"),
    ("The governor stole the fund and the council says nothing.", "official"),
    ("The police beat the vendors while the mayor said little.", "security-forces"),
])
def test_a_silence_reported_does_not_make_a_claim_reported(text, target):
    assert analyse(text).facts["statement.accuses"] == [target], analyse(text).acts


def test_words_said_by_others_stay_reported():
    assert analyse("The governor stole the fund, villagers said.").facts[
        "statement.reported_accusation"] == ["official"]


@pytest.mark.parametrize("text", [
    "She killed herself in front of the provincial hall.",
    "Our neighbour killed herself in front of the district office after the eviction.",
    "Two workers killed themselves outside the ministry last year.",
])
def test_a_death_someone_brought_on_themselves_accuses_no_one(text):
    # the authorities stand in these clauses, but no one is said to have killed anyone
    assert "statement.accuses" not in labels(text), analyse(text).acts


@pytest.mark.parametrize("text", [
    "The governor killed the villager who refused to leave.",
    "The governor enriched himself by grabbing the villagers' land.",
    "The district chief robbed the family of their land and the mother killed herself.",
])
def test_an_accusation_beside_a_reflexive_word_still_counts(text):
    # the reflexive cancels only the clause of the death itself
    assert labels(text).get("statement.accuses") == ["official"], analyse(text).acts


@pytest.mark.parametrize("text", [
    "The police killed him and then claimed that he had fallen.",
    "The governor stole the land and later said it belonged to the state.",
])
def test_a_saying_joined_as_a_second_deed_reports_only_what_follows_it(text):
    # the writer asserts the first deed; "claimed"/"said" is the accused's own later act
    facts = labels(text)
    assert facts.get("statement.accuses") and "statement.reported_accusation" not in facts, \
        analyse(text).acts


@pytest.mark.parametrize("text", [
    "The governor stole the land, villagers said.",
    "The minister is corrupt and a liar, villagers say.",
    "Villagers said the governor stole the land.",
])
def test_a_saying_that_closes_its_clause_still_reports_what_went_before(text):
    facts = labels(text)
    assert facts.get("statement.reported_accusation") and "statement.accuses" not in facts, \
        analyse(text).acts


def test_a_decision_far_back_in_the_clause_does_not_cancel_a_demand():
    # court-decided's `within` is read (it was written and ignored): a release the court ordered
    # is reported, a demand made later in the same clause about another order still counts
    assert labels("The court ordered the release of the activist on bail.") == {}
    assert labels("The court has ordered the release of the two land activists.") == {}
    assert labels("The court ordered the activists jailed last year and today we demand the "
                  "release of all of them.") == {"statement.court_claims": ["pending-case"]}
