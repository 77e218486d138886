"""The words of attribution, per language: reporting verbs (cues) in the tenses and persons news uses,
complementisers ("that", "que", "dass", "что"), "according to" markers, subject pronouns with gender and number,
auxiliaries that sit between a speaker and the cue, determiners and titles/roles. Plain data, space-separated;
:mod:`quotes_tables` compiles it on first use. A cue of several words is written with ``_`` between them
("ifade_etti"); matching ignores case. Keys are ISO 639-1 codes.
"""

from __future__ import annotations

# Reporting verbs and phrases. Every form a news sentence uses: past, present, perfect participle, plural, and
# the inverted forms where the language has them.
CUES: dict[str, str] = {
    "en": """said says say saying told tells telling added adds stated explained explains noted argued argues
        claimed insisted insists warned warns announced announces declared declares stressed stresses emphasized
        emphasised emphasizes acknowledged acknowledges admitted admits asserted asserts contended contends wrote
        writes tweeted replied replies responded responds asked asks suggested suggests predicted predicts
        promised vowed vows confirmed confirms denied denies recalled recalls complained complains believes
        believed thinks feels estimated estimates concluded concludes observed revealed reveals disclosed
        indicated indicates mentioned maintained maintains agreed agrees countered testified urged urges alleged
        alleges conceded concedes boasted joked quipped remarked commented cautioned reiterated reiterates
        explaining adding noting warning insisting arguing telling claiming stating announcing signaled signaled
        signalled acknowledging pressed continued recounted put_it according_to pointed_out points_out shows showed""",
    "fr": """dit dire disait déclaré déclare déclarent déclarait affirmé affirme affirment affirmait ajouté ajoute
        expliqué explique expliquent estimé estime estiment souligné souligne soulignent indiqué indique indiquent
        précisé précise assuré assure assurent annoncé annonce confié confie insisté insiste rappelé rappelle
        martelé martèle lancé lance répondu répond prévenu prévient averti avertit reconnu reconnaît reconnait
        dénoncé dénonce raconté raconte poursuivi poursuit conclu conclut écrit écrivait jugé observé observe
        commenté commente relevé relève regretté regrette promis promet déploré déplore fait_savoir selon
        d'après""",
    "de": """sagte sagt sagten sagen gesagt erklärte erklärt erklärten erklären betonte betont betonten fügte
        meinte meint sprach teilte teilten mitteilte mitteilten mitgeteilt berichtete berichtet berichteten
        kündigte warnte warnt warnten forderte fordert forderten kritisierte kritisiert bestätigte bestätigt
        räumte behauptete behauptet behaupten schrieb schreibt äußerte äußert verkündete versicherte unterstrich
        ergänzte erläuterte bekräftigte hieß heißt glaubt glaubte glauben befürchtet befürchtete vermutet
        vermutete verlautete wies hinwies antwortete fragte kommentierte begründete argumentierte klagte beklagte
        mahnte versprach verspricht meldete meldet meldeten zitiert zitierte laut zufolge gemäß""",
    "es": """dijo dice dicen dijeron decía afirmó afirma afirman afirmaron aseguró asegura aseguran declaró
        declara declararon explicó explica añadió añade agregó agrega señaló señala indicó indica manifestó
        subrayó destacó insistió advirtió sostuvo sostiene reconoció comentó precisó apuntó anunció informó
        aseveró expresó admitió denunció dicho afirmado declarado asegurado explicado señalado según""",
    "it": """detto dice dicono disse dichiarato dichiara dichiarò affermato afferma affermò spiegato spiega
        aggiunto aggiunge sottolineato sottolinea precisato ribadito ribadisce annunciato commentato osservato
        ammesso avvertito sostenuto sostiene assicurato assicura ricordato ricorda riferito spiegò aggiunse
        secondo""",
    "pt": """disse diz dizem disseram afirmou afirma afirmaram declarou declara explicou explica acrescentou
        destacou ressaltou salientou garantiu garante sublinhou admitiu avisou alertou anunciou informou
        comentou defendeu reconheceu segundo de_acordo_com conforme""",
    "nl": """zei zegt zeiden zeggen gezegd verklaarde verklaart stelde stelt meldde meldt benadrukte
        vertelde vertelt schreef waarschuwde antwoordde aldus volgens liet_weten""",
    "ru": """заявил заявила заявили заявляет заявляют сказал сказала сказали говорит говорят говорил говорила
        сообщил сообщила сообщили сообщает сообщают отметил отметила отметили отмечает подчеркнул подчеркнула
        подчеркнули подчеркивает подчёркивает добавил добавила добавили пояснил пояснила считает считают
        полагает признал признала предупредил предупредила рассказал рассказала заметил заметила уточнил
        уточнила указал указала написал написала объяснил объяснила утверждает утверждал утверждала говорится
        заверил заверила по_словам по_данным по_мнению""",
    "pl": """powiedział powiedziała powiedzieli mówi mówią mówił mówiła stwierdził stwierdziła stwierdzili
        oświadczył oświadczyła podkreślił podkreśliła podkreślili dodał dodała zaznaczył zaznaczyła przekazał
        przekazała poinformował poinformowała poinformowali ocenił oceniła uważa twierdzi napisał napisała
        wyjaśnił wyjaśniła zapowiedział zapowiedziała przyznał przyznała ostrzegł ostrzegła według zdaniem
        podał podała""",
    "tr": """dedi söyledi belirtti açıkladı kaydetti vurguladı bildirdi aktardı ekledi savundu uyardı konuştu
        sordu yanıtladı ifade_etti iddia_etti dile_getirdi kullandı belirterek söyleyerek göre""",
    "ar": """قال قالت قالوا يقول تقول أكد أكدت يؤكد أضاف أضافت أوضح أوضحت أعلن أعلنت صرح صرحت ذكر ذكرت أشار
        أشارت شدد شددت اعتبر اعتبرت حذر حذرت لفت لفتت أفاد أفادت يرى ترى بحسب حسب وفقا قائلا مضيفا مؤكدا""",
}

