"""Dutch stop words for finding themes in stories (DESIGN.md §8).

This list is our own, written out here rather than taken from a library, so that we know exactly what it holds
and can change it without a dependency. It has two parts:

- Dutch function words: articles, pronouns, prepositions, conjunctions, the auxiliary and very common verbs in
  their usual forms, and the common adverbs and fillers of spoken Dutch ("wel", "gewoon", "eigenlijk").
- Words that are ordinary content words elsewhere but carry no theme in workplace stories: the story prompt asks
  "what happened?", so nearly every story has someone ("iemand") doing something ("iets doen") on some day or in
  some week. Left in, such words end up on top of every theme and say nothing about any of them.

The words are lowercase and unstemmed: the tokenizer checks a word against this list before stemming, so every
inflected form that should go is listed.
"""

from __future__ import annotations

_FUNCTION_WORDS = """
de het een 't 'n
ik jij je u hij zij ze wij we jullie men
mij me jou hem haar ons hen hun zich
zelf mezelf jezelf zichzelf onszelf elkaar
mijn jouw uw zijn onze z'n m'n d'r zo'n
die dat deze dit dezelfde hetzelfde zulk zulke
wie wat welk welke waar waarom wanneer hoe hoeveel
er daar hier erbij ermee erop eraan ervan erover erin ernaar
daarbij daarmee daarvan daarin daarop daarvoor daardoor daarna daarom daarover
hierbij hiermee hiervoor
waarbij waarmee waarvan waardoor
aan achter af bij binnen boven buiten door in langs met mee na naar naast om onder op over per rond
sinds tegen tijdens toe tot tussen uit van vanaf vanuit via voor volgens zonder ondanks behalve
en of maar want dus dan als omdat doordat zodat terwijl toen nadat voordat zodra hoewel
zowel totdat alsof
alle allemaal alles elk elke ieder iedere iedereen sommige enkele ander andere anders
veel weinig meer meest meeste minder
ben bent is was waren geweest
heb hebt heeft had hadden gehad
word wordt werd werden geworden
zal zult zullen zou zouden
kan kunt kon konden
moet moest moesten
wil wilt wilde wilden
mag mogen mocht mochten
hoef hoeft hoeven hoefde
laat laten liet lieten gelaten
wel niet geen ook nog al even gewoon echt heel erg eigenlijk
zo toch nu nou ja nee te zeer weer alleen zelfs juist vooral natuurlijk misschien
altijd nooit vaak soms steeds ooit pas net eens eerst later straks meteen ineens opeens
bijna helemaal best beetje zeker vast nogal ongeveer echter doch reeds verder tenminste inmiddels daarnaast
"""

# Content words that every story about "a moment in recent weeks" tends to have (see the module docstring).
_NO_THEME_WORDS = """
iemand niemand iets niets niks
ding dingen keer moment manier soort stuk paar
dag dagen week weken maand maanden jaar jaren
vandaag gisteren morgen ochtend middag avond
maandag dinsdag woensdag donderdag vrijdag weekend
twee drie vier vijf eerste tweede
gaan ga gaat ging gingen gegaan
komen kom komt kwam kwamen gekomen
doen doe doet deed deden gedaan
zeggen zeg zegt zei zeiden gezegd
zien zie ziet zag zagen gezien
maken maak maakt maakte maakten gemaakt
krijgen krijg krijgt kreeg kregen gekregen
willen moeten kunnen
zitten zit zat zaten gezeten
staan sta staat stond stonden gestaan
hebben worden blijven blijf blijft bleef bleven gebleven
vinden vind vindt vond vonden
denken denk denkt dacht dachten gedacht
weten weet wist wisten geweten
gebeuren gebeurt gebeurde gebeurden gebeurd
"""

STOPWORDS: frozenset[str] = frozenset((_FUNCTION_WORDS + _NO_THEME_WORDS).split())
