"""News outlets and agencies by name in en fr de es it pt ru ar tr pl: the table :mod:`citations` looks names up in.

Format of ``_TABLE``: a line ``key | Display name | type`` starts an outlet (``key`` is its registered domain where
sure, ``-`` otherwise; ``type`` is agency, newspaper, magazine, broadcaster or website); each indented line below
is one alias, matched case-sensitively as a whole word ("Reuters'", "CNN's", Turkish "AA'ya" count). Leave the
article out of names ("New York Times", not "The New York Times"): a preceding "the" never matters. Marks:

- ``Reuter*``: a word ending in ``*`` is a stem that takes up to four more letters (Рейтер -> Рейтерс, Рейтер;
  Gazet* Wyborcz* -> Gazety Wyborczej).
- ``~AP``: a weak alias (an acronym or a name that is also a common word, "AA", "Welt", "Stern"): it counts only
  in a tight credit (a dateline, a source line, a cue right before it, a media noun next to it), never by a cue
  somewhere in the sentence.
- ``^Post``: a short form, counted only in an article that also names the outlet in full ("The Washington Post
  ... the Post reported").
- ``Fox News ≠ Radio|Sports``: words that, right after the alias, make it something else.
- ``! regex``: when this matches anywhere in the article, the outlet's weak aliases are off ("Michael Bloomberg"
  makes a bare "Bloomberg" the person).

Arabic names are written with their article; the proclitics (و ف ب ل ك) are allowed in front, and ل + ال = لل.
People, governments, platforms (Twitter, YouTube, Facebook, Telegram), pollsters and publishers are not outlets and
are not listed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TABLE = """
reuters.com | Reuters | agency
    Reuters
    Reuter*
    Рейтер*
    رويترز
    ~rtr
    ~RTR
apnews.com | Associated Press | agency
    Associated Press
    Associated Post
    ~AP ≠ Photo|Images|Stylebook|Calculus|Biology|Chemistry|Physics|English|History|exam|exams|class|classes|test|tests|credit|credits|scores
    ~A.P.
    Ассошиэйтед Пресс
    Ассошиэйтед пресс
    أسوشيتد برس
    اسوشيتد برس
    أسوشييتد برس
afp.com | AFP | agency
    AFP
    Agence France-Presse
    Agence France Presse
    France-Presse
    France Presse
    Agencia France-Presse
    Agência France-Presse
    АФП
    Франс Пресс
    Франс-Пресс
    فرانس برس
    فرانس پرس
dpa.com | dpa | agency
    dpa
    DPA
    ~Dpa
    Deutsche* Presse-Agentur
    Deutsche* Presse Agentur
    Deutsche* Presseagentur
    ДПА
efe.com | EFE | agency
    EFE
    ~Efe
    Agencia EFE
    ЭФЭ
    إفي
    إيفي
ansa.it | ANSA | agency
    ANSA
    ~Ansa
    АНСА
    أنسا
aa.com.tr | Anadolu Agency | agency
    Anadolu Agency
    Anadolu Ajans*
    Anadolu Haber Ajans*
    Agencj* Anadolu
    Agence Anadolu
    Agencia Anadolu
    Agenzia Anadolu
    Agência Anadolu
    Анадолу
    الأناضول
    ~AA ≠ batteries|battery|meeting|meetings
tass.ru | TASS | agency
    TASS
    ITAR-TASS
    ТАСС*
    ИТАР-ТАСС
    ~Tass
    تاس
ria.ru | RIA Novosti | agency
    RIA Novosti
    RIA-Novosti
    RIA Nowosti
    RIA-Nowosti
    РИА Новост*
    РИА «Новости»
    ريا نوفوستي
interfax.ru | Interfax | agency
    Interfax
    Interfaks*
    Интерфакс*
    إنترفاكس
    انترفاكس
xinhuanet.com | Xinhua | agency
    Xinhua
    Chine nouvelle
    Синьхуа
    شينخوا
    Sinhua
    Şinhua
kyodonews.net | Kyodo News | agency
    Kyodo
    Киодо
    كيودو
yna.co.kr | Yonhap | agency
    Yonhap
    Рёнхап
    Ренхап
    Ёнхап
    يونهاب
ptinews.com | PTI | agency
    Press Trust of India
    ~PTI
ians.in | IANS | agency
    ~IANS
aninews.in | ANI | agency
    Asian News International
    ~ANI
upi.com | UPI | agency
    United Press International
    UPI
bloomberg.com | Bloomberg | agency
    Bloomberg News
    Bloomberg Politics
    Bloomberg View
    Bloomberg Businessweek
    Bloomberg Television
    Bloomberg TV
    ~Bloomberg ≠ Philanthropies|LP|L.P.|administration|campaign|Terminal|Law|Intelligence|New Energy|School
    ~Блумберг*
    ~بلومبرغ
    ~بلومبيرغ
    ! (?:Michael|Mike|Michael R\\.|Mr\\.|Mayor|former mayor|Mayor Michael|Mr) Bloomberg
pap.pl | PAP | agency
    PAP
    Polsk* Agencj* Prasow*
apa.at | APA | agency
    Austria Presse Agentur
    ~APA
keystone-sda.ch | Keystone-SDA | agency
    Keystone-SDA
    ~SDA
ddp | ddp | agency
    ddp
    dapd
europapress.es | Europa Press | agency
    Europa Press
lusa.pt | Lusa | agency
    Agência Lusa
    ~Lusa
agenciabrasil | Agência Brasil | agency
    Agência Brasil