# Cues that introduce the speaker before the content ("according to X, ..."), not a verb.
ACCORDING: dict[str, str] = {
    "en": "according_to",
    "fr": "selon d'après",
    "de": "laut zufolge gemäß",
    "es": "según",
    "it": "secondo",
    "pt": "segundo de_acordo_com conforme",
    "nl": "volgens aldus",
    "ru": "по_словам по_данным по_мнению",
    "pl": "według zdaniem",
    "tr": "göre",
    "ar": "بحسب حسب وفقا",
}

# Words that make a cue verb a non-speech use when they follow it ("said goodbye", "told the story").
COMPLEMENTISERS: dict[str, str] = {
    "en": "that",
    "fr": "que qu' qu’",
    "de": "dass ob",
    "es": "que",
    "it": "che",
    "pt": "que",
    "nl": "dat",
    "ru": "что чтобы",
    "pl": "że iż",
    "tr": "ki",
    "ar": "أن إن بأن ان",
}

# Subject pronouns: word -> gender (m / f / -) and number (s / p).
PRONOUNS: dict[str, dict[str, str]] = {
    "en": {"he": "ms", "she": "fs", "they": "-p", "we": "-p", "i": "-s"},
    "fr": {
        "il": "ms",
        "elle": "fs",
        "ils": "mp",
        "elles": "fp",
        "-t-il": "ms",
        "-t-elle": "fs",
        "-il": "ms",
        "-elle": "fs",
    },
    "de": {"er": "ms", "sie": "--", "wir": "-p", "ich": "-s"},
    "es": {"él": "ms", "ella": "fs", "ellos": "mp", "ellas": "fp"},
    "it": {"lui": "ms", "lei": "fs", "egli": "ms", "essi": "mp"},
    "pt": {"ele": "ms", "ela": "fs", "eles": "mp", "elas": "fp"},
    "nl": {"hij": "ms", "zij": "--", "ze": "--"},
    "ru": {"он": "ms", "она": "fs", "они": "-p"},
    "pl": {"on": "ms", "ona": "fs", "oni": "mp", "one": "fp"},
    "tr": {"o": "-s"},
    "ar": {"هو": "ms", "هي": "fs"},
}

