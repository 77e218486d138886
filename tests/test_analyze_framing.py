"""Framing on real text: MEANTIME's two reports on the Russian stock markets of September 2008 (a day apart),
each in English, Spanish, Italian and Dutch, as two outlets."""

from __future__ import annotations

from storyweave.analyze.framing import content_tokens, entity_labels, framing, stop_words
from storyweave.models import Article

MEANTIME = {  # MEANTIME (Minard et al., LREC 2016), CC BY 4.0: Wikinews (CC BY 2.5) and its es/it/nl translations
    "en_113227": (
        "2008-09-17",
        "Russian stock markets suspended amid market turmoil",
        "September 17, 2008\nTrading on Russia's major stock markets has been suspended for a second consecutive day due to the ongoing turmoil in the financial markets around the world.\nThe suspension took place due to an order of the Russian government's Federal Service for the Financial Markets, which demanded the suspension.\n\"It took too long for the money to get into the system,\" said Uralsib analyst Chris Weafer commenting on this decision.\n\"They were afraid of panic selling so they stopped the market.\"\nBefore the suspension, the RTS exchange fell by 6.39 percent in just two hours, while the MICEX index started the day with an increase, before falling again.\nThis day was the worst day in Russia's market since the country's 1998 financial crisis Several financial markets have continued to lose value.\nThe primary British index, the FTSE 100, dropped in value by 2.36%, which is 118.40 points, to below the 5000 mark at 4907.20.\nThe Dow Jones, was down 2.62% at 16:08 UTC, a slight increase from earlier today.\nThe Dow Jones currently has a value of 10769.00 points.\nThe NASDAQ index has fallen by -3.16% to 2138.14, while the Dax was 1.75% lower than the start of the day at 16:08 UTC.\nThe Russian Government has also announced the injection of 44 billion dollars into the Russian economy.\nThe cash injection will take place through VTB, Sberbank and Gazprom Bank, which are all state run banks.",
    ),
    "en_113267": (
        "2008-09-18",
        "Russian markets to remain closed until Friday",
        'September 18, 2008\nThe Russian government has continued to hold all stock markets closed until Friday, including the MICEX and RTS exchanges.\nFacing its worst financial crisis since 1989, the government is fighting to stem off a crash and restore consumer confidence.\nPresident Dmitry Medvedev went on national television to appease the public.\n"There is no more important task for Russian authorities than stability of our financial system under the current circumstances.\nThis is our top priority," Medvedev said.\n"The market should be given all the necessary support."\nFinance Minister Alexei Kudrin announced that 500 billion rubles (US$19.7 billion) would be infused into the stock markets when they opened on Friday, with half of that amount coming from the federal budget.\nIn addition, the Central Bank responded by offering to loan an additional 60 billion rubles (US $2.63 billion) on top of the 1.13 trillion rubles (US$44.6 billion) that it offered yesterday to Sberbank, VTB Group and Gazprombank.\nThe Central Bank is encouraging the nations top banks to provide the money to smaller lenders.\nCentral Bank chairman Sergei Ignatiev also announced on Wednesday that mandatory reserve requirements for banks would be slashed, freeing up an additional 300 billion ruble.\n"We hope that banks will spend these funds not on long-term crediting or other kinds of crediting of clients,"he said,"but on the maintenance of the necessary volume of their liquidity and on making settlements."\nIn the aftermath of Russia\'s invasion of neighboring Georgia, the markets saw investors pull out nearly US$36 billion in wealth since early August.\nFurther compounding economic woes are the recent slump in oil and gas prices, which have bolstered Russia\'s economy for several years.\nTo help with this, starting on October 1 regulators will lower the export duty on oil, saving Russian oil companies around US$5.5 billion.',
    ),
    "es_113227": (
        "2008-09-17",
        "Las bolsas rusas en suspenso en medio de la agitación del mercado",
        '17 de septiembre de 2008\nLa compraventa en las principales bolsas de Rusia ha sido suspendida por segundo día consecutivo debido a la incesante agitación en los mercados financieros de todo el mundo.\nLa suspensión ha tenido lugar debido a una orden del Servicio Federal para los Mercados Financieros del gobierno ruso, que exigía la suspensión.\n"El dinero tardó demasiado en entrar en el sistema ", dijo el analista de Uralsib Chris Weafer al comentar esta decisión.\n"Temían las ventas por pánico, así que pararon el mercado ".\nAntes de la suspensión, la bolsa RTS ha caído un 6,39 por ciento en solo dos horas, mientras que el índice MICEX ha empezado el día con una subida, antes de volver a caer.\nEste ha sido el peor día en el mercado ruso desde la crisis financiera del país en 1998.\nVarios mercados financieros han seguido perdiendo valor.\nEl principal índice británico, el FTSE 100, se ha devaluado un 2,36%, que equivale a 118,40 puntos, por debajo de la barrera de los 5.000, hasta llegar a 4.907,20.\nEl Dow Jones ha caído un 2,62% a las 16:08 UTC, una ligera subida desde hace unas horas.\nEl Dow Jones tiene actualmente un valor de 10.769,00 puntos.\nEl índice NASDAQ ha caído un -3,16% hasta 2.138,14, mientras que el Dax estaba a las 16:08 UTC un 1,75% más abajo que al principio del día.\nEl gobierno ruso también ha anunciado una inyección de 44.000 millones de dólares en la economía rusa.\nLa inyección de efectivo se realizará a través de VTB, Sberbank y Gazprombank, que son bancos estatales.',
    ),
    "es_113267": (
        "2008-09-18",
        "Los mercados rusos permanecerán cerrados hasta el viernes",
        '18 de septiembre de 2008\nEl gobierno ruso mantendrá todas las bolsas cerradas hasta el viernes, incluyendo los índices MICEX y RTS.\nCon su peor crisis financiera desde 1989, el gobierno está luchando por frenar la crisis económica y restablecer la confianza de los consumidores.\nEl presidente Dmitry Medvedev habló en la televisión nacional para tranquilizar al público.\n"No hay tarea más importante para las autoridades rusas que alcanzar la estabilidad de nuestro sistema financiero en las circunstancias actuales.\nEsa es nuestra principal prioridad ", dijo Medvedev.\n"Debería darse al mercado todo el apoyo necesario ".\nEl ministro de Finanzas Alexei Kudrin anunció que se inyectarían 500.000 millones de rublos (19.700 millones de dólares estadounidenses) en las bolsas cuando abrieran el viernes.\nLa mitad de dicha cuantía procedería del presupuesto federal.\nAdemás, el Banco Central respondió ofreciéndose a prestar 60.000 millones de rublos adicionales (2.630 millones de dólares estadounidenses) a los 1,13 billones de rublos (44.600 millones de dólares estadounidenses) que ofreció ayer a Sberbank, VTB Group y Gazprombank.\nEl Banco Central está animando a los principales bancos nacionales a facilitar el dinero a pequeños prestamistas.\nEl presidente del Banco Central Sergei Ignatiev también anunció el miércoles que se eliminarían los requisitos de reserva obligatorios para los bancos, con lo que se liberarían 300.000 millones de rublos adicionales.\n"Esperamos que los bancos no gasten estos fondos en dar créditos a largo plazo o en otro tipo de créditos a clientes ", dijo, "sino en mantener el necesario volumen de su liquidez y en realizar liquidaciones ".\nComo consecuencia de la invasión por parte de Rusia de su vecina Georgia, los mercados vieron que los inversores retiraron cerca de 36.000 millones de dólares estadounidenses desde principios de agosto.\nLa caída de los precios del petróleo y del gas están agravando aún más las dificultades económicas, ya que habían fortalecido la economía rusa durante varios años.\nComo ayuda, a partir del 1 de octubre los reguladores bajarán el impuesto de exportación sobre el petróleo, con lo que las petroleras rusas ahorrarán cerca de 5.500 millones de dólares estadounidenses.',
    ),
    "it_113227": (
        "2008-09-17",
        "I mercati azionari russi sospesi tra le turbolenze di mercato",
        "17 settembre 2008\nLe attività finanziarie dei principali mercati azionari russi sono state sospese per il secondo giorno consecutivo, a causa delle turbolenze in atto nei mercati finanziari di tutto il mondo.\nLa sospensione è stata decretata su ordine del Servizio federale del governo russo per i mercati finanziari, che ne aveva fatto richiesta.\n\"Troppo tempo necessario prima che i soldi entrassero nel sistema\", ha spiegato l'analista di Uralsib Chris Weafer commentando la decisione.\n\"Temevano il fenomeno del panic selling, per questo hanno bloccato il mercato.\"\nPrima della sospensione, l'indice RTS era sceso del 6,39 per cento in appena due ore, mentre l'indice MICEX aveva iniziato la giornata con un incremento, prima di ricadere nuovamente.\nÈ stato il giorno peggiore per la borsa russa dalla crisi finanziaria del Paese nel 1998.\nDiversi mercati finanziari hanno continuato a perdere valore.\nL'indice primario del Regno Unito FTSE 100 ha subito un calo del 2,36%, che corrisponde a 118,40 punti, toccando quota 4907,20, inferiore alla soglia dei 5000.\nIl Dow Jones è sceso del 2,62% alle 16:08 UTC, con un lieve aumento rispetto all'inizio della giornata di oggi.\nIl Dow Jones attualmente ha un valore di 10.769,00 punti.\nL'indice Nasdaq è sceso del 3,16% a 2.138,14, mentre il Dax alle 16:08 UTC era inferiore dell'1,75% rispetto all'inizio della giornata.\nIl governo russo inoltre ha annunciato l'immissione di 44 miliardi di dollari nell'economia russa.\nL'iniezione di denaro avverrà mediante VTB, Sberbank e Gazprom Bank, che sono tutte banche gestite dallo stato.",
    ),
    "it_113267": (
        "2008-09-18",
        "I mercati russi restano chiusi fino a venerdì",
        '18 settembre 2008\nIl governo russo ha continuato a tenere tutti i mercati azionari chiusi fino a venerdì, comprese le borse MICEX e RTS.\nPosto ad affrontare la peggiore crisi finanziaria dal 1989, il governo sta lottando per arginare i danni di un eventuale disastro economico e ripristinare la fiducia dei consumatori.\nIl presidente Dmitry Medvedev si è presentato alla televisione nazionale per rassicurare il pubblico.\n" Non esiste obiettivo più importante per le autorità russe della stabilità del nostro sistema finanziario nelle circostanze attuali.\nQuesta è la nostra priorità ", ha dichiarato Medvedev.\n"Al mercato deve essere offerto tutto il supporto necessario."\nIl ministro delle Finanze Alexei Kudrin ha annunciato l\'immissione di 500 miliardi di rubli (19,7 miliardi di dollari) sui mercati azionari alla riapertura di venerdì, di cui metà proveniente dal budget federale.\nInoltre, la Banca centrale ha risposto offrendo un prestito di altri 60 miliardi di rubli (2,63 miliardi di dollari) in aggiunta alla somma di 1.130 miliardi di rubli (44,6 miliardi dollari) che ha offerto ieri a Sberbank, VTB Group e Gazprombank.\nLa Banca centrale sta incoraggiando le principali banche nazionali a fornire denaro a istituti di credito più piccoli.\nIl presidente della Banca centrale Sergei Ignatiev, inoltre, ha annunciato mercoledì che i requisiti di riserva obbligatoria per le banche saranno ridotti, liberando altri 300 miliardi di rubli.\n"Ci auguriamo che le banche spendano questi fondi non per crediti a lungo termine o altre tipologie di finanziamento ai clienti", ha spiegato "ma per il mantenimento del volume di liquidità necessario e per i pagamenti".\nIn seguito all\'invasione russa della vicina Georgia, i mercati hanno visto gli investitori tirare fuori quasi 36 miliardi di dollari dagli inizi di agosto.\nA completare il quadro dei problemi economici giunge il recente crollo dei prezzi del petrolio e del gas, che hanno sostenuto l\'economia russa per diversi anni.\nPer far fronte a tale problema, a partire dal 1 ottobre le autorità di regolamentazione ridurranno il dazio per l\'esportazione del petrolio, facendo risparmiare alle compagnie petrolifere russe circa 5,5 miliardi di dollari.',
    ),
    "nl_113227": (
        "2008-09-17",
        "Russische aandelenmarkt stilgelegd tijdens marktoproer",
        "17-Sep-08\nDe handel op de grote Russische aandelenmarkten is voor de tweede opeenvolgende dag stilgelegd vanwege de blijvende onrust op de financiële markten over de hele wereld.\nDe beurzen werden stilgelegd op bevel van de Russische Federale Dienst voor de Financiële Markten.\n``Het duurde te lang voordat het geld in het systeem geraakte, ' ' zei Chris Weafer, analist bij Uralsib, over de beslissing.\n``Ze waren bang dat iedereen in paniek zou gaan verkopen en dus legden ze de markt stil. ' '\nVoor de opschorting daalde de RTS met 6,39 procent in slechts twee uur, terwijl de MICEX-index de dag begon met een stijging en daarna weer daalde.\nHet was de slechtste dag voor de Russische markt sinds de financiële crisis die in 1998 in het land toesloeg. Verscheidene financiële markten blijven verliezen lijden.\nDe FTSE 100, de voornaamste Britse index, verloor 2,36% of 118,40 punten en daalde met 4907,20 tot onder de 5000.\nDe Dow Jones had om 16.08 uur UTC 2,62% verloren, een lichte stijging ten opzichte van eerder vandaag.\nDe huidige waarde van de Dow Jones is 10.769,00 punten.\nDe NASDAQ-index daalde met 3,16% tot 2138,14 terwijl de Dax om 16.08 uur UTC 1,75% lager stond dan aan het begin van de dag.\nDe Russische overheid kondigde ook aan dat er 44 miljard dollar in de Russische economie wordt gestoken.\nDeze cashinjectie geschiedt door de VTB, Sberbank en Gazprom Bank, die alle door de staat worden beheerd.",
    ),
    "nl_113267": (
        "2008-09-18",
        "Russische beurzen gesloten tot vrijdag",
        "18-Sep-08\nDe Russische overheid houdt alle aandelenbeurzen dicht tot vrijdag, waaronder ook de MICEX en RTS.\nIn de zwaarste financiële crisis sinds 1989 doet de staat al het mogelijke om een crash te voorkomen en het vertrouwen van de consument te herstellen.\nPresident Dmitri Medvedev verscheen op de nationale televisie om het publiek te sussen.\n``Onder de huidige omstandigheden is er geen taak die belangrijker is voor de Russische staat dan de stabiliteit van ons financiële systeem.\nDit heeft voor ons de hoogste prioriteit, ' ' zei Medvedev.\n``De markt moet alle steun krijgen die nodig is. ' '\nMinister van financiën Aleksej Koedrin kondigde aan dat er 500 miljard roebel (US $19,7 miljard) wordt gestoken in de beurzen bij de opening op vrijdag, waarvan de helft uit het federale budget komt.\nDaarnaast bood de Centrale Bank een lening van nog eens 60 miljard roebel (US $2,63 miljard) bovenop de 1,13 biljoen roebel (US $44,6 miljard) die de organisatie gisteren aanbood aan Sberbank, VTB Group en Gazprombank.\nDe Centrale Bank moedigt de topbanken in het land aan het geld aan kleinere leningverstrekkers door te geven.\nSergei Ignatiev, voorzitter van de Centrale Bank, kondigde woensdag aan dat de reserveverplichtingen voor banken worden opgeschort, waardoor nog eens 300 miljard roebel vrijkomt.\n``We hopen dat banken dit geld niet uitgeven aan lange-termijn kredieten of andere vormen van kredietverlening aan klanten maar er de benodigde liquiditeit mee onderhouden en regelingen treffen, ' ' zei hij.\nIn de nasleep van de Russische invasie in buurland Georgië hebben investeerders sinds begin augustus bijna US $36 miljard aan Rusland onttrokken.\nDe economische ellende wordt verergerd door de recente daling van olie-en gasprijzen, die de economie van Rusland een aantal jaar op peil hebben gehouden.\nOm hierbij te helpen wordt de exportbelasting op olie vanaf 1 oktober verlaagd door de overheid, waardoor Russische oliebedrijven zo' n US $5,5 miljard zullen besparen.",
    ),
}