dha.com.tr | DHA | agency
    Demirören Haber Ajans*
    Doğan Haber Ajans*
    ~DHA
iha.com.tr | İHA | agency
    İhlas Haber Ajans*
    ~İHA
sana.sy | SANA | agency
    ~SANA
    ~سانا
irna.ir | IRNA | agency
    IRNA
    ИРНА
    إرنا
isna.ir | ISNA | agency
    ~ISNA
farsnews.ir | Fars | agency
    Fars News
    ~Fars
tasnimnews.com | Tasnim | agency
    Tasnim
wafa.ps | WAFA | agency
    ~WAFA
    ~وفا
mena | MENA | agency
    Middle East News Agency
    ~MENA
kuna.net.kw | KUNA | agency
    KUNA
    كونا
wam.ae | WAM | agency
    ~WAM
spa.gov.sa | Saudi Press Agency | agency
    Saudi Press Agency
qna.org.qa | QNA | agency
    Qatar News Agency
    ~QNA
petra.gov.jo | Petra | agency
    ~Petra
belta.by | BelTA | agency
    BelTA
    БелТА
ukrinform.ua | Ukrinform | agency
    Ukrinform
    Укринформ*
unian.ua | UNIAN | agency
    UNIAN
    УНИАН
sputniknews.com | Sputnik | agency
    ~Sputnik
    ~Спутник
    ~سبوتنيك
regnum.ru | Regnum | agency
    Regnum
    Регнум*
notimex | Notimex | agency
    Notimex
prensa-latina.cu | Prensa Latina | agency
    Prensa Latina
ctk.cz | ČTK | agency
    ČTK
mti.hu | MTI | agency
    ~MTI
bta.bg | BTA | agency
    ~BTA
agerpres.ro | Agerpres | agency
    Agerpres
tanjug.rs | Tanjug | agency
    Tanjug
hina.hr | HINA | agency
    ~HINA
bernama.com | Bernama | agency
    Bernama
antaranews.com | Antara | agency
    ~Antara
aap.com.au | AAP | agency
    Australian Associated Press
    ~AAP
thecanadianpress.com | The Canadian Press | agency
    Canadian Press
pa.media | PA Media | agency
    Press Association
    PA Media
jiji.com | Jiji Press | agency
    Jiji
adnkronos.com | Adnkronos | agency
    Adnkronos
    AdnKronos
agi.it | AGI | agency
    Agenzia Italia
    ~AGI
lapresse.it | LaPresse | agency
    LaPresse
bbc.co.uk | BBC | broadcaster
    BBC
    Би-би-си
    Би-Би-Си
    بي بي سي
    بي.بي.سي
    ~ВВС
cnn.com | CNN | broadcaster
    CNN
    Си-эн-эн
    Си-Эн-Эн
    سي إن إن
    سي ان ان
cnnturk.com | CNN Türk | broadcaster
    CNN Türk
    CNN Turk
cnnbrasil.com.br | CNN Brasil | broadcaster
    CNN Brasil
rt.com | RT | broadcaster
    Russia Today
    Раша тудэй
    Раша Тудэй
    روسيا اليوم
    ~RT ≠ @
aljazeera.net | Al Jazeera | broadcaster
    Al Jazeera
    Al-Jazeera
    Aljazeera
    AlJazeera
    Al Jazira
    Al-Jazira
    Al Dschasira
    Al-Dschasira
    Al Dżazira
    Al-Dżazira
    El Cezire
    Аль-Джазир*
    Аль Джазир*
    قناة الجزيرة
    شبكة الجزيرة
    ~الجزيرة ≠ العربية
alarabiya.net | Al Arabiya | broadcaster
    Al Arabiya
    Al-Arabiya
    Аль-Арабия
    قناة العربية
foxnews.com | Fox News | broadcaster
    Fox News ≠ Radio
    Fox News Channel
    FOX News
    Фокс Ньюс
    فوكس نيوز
    ^Fox
foxbusiness.com | Fox Business Network | broadcaster
    Fox Business
msnbc.com | MSNBC | broadcaster
    MSNBC
nbcnews.com | NBC | broadcaster
    NBC
    NBC News
abc | ABC | broadcaster
    ABC News
    ~ABC
cbsnews.com | CBS | broadcaster
    CBS
    CBS News
pbs.org | PBS | broadcaster
    PBS
npr.org | NPR | broadcaster
    NPR
    National Public Radio
cnbc.com | CNBC | broadcaster
    CNBC
c-span.org | C-SPAN | broadcaster
    C-SPAN
    C-Span
sky.com | Sky News | broadcaster
    Sky News ≠ Arabia
skynewsarabia.com | Sky News Arabia | broadcaster
    Sky News Arabia
    سكاي نيوز عربية
    سكاي نيوز
itv.com | ITV | broadcaster
    ITV News
    ~ITV
channel4.com | Channel 4 | broadcaster
    Channel 4 News
cbc.ca | CBC | broadcaster
    CBC
    CBC News
ctvnews.ca | CTV News | broadcaster
    CTV News
    ~CTV
univision.com | Univision | broadcaster
    Univision
telemundo.com | Telemundo | broadcaster
    Telemundo
dw.com | Deutsche Welle | broadcaster
    Deutsche Welle
    Deutschen Welle
    Дойче Велле
    Deutsche Welle'ye
    دويتشه فيله
    ~DW
france24.com | France 24 | broadcaster
    France 24
    France24
    Франс 24
    فرانس 24
euronews.com | Euronews | broadcaster
    Euronews
    euronews
    Евроньюс
    يورونيوز