# Languages whose verbs carry the subject: a cue with no subject word speaks for the last speaker.
PRO_DROP = frozenset("es it pt pl ru ar tr".split())

# Words that may stand between the speaker and the cue ("has said", "a déclaré", "hat gesagt", "ha detto").
AUXILIARIES = """has have had was were is are will would also later then earlier again previously once further
    recently has_also a ont avait avaient aurait également aussi hat haben hatte hatten habe ist war wird auch
    zudem ha han había habían ha también ha hanno aveva avevano anche tem têm tinha também heeft hebben had ook
    также тоже ещё же też także ayrıca""".split()

# Words that open a role phrase ("the spokesman", "le ministre", "der Sprecher"); also the rule's determiners.
DETERMINERS = """the a an this that these those his her their its our le la les l' l’ un une des du der die das
    den dem des ein eine einer einem eines el la los las una il lo gli i o os as um uma de het een""".split()

# Titles and roles: a capitalised title before a name gives the name that role ("President Obama"), a role
# phrase as speaker ("the Syrian president") resolves to the nearest person with the same role.
TITLES = """president president-elect vice prime minister secretary senator sen. rep. representative
    congressman congresswoman gov. governor mayor chancellor king queen prince princess pope general gen.
    spokesman spokeswoman spokesperson ceo chairman chairwoman director chief leader candidate ambassador judge
    attorney lawyer professor prof. dr. mr. mrs. ms. commissioner sheriff coach captain nominee speaker
    generaal generale generał генерал
    officials police witnesses residents analysts experts critics authorities sources observers lawmakers
    polizei behörden experten kritiker zeugen anwohner ermittler
    président présidente ministre chef porte-parole directeur directrice m. mme maire secrétaire ambassadeur
    général premier candidat candidate roi reine
    präsident präsidentin kanzler kanzlerin bundeskanzler bundeskanzlerin ministerin ministerpräsident
    ministerpräsidentin sprecher sprecherin polizeisprecher regierungssprecher chefin direktor direktorin
    vorsitzende vorsitzender bürgermeister bürgermeisterin herr frau trainer generalsekretär botschafter
    presidente primer ministro ministra portavoz director directora alcalde señor señora sr. sra. rey
    presidente premier ministro portavoce sindaco direttore signor signora
    presidente ministro ministra porta-voz diretor prefeito senhor senhora
    president premier minister woordvoerder burgemeester
    президент премьер министр глава пресс-секретарь представитель мэр губернатор директор председатель
    prezydent premier minister rzecznik rzeczniczka burmistrz dyrektor przewodniczący pan pani
    cumhurbaşkanı başbakan bakan bakanı sözcüsü başkanı başkan
    الرئيس رئيس وزير الوزير المتحدث الناطق""".split()

# Honorifics that tell a person's gender.
FEMININE_TITLES = """mrs. ms. mme madame frau señora sra. signora senhora pani queen reine präsidentin
    kanzlerin bundeskanzlerin ministerin sprecherin spokeswoman chairwoman congresswoman princess""".split()
MASCULINE_TITLES = """mr. m. monsieur herr señor sr. signor senhor pan king roi spokesman chairman
    congressman prince""".split()

# Words that name an organisation, not a person: a personal pronoun never resolves to them.
ORGANISATION_WORDS = """house department ministry police party news times post agency office council court
    government committee campaign association union inc corp company university institute bank group team
    ministerium polizei regierung partei agentur ministère gouvernement police parti""".split()

# German subjunctive (Konjunktiv I) forms that mark reported speech without a cue.
KONJUNKTIV = """sei seien habe werde werden könne müsse solle wolle dürfe gebe liege stehe gehe komme
    bestehe handle wisse brauche bleibe fehle wäre wären hätte hätten würde würden könnten müssten sollten
    plane arbeite benötige führe erwarte beabsichtige verfüge""".split()

# Labels of "Label: text" lines that are not speakers in a transcript.
NOT_SPEAKER_LABELS = """photo photos image video source sources related read update updated note editor's
    editor copyright credit tags see also watch listen warning disclaimer subscribe advertisement share
    foto quelle bild lesen sie auch kaynak fuente fonte źródło источник фото""".split()