OUTLETS = {"113227": "a.example", "113267": "b.example"}


def _articles(langs=("en", "es", "it", "nl")) -> list[Article]:
    out = []
    for key, (date, title, text) in MEANTIME.items():
        lang, number = key.split("_")
        if lang in langs:
            out.append(Article(key, key, title, text, lang, date, OUTLETS[number]))
    return out


def test_a_term_one_outlet_uses_is_in_its_list_and_a_shared_term_is_not():
    found = framing(_articles())
    assert "suspension" in found["a.example"]  # only the first report speaks of the suspension
    assert "rubles" in found["b.example"]  # only the second gives amounts in rubles
    for terms in found.values():
        assert "markets" not in terms and "financial" not in terms  # both use them


def test_outlets_are_compared_within_each_language():
    found = framing(_articles())
    assert "rublos" in found["b.example"]  # es
    assert "roebel" in found["b.example"]  # nl
    assert "stilgelegd" in found["a.example"]  # nl: "suspended"
    assert "turbolenze" in found["a.example"]  # it: "turmoil"


def test_one_outlet_per_language_has_nobody_to_compare_with():
    arts = [a for a in _articles() if not (a.outlet == "b.example" and a.lang != "en")]
    found = framing(arts)
    assert "suspension" in found["a.example"]  # en: two outlets
    assert "stilgelegd" not in found["a.example"]  # nl, es, it: a.example alone
    assert "turbolenze" not in found["a.example"]