ard.de | ARD | broadcaster
    ARD
    Tagesschau
    tagesschau.de
    Tagesthemen
    Sportschau
    Das Erste
zdf.de | ZDF | broadcaster
    ZDF
    heute-journal
    heute journal
ndr.de | NDR | broadcaster
    NDR
    ndr.de
wdr.de | WDR | broadcaster
    WDR
swr.de | SWR | broadcaster
    SWR
mdr.de | MDR | broadcaster
    MDR
br.de | Bayerischer Rundfunk | broadcaster
    Bayerische* Rundfunk*
    Bayrische* Rundfunk*
hr.de | Hessischer Rundfunk | broadcaster
    Hessische* Rundfunk*
rbb24.de | RBB | broadcaster
    RBB
    rbb
radiobremen.de | Radio Bremen | broadcaster
    Radio Bremen
deutschlandfunk.de | Deutschlandfunk | broadcaster
    Deutschlandfunk
deutschlandradio.de | Deutschlandradio | broadcaster
    Deutschlandradio
n-tv.de | n-tv | broadcaster
    n-tv
    ntv.de
- | N24 | broadcaster
    N24
rtl.de | RTL | broadcaster
    ~RTL
orf.at | ORF | broadcaster
    ORF
srf.ch | SRF | broadcaster
    SRF
    Schweizer Radio und Fernsehen
vaticannews.va | Radio Vatikan | broadcaster
    Radio Vatikan
    Radio Vaticana
    Vatican News
    Radio Vatican
francetvinfo.fr | France Télévisions | broadcaster
    France Télévisions
    France 2
    France 3
    Franceinfo
    franceinfo
    France Info
    France info
tf1.fr | TF1 | broadcaster
    TF1
bfmtv.com | BFMTV | broadcaster
    BFMTV
    BFM TV
    BFM-TV
rfi.fr | RFI | broadcaster
    RFI
    Radio France Internationale
radiofrance.fr | Radio France | broadcaster
    Radio France ≠ Internationale
    France Inter
    France Culture
europe1.fr | Europe 1 | broadcaster
    Europe 1
lci.fr | LCI | broadcaster
    LCI
rtve.es | RTVE | broadcaster
    RTVE
    TVE
    Televisión Española
    Radio Nacional de España
cadenaser.com | Cadena SER | broadcaster
    Cadena SER
    Cadena Ser
antena3.com | Antena 3 | broadcaster
    Antena 3
lasexta.com | laSexta | broadcaster
    laSexta
    La Sexta
telecinco.es | Telecinco | broadcaster
    Telecinco
cope.es | COPE | broadcaster
    Cadena COPE
    ~COPE
ondacero.es | Onda Cero | broadcaster
    Onda Cero
telesurtv.net | Telesur | broadcaster
    Telesur
    teleSUR
    TeleSUR
rai.it | RAI | broadcaster
    RAI
    Rai ≠ Way
    RaiNews24
    Rainews24
    Rai News
    Tg1
    TG1
    Tg3
    TG3
skytg24.it | Sky TG24 | broadcaster
    Sky TG24
    SkyTg24
    Sky Tg24
tgcom24.mediaset.it | TgCom24 | broadcaster
    TgCom24
    Tgcom24
    Mediaset
la7.it | La7 | broadcaster
    La7
rtp.pt | RTP | broadcaster
    RTP
sic.pt | SIC | broadcaster
    SIC Notícias
    ~SIC
tvi.iol.pt | TVI | broadcaster
    TVI
globo.com | Globo | broadcaster
    TV Globo
    Rede Globo
    GloboNews
    ~G1
    ~Globo
recordtv | Record TV | broadcaster
    Record TV
    TV Record
    Rede Record
1tv.ru | Channel One Russia | broadcaster
    Первый канал
    Первого канала
    Первому каналу
    Channel One Russia
vesti.ru | Rossiya 24 | broadcaster
    Россия 24
    Россия-24
    России 24
    ВГТРК
    ~Вести
    Rossiya 24
ntv.ru | NTV | broadcaster
    НТВ
ren.tv | REN TV | broadcaster
    РЕН ТВ
    РЕН-ТВ
echo.msk.ru | Echo of Moscow | broadcaster
    Эхо Москвы
    Эхо Москвы
    Echo of Moscow
    Echo Moskwy
tvrain.tv | TV Rain | broadcaster
    Дождь ≠ идет|шел
    TV Rain
    Doschd
trt.net.tr | TRT | broadcaster
    ~TRT
    TRT Haber
    TRT World
ntv.com.tr | NTV (Turkey) | broadcaster
    ~NTV
haberturk.com | Habertürk | broadcaster
    Habertürk
    Haberturk
tvn24.pl | TVN24 | broadcaster
    TVN24
    ~TVN
tvp.pl | TVP | broadcaster
    TVP
    TVP Info
    Telewizj* Polsk*
polsatnews.pl | Polsat | broadcaster
    Polsat
    Polsat News
    Polsatu
rmf24.pl | RMF FM | broadcaster
    RMF FM
    RMF
radiozet.pl | Radio ZET | broadcaster
    Radio ZET
    Radio Zet
polskieradio.pl | Polskie Radio | broadcaster
    Polskie Radio
    Polskiego Radia
    Polskiemu Radiu
    Polskim Radiu
nhk.or.jp | NHK | broadcaster
    NHK
cctv.com | CCTV | broadcaster
    CCTV
    China Central Television
    Центральное телевидение Китая
