import random
import time

from naober.lib.dutch_stopwords import STOPWORDS
from naober.lib.themes import Theme, find_themes, tokens

# Stories from an installation firm, in three groups of ten. The order mixes the groups so that the examples of a
# theme cannot come from one block of indices by accident.
TARGET = [
    "Ik had mijn target voor dit kwartaal nog niet gehaald, dus ik heb Mark pas met zijn offerte geholpen toen mijn "
    "eigen omzet binnen was. De bonus telt nu eenmaal per persoon.",
    "Sanne vroeg of ik een klant van haar kon overnemen, maar mijn klantenpakket was al vol en mijn target stond "
    "onder druk. Na de afsluiting van de maand heb ik het alsnog gedaan.",
    "Onze bonusregeling beloont alleen de eigen omzet. Daarom helpt niemand een collega voordat zijn eigen target "
    "binnen is.",
    "Toen ik mijn target had gehaald, had ik eindelijk tijd om de nieuwe collega te helpen met zijn klanten.",
    "Een collega van de binnendienst had hulp nodig bij een grote offerte. Ik heb eerst mijn eigen omzet "
    "veiliggesteld, want anders mis ik mijn bonus.",
    "In de verkoop telt alleen je eigen omzet voor de bonus. Helpen bij de klanten van een ander levert niets op, "
    "dus dat schiet er bij iedereen bij in.",
    "Mijn target voor het kwartaal was binnen, en daarna heb ik twee dagen met Joris zijn klantenpakket doorgelopen. "
    "Eerder kon ik dat met mijn omzet niet maken.",
    "De accountmanagers concurreren om de bonus. Wie een collega helpt met een offerte, verliest omzet op zijn eigen "
    "target.",
    "Pas na het halen van mijn target durfde ik een klant door te schuiven naar een collega die het beter kon. Zo "
    "werkt de bonus hier.",
    "Ik wilde Fatima helpen met haar lastige klant, maar mijn omzet liep achter op het target. Na het kwartaal heb ik "
    "haar alsnog geholpen.",
]
CRAFT = [
    "De warmtepomp bij een woning gaf steeds een storing. Onze monteur heeft niet alleen de sensor vervangen maar de "
    "hele installatie doorgemeten, zodat het in één keer goed was.",
    "Monteur Dave repareerde de cv-ketel in één bezoek: first time right. Hij was trots op zijn vakmanschap en de "
    "bewoner ook.",
    "Bij een storing aan de warmtepomp nam de monteur de tijd om de oorzaak te vinden in plaats van snel een "
    "onderdeel te wisselen. Dat is vakmanschap.",
    "Ik ben trots op hoe we de ketel hebben vervangen: netjes afgewerkt, leidingen strak, en de storing kwam niet "
    "meer terug.",
    "Onze jongste monteur vond de storing in de warmtepomp die drie anderen hadden gemist. Vakmanschap van het "
    "hoogste niveau.",
    "First time right bij de reparatie van een ketel scheelt de bewoner een tweede bezoek. De monteur nam daar echt "
    "de tijd voor.",
    "De monteur heeft de warmtepomp opnieuw ingeregeld en de bewoner uitgelegd hoe het werkt. Trots op dat "
    "vakmanschap.",
    "Een storing aan de cv-ketel was al drie keer 'opgelost'. Deze keer heeft onze monteur het lek echt "
    "gerepareerd, first time right.",
    "Vakmanschap is dat je een warmtepomp goed installeert en niet weggaat voordat alles werkt. Ik ben trots op de "
    "monteurs van ons serviceteam.",
    "De reparatie van de ketel was lastig, maar de monteur bleef tot de storing verholpen was. De bewoner belde om "
    "ons te bedanken.",
]
HANDOVER = [
    "De tekening van werkvoorbereiding was niet bijgewerkt, waardoor projecten op de bouw met verkeerd materiaal "
    "stond.",
    "Bij de overdracht van werkvoorbereiding naar projecten ontbrak de materiaallijst. De planning liep daardoor een "
    "week uit.",
    "Het materiaal werd te laat besteld omdat de planning niet was doorgegeven aan werkvoorbereiding. Op de bouw "
    "stonden we stil.",
    "Een goede overdracht met tekening, planning en materiaal zorgde dat het werk op de bouw soepel liep.",
    "Werkvoorbereiding en projecten hadden elk een eigen planning. Bij de overdracht bleek dat de tekeningen niet "
    "klopten.",
    "De projectleider kreeg de tekening pas op de dag van de start op de bouw. Zonder overdracht weet niemand welk "
    "materiaal nodig is.",
    "Sinds we een vaste overdracht hebben tussen werkvoorbereiding en projecten klopt het materiaal op de bouw "
    "bijna altijd.",
    "De planning werd omgegooid zonder dat werkvoorbereiding het wist, dus de tekening en het materiaal pasten niet "
    "meer bij de bouw.",
    "Tijdens de overdracht liepen we samen de tekening door en controleerden het materiaal. Projecten kon direct "
    "starten op de bouw.",
    "Door een fout in de tekening kwam het verkeerde materiaal op de bouw. Een betere overdracht met "
    "werkvoorbereiding had dat voorkomen.",
]
GROUPS = {
    "target": (TARGET, {"target", "omzet", "bonus", "klant", "klanten", "klantenpakket", "offerte", "kwartaal"}),
    "craft": (CRAFT, {"monteur", "storing", "warmtepomp", "ketel", "vakmanschap", "trots", "bewoner", "reparatie"}),
    "handover": (
        HANDOVER,
        {"tekening", "materiaal", "planning", "overdracht", "bouw", "werkvoorbereiding", "projecten"},
    ),
}
# Interleaved: target, craft, handover, target, ...
CORPUS = [story for triple in zip(TARGET, CRAFT, HANDOVER, strict=True) for story in triple]
GROUP_OF = {index: ("target", "craft", "handover")[index % 3] for index in range(len(CORPUS))}