def test_names_are_not_framing_terms():
    found = framing(_articles(("en",)))
    for terms in found.values():
        assert "medvedev" not in terms and "sberbank" not in terms


def test_too_little_text_gets_no_terms():
    arts = _articles(("en",))
    short = [Article(a.id, a.id, a.title, a.text[:200], a.lang, a.published, a.outlet) for a in arts]
    assert framing(short) == {}
    assert framing([]) == {}


def test_stop_words_and_numbers_are_not_terms():
    tokens = content_tokens("The index fell 6.39 percent in two hours, didn't it?", stop_words("en"))
    assert [t for t in tokens if t] == ["index", "fell", "percent", "hours"]


def test_entity_labels_show_the_same_name_labelled_differently():
    arts = [
        Article(
            "1",
            "1",
            None,
            "Officials said the rebel Abu Karim left the city on Monday.",
            "en",
            None,
            "a.example",
        ),
        Article(
            "2",
            "2",
            None,
            "Officials said the terrorist Abu Karim fled the city on Monday.",
            "en",
            None,
            "b.example",
        ),
        Article(
            "3",
            "3",
            None,
            "Reports said the insurgent Abu Karim fled. Another insurgent Abu Karim trusted lost the city.",
            "en",
            None,
            "c.example",
        ),
    ]
    found = entity_labels(arts)
    assert found[0]["name"] == "Abu Karim"
    assert found[0]["labels"] == {
        "a.example": ["rebel"],
        "b.example": ["terrorist"],
        "c.example": ["insurgent"],
    }
    assert entity_labels(arts[:1]) == []  # one outlet: nothing to compare