cgtn.com | CGTN | broadcaster
    CGTN
ndtv.com | NDTV | broadcaster
    NDTV
abc.net.au | ABC (Australia) | broadcaster
    Australian Broadcasting Corporation
sbs.com.au | SBS | broadcaster
    ~SBS
almayadeen.net | Al Mayadeen | broadcaster
    Al Mayadeen
    Al-Mayadeen
    قناة الميادين
    ~الميادين
almanar.com.lb | Al-Manar | broadcaster
    Al-Manar
    Al Manar
    قناة المنار
alhurra.com | Alhurra | broadcaster
    Alhurra
    Al Hurra
    Al-Hurra
    قناة الحرة
channel10 | Channel 10 (Israel) | broadcaster
    Channel 10
    Kanal 10
    Channel 2 News
nytimes.com | The New York Times | newspaper
    New York Times
    NYTimes
    NY Times
    N.Y. Times
    NYT
    ~nytimes.com
    Нью-Йорк таймс
    Нью-Йорк Таймс
    نيويورك تايمز
    ^Times ≠ of|Square|Co|Company|Union
washingtonpost.com | The Washington Post | newspaper
    Washington Post
    WaPo
    Вашингтон пост
    Вашингтон Пост
    واشنطن بوست
    ^Post ≠ Office|office
wsj.com | The Wall Street Journal | newspaper
    Wall Street Journal
    WSJ
    Уолл-стрит джорнэл
    Уолл-Стрит Джорнэл
    Уолл-стрит Джорнэл
    وول ستريت جورنال
    ^Journal
usatoday.com | USA Today | newspaper
    USA Today
    USA TODAY
latimes.com | Los Angeles Times | newspaper
    Los Angeles Times
    LA Times
    L.A. Times
politico.com | Politico | website
    Politico
    POLITICO
thehill.com | The Hill | website
    The Hill ≠ Country|Street|Road|Avenue|School
breitbart.com | Breitbart News | website
    Breitbart
huffingtonpost.com | The Huffington Post | website
    Huffington Post
    HuffPost
    HuffPo
    Huffington Post's
nypost.com | New York Post | newspaper
    New York Post
    NY Post
    N.Y. Post
nydailynews.com | New York Daily News | newspaper
    New York Daily News
    NY Daily News
    ^Daily News
bostonglobe.com | The Boston Globe | newspaper
    Boston Globe
    ^Globe
chicagotribune.com | Chicago Tribune | newspaper
    Chicago Tribune
    ^Tribune
suntimes.com | Chicago Sun-Times | newspaper
    Chicago Sun-Times
    Sun-Times
miamiherald.com | Miami Herald | newspaper
    Miami Herald
    ^Herald
bostonherald.com | Boston Herald | newspaper
    Boston Herald
desmoinesregister.com | The Des Moines Register | newspaper
    Des Moines Register
    ^Register
unionleader.com | New Hampshire Union Leader | newspaper
    New Hampshire Union Leader
    Union Leader
texastribune.org | The Texas Tribune | website
    Texas Tribune
dallasnews.com | The Dallas Morning News | newspaper
    Dallas Morning News
tampabay.com | Tampa Bay Times | newspaper
    Tampa Bay Times
azcentral.com | The Arizona Republic | newspaper
    Arizona Republic
cincinnati.com | The Cincinnati Enquirer | newspaper
    Cincinnati Enquirer
sfchronicle.com | San Francisco Chronicle | newspaper
    San Francisco Chronicle
houstonchronicle.com | Houston Chronicle | newspaper
    Houston Chronicle
seattletimes.com | The Seattle Times | newspaper
    Seattle Times
denverpost.com | The Denver Post | newspaper
    Denver Post
inquirer.com | The Philadelphia Inquirer | newspaper
    Philadelphia Inquirer
startribune.com | Star Tribune | newspaper
    Star Tribune
freep.com | Detroit Free Press | newspaper
    Detroit Free Press
orlandosentinel.com | Orlando Sentinel | newspaper
    Orlando Sentinel
reviewjournal.com | Las Vegas Review-Journal | newspaper
    Las Vegas Review-Journal
    Review-Journal
washingtontimes.com | The Washington Times | newspaper
    Washington Times
washingtonexaminer.com | Washington Examiner | newspaper
    Washington Examiner
freebeacon.com | Washington Free Beacon | website
    Washington Free Beacon
    Free Beacon
dailycaller.com | The Daily Caller | website
    Daily Caller
theblaze.com | TheBlaze | website
    TheBlaze
    The Blaze
nationalreview.com | National Review | magazine
    National Review
weeklystandard.com | The Weekly Standard | magazine
    Weekly Standard
newsmax.com | Newsmax | website
    Newsmax
drudgereport.com | Drudge Report | website
    Drudge Report
infowars.com | Infowars | website
    Infowars
    InfoWars
mediaite.com | Mediaite | website
    Mediaite
rawstory.com | Raw Story | website
    Raw Story
salon.com | Salon | website
    Salon.com
    ~Salon
theintercept.com | The Intercept | website
    The Intercept
propublica.org | ProPublica | website
    ProPublica
fivethirtyeight.com | FiveThirtyEight | website
    FiveThirtyEight
yahoo.com | Yahoo News | website
    Yahoo News
    Yahoo! News
businessinsider.com | Business Insider | website
    Business Insider
buzzfeed.com | BuzzFeed | website
    BuzzFeed News
    BuzzFeed
    Buzzfeed
axios.com | Axios | website
    Axios