def group_of_theme(theme: Theme) -> str:
    """The group whose characteristic words lead the theme's top words."""
    for word in theme.words:
        for name, (_, characteristic) in GROUPS.items():
            if word in characteristic:
                return name
    raise AssertionError(f"no characteristic word among {theme.words}")


def test_tokens_drop_stop_words_and_short_words() -> None:
    result = tokens("Wij hebben het eigenlijk gewoon niet gedaan, maar ik zag de monteur wel even op de bouw.")
    assert result == [tokens("monteur")[0], tokens("bouw")[0]]
    assert not set(tokens(" ".join(sorted(STOPWORDS))))


def test_tokens_stem_so_forms_of_a_word_meet() -> None:
    assert tokens("samenwerkingen") == tokens("samenwerking")
    assert tokens("storingen") == tokens("storing")
    assert tokens("monteurs") == tokens("Monteur")


def test_tokens_keep_dutch_letters_and_handle_apostrophes() -> None:
    assert tokens("Geïnstalleerd, café") == [tokens("geïnstalleerd")[0], tokens("café")[0]]
    assert tokens("Z'n collega's en m'n auto\u2019s, zo'n dag") == tokens("collega auto")
    assert tokens("Het werkt 100% first-time-right") == tokens("werkt first time right")
    assert tokens("") == []


def test_stop_words_are_lowercase_and_ours() -> None:
    assert all(word == word.lower() and " " not in word for word in STOPWORDS)
    assert {"wel", "niet", "ook", "eigenlijk", "iemand", "keer", "gaan", "hebben", "worden"} <= STOPWORDS
    assert 200 <= len(STOPWORDS) <= 450


def test_the_three_groups_come_out_as_themes() -> None:
    themes = find_themes(CORPUS)
    assert len(themes) == 3
    assert sorted(group_of_theme(theme) for theme in themes) == ["craft", "handover", "target"]
    for theme in themes:
        name = group_of_theme(theme)
        assert len(theme.words) == 6
        assert theme.words[0] in GROUPS[name][1]
        assert len(theme.examples) == 3
        assert {GROUP_OF[index] for index in theme.examples} == {name}
    weights = [theme.weight for theme in themes]
    assert weights == sorted(weights, reverse=True)
    assert all(weight > 0 for weight in weights)
    assert abs(sum(weights) - 1) < 1e-9


def test_words_are_shown_unstemmed() -> None:
    words = {word for theme in find_themes(CORPUS) for word in theme.words}
    assert {"tekening", "werkvoorbereiding", "storing", "bonus"} <= words
    assert not {tokens("tekening")[0], tokens("werkvoorbereiding")[0], tokens("storing")[0]} & words  # the stems


def test_same_texts_give_the_same_themes() -> None:
    assert find_themes(CORPUS, seed=3) == find_themes(CORPUS, seed=3)
    assert find_themes(list(CORPUS)) == find_themes(tuple(CORPUS))


def test_parameters_are_respected() -> None:
    themes = find_themes(CORPUS, max_themes=2, words_per_theme=4, examples_per_theme=5)
    assert len(themes) == 2
    assert all(len(theme.words) == 4 and len(theme.examples) == 5 for theme in themes)
    assert all(0 <= index < len(CORPUS) for theme in themes for index in theme.examples)


def test_no_themes_below_the_minimum() -> None:
    assert find_themes(CORPUS[:9]) == []
    assert find_themes(CORPUS, minimum_texts=31) == []
    assert find_themes([]) == []


def test_no_themes_without_shared_vocabulary() -> None:
    lonely = ["kwartel", "zebra", "lantaarn", "fiets", "molen", "tulp", "haring", "kaas", "klompen", "dijk", "polder"]
    assert find_themes([f"De {word} was er ook." for word in lonely]) == []
    assert find_themes(["Het was wel goed zo."] * 5 + ["Ja, nee, niet echt."] * 5) == []
    assert find_themes(["", "  ", "123", "!?"] * 5) == []


def test_two_hundred_texts_are_quick() -> None:
    chance = random.Random(7)
    texts = [" ".join(chance.sample(CORPUS, 2)) for _ in range(200)]
    start = time.perf_counter()
    themes = find_themes(texts)
    elapsed = time.perf_counter() - start
    assert themes
    assert elapsed < 5
