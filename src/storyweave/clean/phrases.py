"""The phrase tables of the line rules (:mod:`storyweave.clean.boilerplate`): interface words, social-count words,
and the "strong" calls to the reader (newsletters, memberships, follow prompts, cookie and login notices) in the main
languages. Data only."""

from __future__ import annotations

PLATFORMS = (
    r"twitter|x\.com|facebook|instagram|telegram|youtube|tiktok|whatsapp|linkedin|pinterest|reddit|snapchat|"
    r"threads|mastodon|bluesky|vk|vkontakte|odnoklassniki|weibo|wechat|line|viber|signal|flipboard|google news|"
    r"apple news|rumble|gab|truth social"
)

# Words of site interfaces (share bars, menus, section fronts) in the main languages, lower case.
UI_WORDS = frozenset(
    """
    share shares shared sharing this tweet retweet email e-mail mail print comment comments comentarios
    commenti commentaires kommentare reacties komentarze комментарии коментарі yorumlar yorum تعليقات more less
    copy link links url facebook twitter x instagram telegram youtube tiktok whatsapp linkedin pinterest reddit
    google snapchat flipboard messenger viber vk rss feed feeds sms apps app iphone ipad android free now
    home menu search login log in sign up register subscribe subscribed subscription newsletter newsletters
    news world politics business economy sport sports tech technology science health culture entertainment
    opinion opinions video videos photo photos gallery galleries podcast podcasts live weather local national
    international lifestyle travel education environment climate media markets money music movies tv radio
    trending popular latest top stories story related advertisement advertising ad ads sponsored
    previous next back close open skip content main navigation nav toggle about contact us privacy terms
    cookies cookie policy help faq careers jobs shop store donate account profile settings logout
    like likes follow following followers loading watch play pause listen read view views click here
    accueil rechercher connexion partager partagez imprimer suivre abonnez-vous abonnement lire aussi monde
    politique économie société culture sports vidéos
    startseite suche anmelden teilen drucken folgen abonnieren mehr politik wirtschaft kultur
    inicio buscar compartir imprimir seguir suscríbete suscribirse portada mundo política economía deportes
    cerca condividi stampa segui iscriviti esteri cronaca politica economia spettacoli
    zoeken delen printen volg abonneer binnenland buitenland
    szukaj udostępnij drukuj obserwuj subskrybuj wiadomości kraj świat
    главная поиск поделиться печать подписаться новости мир политика экономика спорт
    головна пошук поділитися друк новини світ
    anasayfa ara paylaş yazdır takip et abone ol gündem dünya ekonomi spor
    الرئيسية بحث شارك مشاركة طباعة تابعنا أخبار
    """.split()
)

SOCIAL_COUNT_WORDS = (
    r"subscribers?|followers?|following|views?|likes?|comments?|shares?|reactions?|plays?|listens?|"
    r"abonnés|abonnenten|suscriptores|seguidores|iscritti|follower|volgers|abonnees|obserwujących|subskrypcji|"
    r"подписчик\w*|просмотр\w*|підписник\w*|abone|takipçi|görüntülenme|مشترك|متابع|مشاهدة"
)


# Every "strong" pattern contains one of these (lower-cased) stems; lines without any skip the big regex.
STRONG_STEMS = tuple(
    """
    wanted friend sign subscri regist newsletter member patron supporter journalism reporting newsroom answerable funded donat
    contribution already only unlimited app notification inbox tip error follow find like join share page channel
    account conversation cookie privacy terms characters robot captcha human log password javascript blocker
    browser trouble click tap scroll transcript problem inscri abonn suivez soutenez devenez déjà téléchargez
    jetzt folgen unterstützen bereits mitglied suscr boletín síguenos hazte apoya assine siga-nos seguici abbonati
    sostieni meld schrijf nieuwsbrief volg word zapisz obserwuj plików wesprzyj подпиш телеграм канал cookie
    підпиш abone bülten takip çerez اشترك النشرة تابع ملفات
    caracteres caractères zeichen caratteri tekens quería queria voulait wollte voleva wilde
    stay confirm activate ad-free boîte correo bandeja casella caixa mailbox postfach posteingang skrzynk почт
    kutunuza folge sigue segui siga
    """.split()
)
COPYRIGHT_STEMS = ("©", "(c)", "copyright", "rights", "droits", "rechte", "derechos", "diritti", "rechten", "prawa",
                    "права", "hakları", "الحقوق", "material")  # fmt: skip