vox.com | Vox | website
    Vox.com
    ~Vox
slate.com | Slate | magazine
    Slate
thedailybeast.com | The Daily Beast | website
    Daily Beast
vice.com | Vice | website
    Vice News
    VICE News
motherjones.com | Mother Jones | magazine
    Mother Jones
theatlantic.com | The Atlantic | magazine
    The Atlantic ≠ Ocean|coast|Council
newyorker.com | The New Yorker | magazine
    The New Yorker
time.com | Time | magazine
    Time magazine
    Time Magazine
    TIME magazine
    ~TIME
newsweek.com | Newsweek | magazine
    Newsweek
forbes.com | Forbes | magazine
    Forbes ≠ 400
    Forbes'
    Форбс
    فوربس
economist.com | The Economist | magazine
    The Economist
    ~Economist
foreignpolicy.com | Foreign Policy | magazine
    Foreign Policy magazine
    Foreign Policy's
mcclatchydc.com | McClatchy | newspaper
    McClatchy
ibtimes.com | International Business Times | website
    International Business Times
gawker.com | Gawker | website
    Gawker
theverge.com | The Verge | website
    The Verge
oann.com | One America News Network | broadcaster
    One America News
townhall.com | Townhall | website
    Townhall
ijr.com | Independent Journal Review | website
    Independent Journal Review
ft.com | Financial Times | newspaper
    Financial Times
    ~FT
    Файненшл таймс
    Файнэншл таймс
    فايننشال تايمز
theguardian.com | The Guardian | newspaper
    Guardian newspaper
    ~Guardian ≠ Council|Angels|ad litem|Angel
    Гардиан
    ~غارديان
    ~الغارديان
telegraph.co.uk | The Daily Telegraph | newspaper
    Daily Telegraph
    Sunday Telegraph
    The Telegraph
thetimes.co.uk | The Times (London) | newspaper
    The Times of London
    Times of London
    Sunday Times
independent.co.uk | The Independent | newspaper
    The Independent ≠ Journal
dailymail.co.uk | Daily Mail | newspaper
    Daily Mail
    Mail Online
    MailOnline
thesun.co.uk | The Sun | newspaper
    ~The Sun
mirror.co.uk | Daily Mirror | newspaper
    Daily Mirror
theglobeandmail.com | The Globe and Mail | newspaper
    Globe and Mail
thestar.com | Toronto Star | newspaper
    Toronto Star
nationalpost.com | National Post | newspaper
    National Post
smh.com.au | The Sydney Morning Herald | newspaper
    Sydney Morning Herald
timesofindia.indiatimes.com | The Times of India | newspaper
    Times of India
hindustantimes.com | Hindustan Times | newspaper
    Hindustan Times
thehindu.com | The Hindu | newspaper
    The Hindu ≠ nationalist|community|temple|god
indianexpress.com | The Indian Express | newspaper
    Indian Express
scmp.com | South China Morning Post | newspaper
    South China Morning Post
    SCMP
globaltimes.cn | Global Times | newspaper
    Global Times
    Глобал таймс
people.com.cn | People's Daily | newspaper
    People's Daily
    People’s Daily
    Renmin Ribao
    Жэньминь жибао
    Quotidien du peuple
chinadaily.com.cn | China Daily | newspaper
    China Daily
asahi.com | Asahi Shimbun | newspaper
    Asahi Shimbun
    Asahi
yomiuri.co.jp | Yomiuri Shimbun | newspaper
    Yomiuri
mainichi.jp | Mainichi Shimbun | newspaper
    Mainichi
sankei.com | Sankei Shimbun | newspaper
    Sankei
nikkei.com | Nikkei | newspaper
    Nikkei ≠ 225|index|Index|average
koreaherald.com | The Korea Herald | newspaper
    Korea Herald
bangkokpost.com | Bangkok Post | newspaper
    Bangkok Post
thejakartapost.com | The Jakarta Post | newspaper
    Jakarta Post
straitstimes.com | The Straits Times | newspaper
    Straits Times
haaretz.com | Haaretz | newspaper
    Haaretz
    Ha'aretz
    Гаарец
    هآرتس
timesofisrael.com | The Times of Israel | website
    Times of Israel
jpost.com | The Jerusalem Post | newspaper
    Jerusalem Post
ynetnews.com | Ynet | website
    Ynet
    Yedioth Ahronoth
    Jedi'ot Acharonot
aawsat.com | Asharq Al-Awsat | newspaper
    Asharq Al-Awsat
    Asharq al-Awsat
    Al-Sharq al-Awsat
    ~الشرق الأوسط
ahram.org.eg | Al-Ahram | newspaper
    Al-Ahram
    Al Ahram
    الأهرام
almasryalyoum.com | Al-Masry Al-Youm | newspaper
    Al-Masry Al-Youm
    المصري اليوم
lemonde.fr | Le Monde | newspaper
    Le Monde ≠ arabe|entier
    Ле Монд
    لوموند
lefigaro.fr | Le Figaro | newspaper
    Le Figaro
    Figaro
    Фигаро
liberation.fr | Libération | newspaper
    ~Libération
leparisien.fr | Le Parisien | newspaper
    Le Parisien
lexpress.fr | L'Express | magazine
    L'Express
    L’Express
lepoint.fr | Le Point | magazine
    ~Le Point
nouvelobs.com | L'Obs | magazine
    Nouvel Observateur
    L'Obs
    L’Obs
lesechos.fr | Les Échos | newspaper
    Les Échos
    Les Echos
la-croix.com | La Croix | newspaper
    ~La Croix
