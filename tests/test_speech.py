"""The statement analyser: speech acts, modes, targets, spans, facts, lexicon errors."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from lawcheck.errors import InputError
from lawcheck.speech import Analyser, analyse, analyse_many
from lawcheck.speech.lexicon import load_lexicon
from lawcheck.speech.model import MODES
from tests.lexicon_copy import edit, lexicons, problems  # noqa: F401 (a fixture)

FACT_KEYS = {
    "statement.calls", "statement.accuses", "statement.insults",
    "statement.reported_accusation", "statement.court_claims", "statement.party_stance",
    "statement.territory_claim", "statement.discrimination", "statement.mentions",
    "statement.mentions_notification", "statement.foreign_control",
    "statement.foreign_backed_change", "statement.leader_must_go", "statement.alarming_claim",
}
LABEL_FACTS = FACT_KEYS - {"statement.territory_claim", "statement.discrimination",
                           "statement.mentions_notification", "statement.foreign_control",
                           "statement.foreign_backed_change", "statement.leader_must_go",
                           "statement.alarming_claim"}


def facts(text: str) -> dict:
    return analyse(text).facts


def risky(text: str) -> dict:
    """The facts of ``text`` that say something is wrong (all but the mentions)."""
    return {k: v for k, v in facts(text).items()
            if v and k not in ("statement.mentions", "statement.mentions_notification")}


# --- facts shape -----------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["", "We thank the Ministry of Health.",
                                  "The governor is a thief. Boycott the election!"])
def test_every_fact_key_is_present_with_its_type(text):
    result = facts(text)
    assert set(result) == FACT_KEYS
    for key in LABEL_FACTS:
        assert isinstance(result[key], list) and result[key] == sorted(result[key])
    for key in FACT_KEYS - LABEL_FACTS:
        assert isinstance(result[key], bool)


# --- calls -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, value", [
    ("We call on all workers to gather in front of the factory tomorrow.", "gather"),
    ("Everyone must protest outside the provincial hall.", "gather"),
    ("Take to the streets on Sunday!", "gather"),
    ("Join us at Freedom Park on Sunday to demand justice.", "gather"),
    ("Join the march to the National Assembly on Sunday!", "march"),
    ("We urge students to march to Freedom Park.", "march"),
    ("Workers should go on strike until wages rise.", "strike"),
    ("We call on all garment workers to strike.", "strike"),
    ("Boycott Heng Company products.", "boycott"),
    ("We urge consumers to boycott the sugar company.", "boycott"),
    ("Do not vote in the commune elections.", "abstain"),
    ("Boycott the election!", "abstain"),
    ("We urge everyone to spoil their ballots.", "abstain"),
    ("Let us rise up and overthrow the regime.", "overthrow"),
    ("It is time to bring down the government.", "overthrow"),
    ("Take up arms against the police.", "violence"),
    ("We will win by any means necessary.", "violence"),
    ("We call on villagers to burn the company's machines.", "violence"),
])
def test_calls(text, value):
    assert value in facts(text)["statement.calls"]


# --- accusations, insults, reported ----------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    ("The district chief took bribes from the developer.", "official"),
    ("The governor is corrupt.", "official"),
    ("The company that the governor protects stole the land.", "company"),
    ("Police tortured the prisoners.", "security-forces"),
    ("Soldiers shot the villagers and killed two.", "security-forces"),
    ("The CPP stole the election.", "party"),
    ("Hun Sen embezzled public money.", "politician"),
    ("The government is selling the country.", "government"),
    ("The judge was bribed.", "court"),
    ("The tycoon grabbed the land of 300 families.", "person"),
])
def test_accusations_by_target(text, target):
    assert facts(text)["statement.accuses"] == [target]


@pytest.mark.parametrize("text, target", [
    ("The governor is a puppet.", "official"),
    ("Hun Sen is a dictator.", "politician"),
    ("King Sihamoni is a puppet of Vietnam.", "king"),
    ("The royal family are clowns.", "royal-family"),
    ("The police are thugs.", "security-forces"),
    ("The CNRP leaders are traitors.", "party"),
    ("The regime is run by gangsters.", "government"),
    ("The puppet court obeys.", "court"),
    ("The company is a gang of crooks.", "company"),
])
def test_insults_by_target(text, target):
    assert target in facts(text)["statement.insults"]


@pytest.mark.parametrize("text, target", [
    ("According to villagers, the district chief took bribes.", "official"),
    ("Residents allege that the company grabbed their land.", "company"),
    ("The union said the police chief is corrupt.", "official"),
    ("Villagers told reporters that soldiers killed two men.", "security-forces"),
])
def test_reported_accusations_feed_only_reported_accusation(text, target):
    result = facts(text)
    assert result["statement.reported_accusation"] == [target]
    assert result["statement.accuses"] == [] and result["statement.insults"] == []


def test_our_own_claim_is_asserted_not_reported():
    result = facts("We accuse the governor of corruption.")
    assert result["statement.accuses"] == ["official"]
    assert result["statement.reported_accusation"] == []


# --- targets ---------------------------------------------------------------------------------

def test_x_is_a_puppet_targets_x():
    act = analyse("Everyone knows the provincial governor is a puppet.").acts[0]
    assert act.target == "provincial governor" and act.value == "official"


def test_relative_clause_entity_is_not_the_subject():
    act = analyse("The company that the governor protects stole the land.").acts[0]
    assert act.target == "The company"


def test_pronoun_falls_back_to_the_previous_sentence_target():
    acts = analyse("The police came to the village. They are thugs.").acts
    assert [(a.value, a.target) for a in acts] == [("security-forces", "They")]


def test_pronoun_without_any_earlier_target_is_a_person():
    assert facts("We met him last week. He is a liar.")["statement.insults"] == ["person"]


def test_no_target_no_accusation():
    assert facts("Corruption is a problem in many countries.")["statement.accuses"] == []


# --- court, party, territory, discrimination, notification -----------------------------------

@pytest.mark.parametrize("text, value", [
    ("The court must release Kem Sokha.", "pending-case"),
    ("Free Kem Sokha now!", "pending-case"),
    ("We demand that prosecutors drop the charges against the activists.", "pending-case"),
    ("The trial of the land activists is a sham.", "pending-case"),
    ("These are politically motivated charges.", "pending-case"),
    ("The judge takes orders from the ruling party.", "judge"),
    ("The investigating judge is biased.", "judge"),
    ("The prosecutor is a puppet.", "judge"),
    ("The ruling is a farce.", "verdict"),
    ("This is an unjust verdict.", "verdict"),
    ("The court convicted an innocent man.", "verdict"),
])
def test_court_claims(text, value):
    assert value in facts(text)["statement.court_claims"]


@pytest.mark.parametrize("text, value", [
    ("We stand with the CNRP.", "endorse"),
    ("We support the Candlelight Party.", "endorse"),
    ("Vote for the Khmer Will Party on Sunday.", "endorse"),
    # a leader who holds office is a party's only in a party frame (tests/test_neutrality_stance.py)
    ("Shame on Hun Manet and his party.", "attack"),
    ("We condemn the CPP for its failures.", "attack"),
    ("The CPP stole the election.", "attack"),
])
def test_party_stance(text, value):
    assert facts(text)["statement.party_stance"] == [value]


@pytest.mark.parametrize("text", [
    "The government sold our land to Vietnam.",
    "Border posts were moved deep into Svay Rieng.",
    "The regime ceded our islands to Thailand.",
])
def test_territory_claims(text):
    assert facts(text)["statement.territory_claim"] is True


@pytest.mark.parametrize("text", [
    "The yuon are taking everything.",
    "The Vietnamese must be expelled from our country.",
    "Kick out the immigrants now.",
])
def test_discrimination(text):
    assert facts(text)["statement.discrimination"] is True


@pytest.mark.parametrize("text, expected", [
    ("We notified the authorities in writing five days ahead.", True),
    ("Permission was obtained from the district hall.", True),
    ("We have not notified anyone.", False),
])
def test_notification(text, expected):
    assert facts(text)["statement.mentions_notification"] is expected


# --- modes -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text, mode", [
    ("We do not call for a march.", "negated"),
    ("We are not accusing the governor of corruption.", "negated"),
    ("No one should boycott the election.", "negated"),
    ("If we call for a protest, the police will come.", "hypothetical"),
    ("Should anyone call for a boycott, we will not join.", "hypothetical"),
    ("Is the governor corrupt?", "question"),
    ("Will the court drop the charges?", "question"),
    ("According to the villagers, the commune chief is a thief.", "reported"),
    ("Article 495 punishes incitement to overthrow the government.", "quoted-law"),
    ("The law prohibits calls to overthrow the government.", "quoted-law"),
])
def test_modes(text, mode):
    result = analyse(text)
    assert result.acts and {a.mode for a in result.acts} == {mode}
    assert mode in MODES
    assert not {k: v for k, v in result.facts.items() if v and k not in (
        "statement.mentions", "statement.reported_accusation")}


# --- hard negatives --------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "We thank the Ministry of Health for its support.",
    "Our staff held a training on the demonstration law for forty members.",
    "The annual report describes our work on water and schools in three provinces.",
    "The vaccination campaign reached families in Svay Rieng and Banteay Meanchey.",
    "Article 495 of the Criminal Code concerns incitement.",
    "The court hearing is scheduled for 10 May.",
    "We welcome the Ministry's decision.",
    "Commune council elections will be held in June; we will train observers.",
    "We held a meeting with soldiers in March 2024 about mine clearance.",
    "We support the anti-corruption training of the provincial governor.",
    "We ask the authorities to investigate the killing of the activist.",
    "Our organisation is neutral and does not support any political party.",
    "We encourage all eligible citizens to register and vote.",
    "The workshop on land rights will take place at the commune hall on Friday.",
])
def test_hard_negatives_stay_quiet(text):
    assert risky(text) == {}


def test_mentions_name_what_the_statement_names():
    result = facts("The CNRP, the King and the police met near the border with Vietnam.")
    assert result["statement.mentions"] == [
        "border", "dissolved-party", "king", "neighbouring-state", "party", "security-forces"]


# --- spans and suggestions -------------------------------------------------------------------

BENIGN = st.lists(st.sampled_from([
    "We thank our partners.", "The school opened in Takeo.", "Water is life!",
    "Training starts at 8 a.m. on Monday.", "Thank you!", "\n", "Read more:\n",
    "Our report is online.",
]), max_size=4).map(" ".join)


@settings(max_examples=60, deadline=None)
@given(before=BENIGN, after=BENIGN)
def test_spans_are_exact_whatever_surrounds_the_act(before, after):
    text = f"{before} The district governor is a puppet. {after}"
    acts = [a for a in analyse(text).acts if a.fact == "statement.insults"]
    assert len(acts) == 1
    act = acts[0]
    assert text[act.start:act.end] == act.cue == "puppet"
    assert text[act.sentence[0]:act.sentence[1]] == "The district governor is a puppet."


def test_every_act_has_a_suggestion_specific_to_its_kind():
    acts = analyse("The governor is a thief. The court must release Kem Sokha. "
                   "Boycott the election!").acts
    suggestions = {a.fact: a.suggestion for a in acts}
    assert all(suggestions.values()) and len(set(suggestions.values())) == len(suggestions)
    assert "vot" in suggestions["statement.calls"]


# --- batch, languages, models, imports -------------------------------------------------------

def test_analyse_many_gives_the_same_results_in_order():
    texts = ["The governor is a thief.", "We thank the ministry.", "Boycott the election!"]
    assert list(analyse_many(texts)) == [analyse(t) for t in texts]


@pytest.mark.parametrize("language", ["th", "fr"])  # Khmer is read since issue 14 (test_khmer)
def test_other_languages_are_not_analysed(language):
    for result in [analyse("អ្នកគឺជាចោរ", language=language),
                   *analyse_many(["x"], language=language)]:
        assert result.analysed is False and result.facts == {} and result.acts == ()
        assert "only English" in result.note


def test_default_analyser_needs_no_trained_model():
    assert Analyser().pipeline.uses_model is False


def test_missing_trained_model_is_a_clear_input_error():
    with pytest.raises(InputError) as caught:
        Analyser(model="en_core_web_no_such_model")
    assert caught.value.code == "LC335"
    assert "pip install" in caught.value.fix and "needs no trained model" in caught.value.fix


def test_importing_the_analyser_does_not_import_spacy():
    code = "import sys, lawcheck.speech; assert 'spacy' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- lexicon errors --------------------------------------------------------------------------

def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_shipped_lexicons_load():
    lexicon = load_lexicon()
    assert any(e.id == "party.cnrp" and e.dissolved for e in lexicon.entries)


def test_malformed_yaml_is_lc330_with_file_and_line(lexicons):
    path = lexicons / "royal.yaml"
    edit(path, "  - id: royal.queen-mother", "  - id: [royal.queen-mother")
    (problem,) = problems(lexicons)
    assert problem.code == "LC330" and problem.where.file == str(path)
    assert problem.where.line is not None


def test_unknown_key_is_lc331(lexicons):
    path = lexicons / "courts.yaml"
    edit(path, "    category: court\n    names: [Supreme Court]",
         "    category: court\n    nmaes: [x]\n    names: [Supreme Court]")
    found = problems(lexicons)
    assert [(p.code, p.where.file, p.where.line) for p in found] == [
        ("LC331", str(path), _line_of(path, "nmaes"))]
    assert "did you mean 'names'" in found[0].message


def test_name_in_two_entries_is_lc332(lexicons):
    path = lexicons / "security.yaml"
    edit(path, "names: [Royal Cambodian Armed Forces,",
         "names: [Hun Sen, Royal Cambodian Armed Forces,")
    (problem,) = problems(lexicons)
    assert problem.code == "LC332" and problem.where.file == str(path)
    assert problem.where.line == _line_of(path, "Hun Sen")
    assert "person.hun-sen" in problem.message


def test_unknown_category_is_lc333(lexicons):
    path = lexicons / "land.yaml"
    edit(path, "category: land\n", "category: lands\n")
    (problem,) = problems(lexicons)
    assert problem.code == "LC333" and problem.where.line == _line_of(path, "category: lands")
    assert "did you mean 'land'" in problem.message


def test_bad_act_definition_is_lc334(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "fact: statement.territory_claim", "fact: statement.teritory_claim")
    (problem,) = problems(lexicons)
    assert problem.code == "LC334" and problem.where.line == _line_of(path, "teritory_claim")


def test_unknown_direction_is_lc334(lexicons):
    path = lexicons / "speech-acts.yaml"
    edit(path, "    direction: before\n    cues: [forced", "    direction: behind\n    cues: [forced")
    (problem,) = problems(lexicons)
    assert problem.code == "LC334" and problem.where.line == _line_of(path, "direction: behind")
    assert "'after' or 'before'" in problem.message


def test_an_at_scope_group_named_in_needs_is_lc334(lexicons):
    # scope "at" only cancels: a phrase opening with the cue is never the cue's own marker, so
    # an act that needs such a group could never be made
    path = lexicons / "speech-acts.yaml"
    edit(path, "    unless: [self-harm, wrong-as-concern]\n    also:",
         "    needs: [self-harm]\n    also:")
    (problem,) = problems(lexicons)
    assert problem.code == "LC334" and problem.where.line == _line_of(path, "needs: [self-harm]")
    assert "'at' only cancels" in problem.message and "unless" in problem.fix


def test_act_without_safer_wording_is_lc334(lexicons):
    path = lexicons / "suggestions.yaml"
    edit(path, "  verdict: >-", "  verdikt: >-")
    codes = {(p.code, p.where.file) for p in problems(lexicons)}
    assert ("LC334", str(path)) in codes


def test_missing_lexicon_file_is_lc336(lexicons):
    (lexicons / "suggestions.yaml").unlink()
    (problem,) = problems(lexicons)
    assert problem.code == "LC336" and problem.where.file.endswith("suggestions.yaml")


def test_all_problems_are_reported_at_once(lexicons):
    edit(lexicons / "land.yaml", "category: land\n", "category: lands\n")
    edit(lexicons / "courts.yaml", "names: [Supreme Court]", "names: [Supreme Court]\n    x: 1")
    assert {p.code for p in problems(lexicons)} == {"LC331", "LC333"}


def test_an_edited_lexicon_changes_what_is_found(lexicons):
    edit(lexicons / "speech-acts.yaml", "cues: [puppet, puppets,",
         "cues: [muppet, puppet, puppets,")
    analyser = Analyser(lexicons=lexicons)
    assert analyser.analyse("The governor is a muppet.").facts["statement.insults"] == ["official"]
    assert facts("The governor is a muppet.")["statement.insults"] == []


# --- wording classes added to raise recall (paraphrases, not dev-set sentences) --------------

@pytest.mark.parametrize("text, value", [
    ("Come out in your hundreds to the district hall on Monday!", "gather"),
    ("Tomorrow we go to the ministry and we stay there until the minister listens.", "gather"),
    ("Our union is organising a rally outside the labour ministry next week.", "gather"),
    ("To all garment workers: put down your tools on Tuesday.", "strike"),
    ("DON'T SHOP AT RIVERSIDE MART UNTIL THE FIRED WORKERS ARE BACK", "boycott"),
    ("Stay away from the launch party of the new mall on Friday.", "boycott"),
    ("#GeneralStrikeNow", "strike"),
    ("The government can no longer be allowed to stay in power, and citizens must help "
     "remove it.", "overthrow"),
    ("Anyone who fences our fields again deserves a beating.", "violence"),
    ("We urge members to boycott next year's commune elections.", "abstain"),
    ("On polling day, stay home and leave the polling stations empty.", "abstain"),
    ("Write the name of the dissolved party on your ballot paper.", "abstain"),
])
def test_added_call_classes(text, value):
    assert value in facts(text)["statement.calls"]


def test_boycotting_an_election_is_abstain_not_a_company_boycott():
    assert facts("Boycott the 2028 national elections!")["statement.calls"] == ["abstain"]


def test_hashtag_that_names_no_election_is_not_an_abstain_call():
    assert facts("#BoycottMekongBeer")["statement.calls"] == ["boycott"]


@pytest.mark.parametrize("text", [
    "Our so-called monarch stayed silent while the forest burned.",
    "His Majesty is nothing but a decoration for the ruling elite.",
    "#NotMyKing",
    "A King who does not care about farmers is no King of ours.",
    "The King is complicit in the evictions.",
])
def test_belittling_the_king_is_an_insult_or_accusation_of_the_king(text):
    result = facts(text)
    assert "king" in result["statement.insults"] + result["statement.accuses"]


@pytest.mark.parametrize("text", [
    "Happy birthday to His Majesty the King from all our staff.",
    "We respectfully appeal to His Majesty the King for a royal pardon.",
])
def test_respectful_mentions_of_the_king_stay_quiet(text):
    assert risky(text) == {}


@pytest.mark.parametrize("text, target", [
    ("Blue Lotus Mining poisoned the stream below the village.", "company"),
    ("The district land officials falsified the cadastral records.", "official"),
    ("Dr. Keo Ratana sells free medicines to private clinics.", "person"),
    ("The commune chief took a share of every land sale.", "official"),
    ("The National Election Committee rigged the count.", "government"),
])
def test_added_accusation_classes(text, target):
    assert target in facts(text)["statement.accuses"]


def test_subjects_joined_by_and_are_all_accused():
    result = facts("The governor and his deputy, Mr. Sok Dara, are both crooks.")
    assert set(result["statement.insults"]) == {"official", "person"}


def test_a_partys_official_accused_reflects_on_the_party():
    assert facts("The CPP's commune chief is a thief.")["statement.party_stance"] == ["attack"]


@pytest.mark.parametrize("text, value", [
    ("The Prime Minister's party treats the courts like its own property.", "attack"),
    ("The ruling party has brought us nothing but debt.", "attack"),
    ("The Candlelight Party must go.", "attack"),
    ("FUNCINPEC forever!", "endorse"),
])
def test_added_party_stance_classes(text, value):
    assert value in facts(text)["statement.party_stance"]


@pytest.mark.parametrize("text, value", [
    ("The investigating judge takes instructions from the ruling party.", "judge"),
    ("The Appeal Court must not convict the three farmers on trial.", "pending-case"),
    ("The verdict against the monks was decided in advance.", "verdict"),
    ("The conviction of the journalist has no legal basis.", "verdict"),
])
def test_added_court_claim_classes(text, value):
    assert value in facts(text)["statement.court_claims"]


@pytest.mark.parametrize("text", [
    "Border markers near the river have been moved into our rice fields.",
    "Each year more of our province becomes Vietnam.",
])
def test_added_territory_classes(text):
    assert facts(text)["statement.territory_claim"] is True


def test_a_slur_is_not_undone_by_a_negation():
    assert facts("No yuon in our market!")["statement.discrimination"] is True


def test_our_own_staff_speak_for_the_organisation():
    result = analyse("Our campaign officer said that people should take to the streets.")
    assert result.facts["statement.calls"] == ["gather"]
    assert {a.mode for a in result.acts} == {"asserted"}


@pytest.mark.parametrize("text", [
    "Families in Kratie lost their crops in the floods.",
    "The clinic in Svay Rieng offers free treatment for children.",
    "Children enjoyed a puppet show about hand washing.",
    "Rumours say our network is organising a march; this is false.",
    "The company is organising a training for its drivers.",
])
def test_added_hard_negatives_stay_quiet(text):
    assert risky(text) == {}


def test_the_partys_points_back_at_a_party():
    assert "party" in facts("The judges are the party's stooges.")["statement.insults"]


def test_the_tool_of_a_party_is_insulted_with_it():
    assert set(facts("The judges are the party's stooges.")["statement.insults"]) == {
        "court", "party"}


# --- generalisation: paraphrases in wording that neither labelled set contains ----------------

@pytest.mark.parametrize("text, fact, value", [
    # a clause that opens with a command verb makes any cue in it a call
    ("Bring your neighbours and fill the square outside the provincial hall on Friday.",
     "statement.calls", ["gather"]),
    ("Spend your money elsewhere until the mill pays the farmers.", "statement.calls",
     ["boycott"]),
    ("Everyone: switch off your machines at noon and do not go back until the wages are paid.",
     "statement.calls", ["strike"]),
    ("Tear your ballot in half on polling day.", "statement.calls", ["abstain"]),
    ("It is time to tear down this rotten government.", "statement.calls", ["overthrow"]),
    # a command after a condition is still a command
    ("If the bulldozers return, burn them.", "statement.calls", ["violence"]),
    # corruption, abuse and cover-up wording, said or repeated
    ("The district police chief covered up the beating of the fishermen.",
     "statement.accuses", ["official"]),
    ("Traders say the customs officers take envelopes at the checkpoint.",
     "statement.reported_accusation", ["official"]),
    ("The King does nothing while the farmers lose their land.", "statement.insults", ["king"]),
    ("The charges against the teachers were cooked up and must be withdrawn.",
     "statement.court_claims", ["pending-case"]),
    ("The verdict was written in advance.", "statement.court_claims", ["verdict"]),
    # "No." before a number negates nothing
    ("Case No. 7 must be thrown out.", "statement.court_claims", ["pending-case"]),
    ("The Khmer Will Party is all talk and no action.", "statement.party_stance", ["attack"]),
    # a party the lexicon does not list is still a party
    ("The New Dawn Party is a fake opposition.", "statement.party_stance", ["attack"]),
])
def test_paraphrases_in_new_wording(text, fact, value):
    assert facts(text)[fact] == value


def test_context_in_the_sentence_before_carries_over():
    text = "The Vietnamese traders are taking our markets. Drive them out of the province."
    assert facts(text)["statement.discrimination"] is True
    assert facts("Drive them out of the province.")["statement.discrimination"] is False


def test_territory_handed_to_a_neighbour():
    assert facts("Half of the island was handed to Thailand in secret.")[
        "statement.territory_claim"] is True


def test_a_cue_inside_the_condition_stays_hypothetical():
    acts = analyse("If we call for a protest, the police will come.").acts
    assert acts and {a.mode for a in acts} == {"hypothetical"}


def test_possessive_after_the_cue_is_not_a_target_by_itself():
    # "their" is the victims' here; with no one named before it, nobody is accused
    assert facts("Our villagers have been cheated of their fields.")["statement.accuses"] == []


def test_the_owner_of_another_noun_is_not_the_subject():
    acts = analyse("The King's cousin, the princess, is laundering casino money.").acts
    assert {a.value for a in acts if a.fact == "statement.accuses"} == {"royal-family"}


def test_a_hashtag_names_the_target_of_a_bare_insult():
    assert "party" in facts("clowns. that's it. #CPP")["statement.insults"]


@pytest.mark.parametrize("text", [
    "Join us to gather feedback on the draft law.",
    "Please bring your ID card to the training.",
    "The lawyer filed a bail application on Monday.",
    "Feel free to share the report.",
    "We will observe rallies of all parties during the campaign.",
    "Free to download from our website.",
    "We reported the theft to the police on Monday.",
    "Today we release our report on fair trial rights.",
    "Our staff took part in a walk for health in Kampot.",
    "Please come to the tree planting and bring a hat.",
    "The workshop covered a single labour law article on overtime.",
    "The judge who heard the case let the owners walk free after the fine was paid.",
])
def test_new_wording_leaves_these_benign_sentences_quiet(text):
    assert risky(text) == {}


@pytest.mark.parametrize("text", [
    "His Majesty the King received a donation from a tycoon for the flood victims.",
    "A minute of silence was held in the presence of the King.",
    "We will walk 5 km for the health fundraiser on Sunday, join us!",
])
def test_respectful_and_charity_wording_stays_quiet(text):
    assert risky(text) == {}