SOCIAL_STEMS = (
    "@",
    "pic.twitter",
    "t.co/",
    "shared by",
    "partagée",
    "geteilt",
    "compartida",
    "condiviso",
    "публикация",
)

# "Strong" calls to the reader, as (literals, pattern): every match of ``pattern`` contains one of the lower-case
# ``literals``, so a line runs the pattern only when its lower-cased text holds one of them (a cheap ``in`` test
# instead of one big alternation tried at every position). Together they are the "strong" pattern.
# fmt: off
STRONG_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    # newsletters, memberships, donations, apps, alerts
    (("sign up ", "signing up "), r"\bsign(?:ing)? up (?:for|to)\b.{0,60}\b(?:newsletter|emails?|alerts?|briefing|digest|updates)"),
    (("subscribe ", "register "), r"\b(?:subscribe|register) (?:to|for|now|today|here)\b|\bsubscribe to (?:our|the)\b"),
    (("newsletter",), r"\b(?:our|free|daily|weekly) (?:email )?newsletters?\b|\bnewsletters? sign[- ]?up\b"),
    (("become a",), r"\bbecome an? (?:member|subscriber|patron|supporter)\b"),
    (("support ",), r"\bsupport (?:our|independent|quality|local) (?:journalism|reporting|newsroom)\b"),
    (("answerable only to",), r"\bwe are answerable only to\b"),
    (("our journalism is ",), r"\bour journalism is (?:free|funded)\b"),
    (("make a ",), r"\bmake a (?:donation|contribution)\b"),
    (("donate ",), r"\bdonate (?:now|today)\b"),
    (("already a ",), r"\balready a (?:subscriber|member)\b"),
    (("subscriber",), r"\bsubscribers? only\b"),
    (("unlimited ",), r"\bunlimited (?:digital )?access\b"),
    (("download ",), r"\bdownload (?:our|the) (?:free )?(?:\w+ )?app\b"),
    (("get the ", "get our "), r"\bget (?:the|our) (?:free )?(?:\w+ )?app\b"),
    (("push notification",), r"\bpush notifications?\b"),
    (("your inbox",), r"\b(?:delivered )?(?:straight |directly )?(?:to|in|into) your inbox\b"),
    # "... in your inbox" in fr es it pt nl de pl ru tr: a newsletter's pitch that does not name it
    (("boîte", "correo", "bandeja", "casella", "caixa", "mailbox", "inbox", "postfach", "posteingang", "skrzynk",
      "почт", "kutunuza"),
     r"\bdans votre boîte (?:mail|aux lettres|de réception)\b|\ben tu (?:correo|bandeja de entrada)\b"
     r"|\bnella tua (?:casella(?: di posta)?|inbox|email)\b|\bna sua caixa de entrada\b|\bin (?:je|uw) (?:mailbox|inbox)\b"
     r"|\bin (?:ihr(?:em)?|dein(?:em)?) (?:e-mail-)?(?:postfach|posteingang)\b|\bna (?:twoją|swoją) skrzynkę\b"
     r"|\bна (?:вашу |свою )?(?:электронную )?почту\b|\be-posta kutunuza\b"),
    (("sign up today",), r"\bsign up today\b"),
    (("wanted you to see",), r"\bwanted you to see\b"),
    # "A friend wanted you to see this item" in es pt fr de it nl
    (("quería que", "queria que"), r"\bquer[ií]a que (?:usted |você |voce |tu )?(?:vieras|viera|leyeras|leyera|visse|lesse)\b"),
    (("voulait que",), r"\bvoulait que (?:vous|tu) (?:voyiez|lisiez|voies|lises)\b"),
    (("wollte",), r"\bwollte,? dass (?:du|sie) (?:diesen|dieses|diese)\b.{0,60}\b(?:siehst|sehen|liest|lesen)\b"),
    (("voleva che",), r"\bvoleva che (?:tu |lei )?(?:vedessi|vedesse|leggessi|leggesse)\b"),
    (("wilde dat",), r"\bwilde dat (?:je|jij|u) (?:dit|deze) (?:artikel|bericht|item|verhaal)\b.{0,60}\b(?:zag|zou zien|las|zou lezen)\b"),
    (("mail ",), r"\be-?mail (?:this|to a friend)\b"),
    (("send to a friend",), r"\bsend to a friend\b"),
    (("@",), r"\bsend (?:us )?(?:your )?(?:news )?tips?\b.{0,40}@"),
    (("report an error",), r"\breport an error\b"),
    (("submit a tip",), r"\bsubmit a tip\b"),
    # follow / share
    (("follow", "find", "like", "join"), rf"\b(?:follow|find|like|join)\b.{{0,50}}\b(?:on|at|via)\s+(?:{PLATFORMS})\b"),
    # "Follow <outlet> on <app>" in fr de es it pt nl pl, the outlet's name between the verb and the app
    (("suivez", "folgen", "folge", "sigue", "síguenos", "segui", "siga", "volg", "obserwuj"),
     rf"\b(?:suivez|folgen sie|folge|sigue|síguenos|segui|seguite|siga|volg|obserwuj)\b.{{0,50}}"
     rf"\b(?:sur|auf|bei|en|su|no|na|op|via)\s+(?:{PLATFORMS})\b"),
    (("share this", "share on"), r"\bshare (?:this|on)\b"),
    (("page", "channel", "account"), rf"\b(?:{PLATFORMS})\s*(?:page|channel|account)\b.{{0,30}}$"),
    (("join the conversation",), r"\bjoin the conversation\b"),
    # a sign-up form's own messages, and its heading
    (("subscri", "confirm your", "activate your"), r"\bsucc?ess?fully subscribed\b|\bthank(?:s| you) for subscribing\b"
                                                   r"|\b(?:activate|confirm) your (?:subscription|e-?mail)\b"),
    (("stay ",), r"^\W*stay (?:up to date|up-to-date|updated|informed|in the know|connected)\b"),
    (("join ",), r"\bjoin (?:over |more than |some )?[\d.,]+\s*[km]?\+? (?:other )?(?:subscribers|readers|members|"
                 r"supporters|others|people|followers)\b"),
    # membership pitches: what members or subscribers get
    (("members ", "subscribers ", "membership "), r"\b(?:members|subscribers) (?:get|enjoy|receive)\b"
                                                   r"|\bmembership (?:includes|gives|offers)\b"),
    (("ad-free",), r"\bad-free (?:access|experience|reading|browsing)\b"),
    # cookies, privacy, login, captcha, scripts
    (("cookie",), r"\b(?:we|this (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences|consent)\b"
                  r"|\baccept (?:all )?cookies\b"),
    (("privacy ",), r"\bprivacy (?:policy|notice|settings)\b"),
    (("terms ",), r"\bterms (?:of (?:use|service)|and conditions)\b"),
    (("enter the characters",), r"\benter the characters\b"),
    # captcha prompts ("enter the characters ...") in fr de es it pt nl
    (("caractères",), r"\b(?:saisissez|saisir|entrez|entrer|tapez|recopiez) les caractères\b"),
    (("zeichen",), r"\b(?:geben sie|gib) die (?:\w+ )?zeichen\b|\bzeichen eingeben\b"),
    (("caracteres",), r"\b(?:introduzca|introducir|introduce|escriba|escribir|escribe|ingrese|ingresar|ingresa|"
                      r"digite|digitar|insira|inserir|introduza) (?:los|os) caracteres\b"),
    (("caratteri",), r"\b(?:inserisci|inserire|inserite|digita|digitare|digitate|scrivi) i caratteri\b"),
    (("tekens",), r"\bvoer de (?:\w+ )?tekens in\b|\b(?:typ|tik) de (?:\w+ )?tekens\b"),
    (("m not a robot",), r"\bi'?m not a robot\b"),
    (("captcha",), r"\bcaptcha\b"),
    (("verify ",), r"\bverify (?:that )?you are (?:a )?human\b"),
    (("sign in ", "log in "), r"\b(?:sign|log) in (?:to|with)\b"),
    (("you must be logged in",), r"\byou must be logged in\b"),
    (("create a",), r"\bcreate (?:an|a free) account\b"),
    (("password",), r"\bforgot (?:your )?password\b"),
    (("javascript",), r"\benable javascript\b|\bjavascript (?:is )?(?:required|disabled)\b|\brequires javascript\b"),
    (("blocker",), r"\bad ?blocker\b"),
    (("browser does not support",), r"\bbrowser does not support\b"),
    (("having trouble viewing",), r"\bhaving trouble viewing\b"),
    (("click here", "tap here"), r"\bclick here\b|\btap here\b"),
    (("scroll down for",), r"\bscroll down for\b"),
    (("notification",), r"\bnotification(?:s)? (?:are|has been|have been)\b"),
    (("problem saving your",), r"\bproblem saving your\b"),
    (("hide transcript",), r"\bhide transcript\b"),
    # fr
    (("inscrivez-vous",), r"\binscrivez-vous\b"),
    (("abonnez-vous",), r"\babonnez-vous\b"),
    (("newsletter",), r"\bnotre newsletter\b|\bla newsletter\b"),
    (("suivez-nous",), r"\bsuivez-nous\b"),
    (("soutenez",), r"\bsoutenez\b.{0,40}\bjournalisme\b"),
    (("devenez ",), r"\bdevenez (?:membre|abonné)\b"),
    (("cookies",), r"\bnous utilisons des cookies\b"),
    (("déjà abonné",), r"\bdéjà abonné\b"),
    (("téléchargez ",), r"\btéléchargez (?:notre|l'application)\b"),
    # de
    (("newsletter ",), r"\bnewsletter (?:abonnieren|bestellen|anmelden)\b"),
    (("jetzt ",), r"\bjetzt (?:abonnieren|anmelden|registrieren|teilen)\b"),
    (("folgen sie uns",), r"\bfolgen sie uns\b"),
    (("cookies",), r"\bwir verwenden cookies\b"),
    (("unterstützen sie",), r"\bunterstützen sie\b.{0,40}\bjournalismus\b"),
    (("bereits abonnent",), r"\bbereits abonnent\b"),
    (("mitglied werden",), r"\bmitglied werden\b"),
    # es / pt / it
    (("suscríbete",), r"\bsuscríbete\b"),
    (("suscribirse",), r"\bsuscribirse\b"),
    (("nuestro boletín",), r"\bnuestro boletín\b"),
    (("síguenos",), r"\bsíguenos\b"),
    (("cookies",), r"\butilizamos cookies\b"),
    (("hazte ",), r"\bhazte (?:socio|miembro|suscriptor)\b"),
    (("periodismo",), r"\bapoya (?:el|nuestro) periodismo\b"),
    (("assine ",), r"\bassine (?:já|agora)\b"),
    (("inscreva-se",), r"\binscreva-se\b"),
    (("siga-nos",), r"\bsiga-nos\b"),
    (("newsletter",), r"\bnossa newsletter\b"),
    (("iscriviti",), r"\biscriviti\b"),
    (("seguici",), r"\bseguici\b"),
    (("cookie",), r"\butilizziamo (?:i )?cookie\b"),
    (("abbonati",), r"\babbonati\b"),
    (("sostieni",), r"\bsostieni\b.{0,40}\bgiornalismo\b"),
    # nl / pl
    (("meld je aan",), r"\bmeld je aan\b"),
    (("schrijf je in",), r"\bschrijf je in\b"),
    (("onze nieuwsbrief",), r"\bonze nieuwsbrief\b"),
    (("volg ons",), r"\bvolg ons\b"),
    (("cookies",), r"\bwij gebruiken cookies\b"),
    (("word lid", "word abonnee"), r"\bword (?:lid|abonnee)\b"),
    (("zapisz się",), r"\bzapisz się\b"),
    (("newsletter",), r"\bnasz newsletter\b"),
    (("obserwuj nas",), r"\bobserwuj nas\b"),
    (("cookie",), r"\bużywamy plików cookie\b"),
    (("wesprzyj",), r"\bwesprzyj\b.{0,40}\bdziennikarstwo\b"),
    # ru / uk
    (("подпишитесь",), r"\bподпишитесь\b"),
    (("подписывайтесь",), r"\bподписывайтесь\b"),
    (("наш телеграм",), r"\bнаш телеграм"),
    (("наш канал",), r"\bнаш канал\b"),
    (("cookie",), r"\bмы используем (?:файлы )?cookie\b"),
    (("підпишіться",), r"\bпідпишіться\b"),
    (("підписуйтесь",), r"\bпідписуйтесь\b"),
    (("наш телеграм-канал",), r"\bнаш телеграм-канал\b"),
    # tr / ar
    (("abone ol",), r"\babone ol\b"),
    (("bültenimize",), r"\bbültenimize\b"),
    (("bizi takip edin",), r"\bbizi takip edin\b"),
    (("takip edin",), rf"(?:{PLATFORMS})\W*(?:'?(?:da|de|ta|te|dan|den))?\s+(?:bizi\s+)?takip edin\b"),
    (("çerez",), r"\bçerez(?:ler)?\b.{0,40}\bkullan"),
    (("اشترك",), r"اشترك في|اشترك الآن"),
    (("النشرة البريدية",), r"النشرة البريدية"),
    (("تابعونا على", "تابعنا على"), r"تابعونا على|تابعنا على"),
    (("نستخدم ملفات تعريف الارتباط",), r"نستخدم ملفات تعريف الارتباط"),
)
# fmt: on