humanite.fr | L'Humanité | newspaper
    L'Humanité
    L’Humanité
lecanardenchaine.fr | Le Canard enchaîné | newspaper
    Canard enchaîné
    Canard Enchaîné
mediapart.fr | Mediapart | website
    Mediapart
ouest-france.fr | Ouest-France | newspaper
    Ouest-France
    Ouest France
lejdd.fr | Le Journal du dimanche | newspaper
    Journal du dimanche
    Journal du Dimanche
    JDD
parismatch.com | Paris Match | magazine
    Paris Match
lequipe.fr | L'Équipe | newspaper
    L'Équipe
    L’Équipe
    L'Equipe
    L’Equipe
francefootball.fr | France Football | magazine
    France Football
lesoir.be | Le Soir | newspaper
    Le Soir
letemps.ch | Le Temps | newspaper
    ~Le Temps
spiegel.de | Der Spiegel | magazine
    Spiegel
    SPIEGEL
    Spiegel Online
    SPIEGEL ONLINE
    Spiegel-Online
    spiegel.de
    Шпигель
    دير شبيغل
    شبيغل
faz.net | Frankfurter Allgemeine Zeitung | newspaper
    Frankfurter Allgemeine*
    FAZ
    F.A.Z.
    faz.net
    ~FAS
sueddeutsche.de | Süddeutsche Zeitung | newspaper
    Süddeutsche*
    Süddeutsche* Zeitung
    Sueddeutsche*
    sueddeutsche.de
    ~SZ
welt.de | Die Welt | newspaper
    Welt am Sonntag
    WELT
    welt.de
    Die Welt ≠ von|ist|der
    ~Welt
zeit.de | Die Zeit | newspaper
    Zeit Online
    ZEIT ONLINE
    ZEIT
    zeit.de
    ~Die Zeit
bild.de | Bild | newspaper
    Bild-Zeitung
    Bildzeitung
    BILD
    Bild am Sonntag
    bild.de
    ~Bild
handelsblatt.com | Handelsblatt | newspaper
    Handelsblatt*
tagesspiegel.de | Der Tagesspiegel | newspaper
    Tagesspiegel*
taz.de | taz | newspaper
    taz
focus.de | Focus | magazine
    Focus Online
    FOCUS
    ~Focus
stern.de | Stern | magazine
    stern.de
    ~Stern
fr.de | Frankfurter Rundschau | newspaper
    Frankfurter Rundschau
berliner-zeitung.de | Berliner Zeitung | newspaper
    Berliner Zeitung
morgenpost.de | Berliner Morgenpost | newspaper
    Berliner Morgenpost
abendblatt.de | Hamburger Abendblatt | newspaper
    Hamburger Abendblatt*
    Hamburger Abendblatts
rp-online.de | Rheinische Post | newspaper
    Rheinische* Post
ksta.de | Kölner Stadt-Anzeiger | newspaper
    Kölner Stadt-Anzeiger*
waz.de | Westdeutsche Allgemeine Zeitung | newspaper
    WAZ
    Westdeutsche* Allgemeine*
noz.de | Neue Osnabrücker Zeitung | newspaper
    Neue* Osnabrücker Zeitung
    NOZ
stuttgarter-zeitung.de | Stuttgarter Zeitung | newspaper
    Stuttgarter Zeitung
stuttgarter-nachrichten.de | Stuttgarter Nachrichten | newspaper
    Stuttgarter Nachrichten
mz.de | Mitteldeutsche Zeitung | newspaper
    Mitteldeutsche* Zeitung
lvz.de | Leipziger Volkszeitung | newspaper
    Leipziger Volkszeitung
saechsische.de | Sächsische Zeitung | newspaper
    Sächsische* Zeitung
augsburger-allgemeine.de | Augsburger Allgemeine | newspaper
    Augsburger Allgemein*
merkur.de | Münchner Merkur | newspaper
    Münchner Merkur*
abendzeitung-muenchen.de | Abendzeitung | newspaper
    Abendzeitung
haz.de | Hannoversche Allgemeine Zeitung | newspaper
    Hannoversche* Allgemeine*
volksstimme.de | Volksstimme | newspaper
    Volksstimme
weser-kurier.de | Weser-Kurier | newspaper
    Weser-Kurier*
westfalen-blatt.de | Westfalen-Blatt | newspaper
    Westfalen-Blatt*
nordbayern.de | Nürnberger Nachrichten | newspaper
    Nürnberger Nachrichten
badische-zeitung.de | Badische Zeitung | newspaper
    Badische* Zeitung
freiepresse.de | Freie Presse | newspaper
    Freie* Presse
salzburg.com | Salzburger Nachrichten | newspaper
    Salzburger Nachrichten
derstandard.at | Der Standard | newspaper
    Der Standard
    ~Standard* ≠ Poor's
    derStandard.at
diepresse.com | Die Presse | newspaper
    ~Die Presse
krone.at | Kronen Zeitung | newspaper
    Kronen Zeitung
    ~Krone
kurier.at | Kurier | newspaper
    ~Kurier
profil.at | profil | magazine
    ~profil
nzz.ch | Neue Zürcher Zeitung | newspaper
    Neue* Zürcher Zeitung
    NZZ
tagesanzeiger.ch | Tages-Anzeiger | newspaper
    Tages-Anzeiger*
bazonline.ch | Basler Zeitung | newspaper
    Basler Zeitung
blick.ch | Blick | newspaper
    ~Blick
heise.de | heise online | website
    heise online
    Heise online
    heise.de
    ~Heise
golem.de | Golem.de | website
    Golem.de
t-online.de | t-online.de | website
    t-online.de
    T-Online
    t-online
netzeitung.de | Netzeitung | website
    Netzeitung
ftd.de | Financial Times Deutschland | newspaper
    Financial Times Deutschland
    FTD
aerztezeitung.de | Ärzte Zeitung | newspaper
    Ärzte Zeitung
    Ärztezeitung
computerwoche.de | Computerwoche | magazine
    Computerwoche
automobilwoche.de | Automobilwoche | magazine
    Automobilwoche
sportbild.bild.de | Sport Bild | magazine
    Sport Bild
    Sport-Bild
kicker.de | Kicker | magazine
    ~Kicker
wiwo.de | Wirtschaftswoche | magazine
    Wirtschaftswoche
    WirtschaftsWoche
    WiWo
manager-magazin.de | Manager Magazin | magazine
    Manager Magazin
    manager magazin
jungewelt.de | junge Welt | newspaper
    junge Welt
    Junge Welt
nd-aktuell.de | Neues Deutschland | newspaper
    Neues Deutschland
jungle.world | Jungle World | newspaper
    Jungle World
bildblog.de | BILDblog | website
    BILDblog
rnd.de | RedaktionsNetzwerk Deutschland | newspaper
    RedaktionsNetzwerk Deutschland
    Redaktionsnetzwerk Deutschland
    RND
wikinews.org | Wikinews | website
    Wikinews
    wikinews
elpais.com | El País | newspaper
    El País
    El Pais
    EL PAÍS
    Эль Паис
    إل باييس
elmundo.es | El Mundo | newspaper
    ~El Mundo
abc.es | ABC (Spain) | newspaper
    diario ABC
lavanguardia.com | La Vanguardia | newspaper
    La Vanguardia
elperiodico.com | El Periódico | newspaper
    El Periódico
elconfidencial.com | El Confidencial | website
    El Confidencial
eldiario.es | elDiario.es | website
    eldiario.es
    elDiario.es
20minutos.es | 20minutos | newspaper
    20minutos
elespanol.com | El Español | website
    ~El Español
clarin.com | Clarín | newspaper
    Clarín
lanacion.com.ar | La Nación | newspaper
    ~La Nación
infobae.com | Infobae | website
    Infobae
pagina12.com.ar | Página/12 | newspaper
    Página/12
    Página 12
eltiempo.com | El Tiempo | newspaper
    ~El Tiempo
eluniversal.com.mx | El Universal | newspaper
    ~El Universal
excelsior.com.mx | Excélsior | newspaper
    Excélsior
jornada.com.mx | La Jornada | newspaper
    La Jornada
reforma.com | Reforma | newspaper
    ~Reforma
latercera.com | La Tercera | newspaper
    La Tercera
elmercurio.com | El Mercurio | newspaper
    ~El Mercurio
granma.cu | Granma | newspaper
    Granma
elnuevoherald.com | El Nuevo Herald | newspaper
    El Nuevo Herald
corriere.it | Corriere della Sera | newspaper
    Corriere della Sera
    ~Corriere
repubblica.it | la Repubblica | newspaper
    la Repubblica
    La Repubblica
    ~Repubblica
lastampa.it | La Stampa | newspaper
    ~La Stampa
ilsole24ore.com | Il Sole 24 Ore | newspaper
    Il Sole 24 Ore
    Sole 24 Ore
ilmessaggero.it | Il Messaggero | newspaper
    Il Messaggero
    Messaggero
ilfattoquotidiano.it | Il Fatto Quotidiano | newspaper
    Il Fatto Quotidiano
    Fatto Quotidiano
ilgiornale.it | il Giornale | newspaper
    ~il Giornale
    ~Il Giornale
ilfoglio.it | Il Foglio | newspaper
    ~Il Foglio
avvenire.it | Avvenire | newspaper
    ~Avvenire
ilmattino.it | Il Mattino | newspaper
    ~Il Mattino
gazzetta.it | La Gazzetta dello Sport | newspaper
    Gazzetta dello Sport
    ~Gazzetta
folha.uol.com.br | Folha de S.Paulo | newspaper
    Folha de S.Paulo
    Folha de S. Paulo
    Folha de São Paulo
    ~Folha
oglobo.globo.com | O Globo | newspaper
    O Globo
estadao.com.br | O Estado de S. Paulo | newspaper
    Estadão
    O Estado de S. Paulo
    Estado de S. Paulo
veja.abril.com.br | Veja | magazine
    revista Veja
    ~Veja
uol.com.br | UOL | website
    ~UOL
publico.pt | Público | newspaper
    ~Público
expresso.pt | Expresso | newspaper
    ~Expresso
dn.pt | Diário de Notícias | newspaper
    Diário de Notícias
jn.pt | Jornal de Notícias | newspaper
    Jornal de Notícias
cmjornal.pt | Correio da Manhã | newspaper
    Correio da Manhã
observador.pt | Observador | newspaper
    ~Observador
valor.globo.com | Valor Econômico | newspaper
    Valor Econômico
kommersant.ru | Kommersant | newspaper
    Коммерсант*
    Kommersant
    Kommiersant
iz.ru | Izvestia | newspaper
    Известия
    Известиям
    Известий
    Izvestia
    Iswestija
vedomosti.ru | Vedomosti | newspaper
    Ведомост*
    Vedomosti
novayagazeta.ru | Novaya Gazeta | newspaper
    Нов* газет*
    Novaya Gazeta
    Nowaja Gaseta
rg.ru | Rossiyskaya Gazeta | newspaper
    Российск* газет*
    Rossiyskaya Gazeta
kp.ru | Komsomolskaya Pravda | newspaper
    Комсомольск* правд*
    Komsomolskaya Pravda
mk.ru | Moskovsky Komsomolets | newspaper
    Московск* комсомол*
    Moskovsky Komsomolets
themoscowtimes.com | The Moscow Times | newspaper
    Moscow Times
lenta.ru | Lenta.ru | website
    Lenta.ru
    Лента.ру
    Лента.ру
gazeta.ru | Gazeta.Ru | website
    Gazeta.Ru
    Gazeta.ru
    Газета.Ru
    Газета.ру
rbc.ru | RBC | website
    РБК
    ~RBC
meduza.io | Meduza | website
    Meduza
    Медуза
pravda.com.ua | Ukrainska Pravda | website
    Ukrainska Pravda
    Украинская правда
    Українська правда
kyivindependent.com | The Kyiv Independent | website
    Kyiv Independent
kyivpost.com | Kyiv Post | newspaper
    Kyiv Post
hurriyet.com.tr | Hürriyet | newspaper
    Hürriyet ≠ Partisi
    Hurriyet
milliyet.com.tr | Milliyet | newspaper
    Milliyet
sabah.com.tr | Sabah | newspaper
    ~Sabah
dailysabah.com | Daily Sabah | newspaper
    Daily Sabah
sozcu.com.tr | Sözcü | newspaper
    Sözcü
cumhuriyet.com.tr | Cumhuriyet | newspaper
    ~Cumhuriyet
yenisafak.com | Yeni Şafak | newspaper
    Yeni Şafak
hurriyetdailynews.com | Hürriyet Daily News | newspaper
    Hürriyet Daily News
    Hurriyet Daily News
wyborcza.pl | Gazeta Wyborcza | newspaper
    Gazet* Wyborcz*
    Wyborcz*
rp.pl | Rzeczpospolita | newspaper
    ~Rzeczpospolit*
onet.pl | Onet | website
    Onet
    Onetu
    Onet.pl
wp.pl | Wirtualna Polska | website
    Wirtualn* Polsk*
newsweek.pl | Newsweek Polska | magazine
    Newsweek Polska
polityka.pl | Polityka | magazine
    ~Polityk*
fakt.pl | Fakt | newspaper
    ~Fakt
    ~Faktu
    ~Faktowi
se.pl | Super Express | newspaper
    Super Express*
interia.pl | Interia | website
    Interia
    Interii
gazetaprawna.pl | Dziennik Gazeta Prawna | newspaper
    Dziennik Gazeta Prawna
    Dziennik* Gazet* Prawn*
"""

_STEM_SUFFIX = 4


@dataclass(frozen=True)
class OutletEntry:
    name: str  # canonical display name
    key: str | None  # registered domain when sure
    kind: str  # agency, newspaper, magazine, broadcaster, website
    veto: re.Pattern[str] | None = None  # when it matches the article, weak aliases are off


@dataclass(frozen=True)
class Alias:
    entry: OutletEntry
    surface: str  # as written in the table, without marks
    pattern: re.Pattern[str]  # matches at a token start
    weak: bool = False
    short: bool = False


_ARABIC = re.compile(r"[\u0600-\u06ff]")


def _word_pattern(word: str) -> str:
    if word.endswith("*") and len(word) > 1:
        return re.escape(word[:-1]) + r"\w{0," + str(_STEM_SUFFIX) + "}"
    return re.escape(word).replace(r"\-", "[-\u2010\u2011 ]?")


def _alias_pattern(surface: str, exclude: str | None) -> re.Pattern[str]:
    body = r"\s+".join(_word_pattern(w) for w in surface.split())
    if _ARABIC.match(surface):
        if surface.startswith("ال"):
            body = r"(?:[وف]?[بك]?ال|[وف]?لل)" + body[2:]
        else:
            body = r"[وف]?[بلك]?" + body
    end = "" if surface[-1] in ".'’\"“”" else r"(?!\w)"
    if exclude:
        end += r"(?!\s*(?:" + "|".join(re.escape(x.strip()) for x in exclude.split("|")) + r")\b)"
    return re.compile(body + end)


def index_key(surface: str) -> str:
    """The index key of a name: its first three characters after Arabic proclitics and the article."""
    first = re.match(r"\w+", surface)
    return (first.group() if first else surface)[:3]


def parse_table(table: str = _TABLE) -> list[Alias]:
    aliases: list[Alias] = []
    entry: OutletEntry | None = None
    for line in table.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):
            key, name, kind = (part.strip() for part in line.split("|"))
            entry = OutletEntry(name, None if key in ("-", "") or "." not in key else key, kind)
            continue
        assert entry is not None, line
        text = line.strip()
        if text.startswith("!"):
            veto = re.compile(text[1:].strip())
            entry = OutletEntry(entry.name, entry.key, entry.kind, veto)
            aliases = [
                Alias(entry, a.surface, a.pattern, a.weak, a.short) if a.entry.name == entry.name else a
                for a in aliases
            ]
            continue
        weak = text.startswith("~")
        short = text.startswith("^")
        text = text.lstrip("~^")
        surface, _, exclude = text.partition("≠")
        surface = surface.strip()
        aliases.append(
            Alias(entry, surface.replace("*", ""), _alias_pattern(surface, exclude or None), weak, short)
        )
    return aliases
