"""Word lists for finding actors in news text: titles, honorifics, roles, heads of organisation
names, and the countries most often in international news with their other names.

All hand-made for this project from general English news usage (no source to credit). They are
conventions of how news names people and institutions, not facts about any one story.
"""

from __future__ import annotations

# Before a surname, a courtesy title: "Mr. Trump" is one paper's house style for everyone.
HONORIFICS = frozenset("mr mrs ms miss dr sir dame madam mme m".split())

# Capitalised words that make a run of names a title ("Secretary of State Mike Pompeo").
TITLE_WORDS = frozenset(
    """president vice prime minister secretary chancellor premier senator sen sens rep reps representative
    congressman congresswoman governor gov mayor speaker leader chairman chairwoman chair director
    chief deputy general gen admiral adm colonel col lieutenant lt captain capt sergeant sgt major maj
    commander ambassador envoy judge attorney counsel king queen prince princess emperor
    sheikh ayatollah emir sultan pope cardinal archbishop bishop rabbi imam president-elect
    spokesman spokeswoman spokesperson commissioner superintendent sheriff marshal prosecutor
    treasurer founder supreme ceo administrator officer detective trooper director-general
    secretary-general""".split()
)

# Parties' names before a role are part of the role ("Labour leader Jeremy Corbyn").
PARTY_WORDS = frozenset("democratic republican gop labour labor conservative liberal tory socialist communist".split())

# A party's member, who "the" makes a person described ("the California Democrat said").
PARTY_MEMBERS = frozenset(("democrat", "republican"))

# What news also calls a party: the nickname -> the party's adjective.
PARTY_NICKNAMES = {"gop": "republican", "tories": "conservative", "tory": "conservative"}

# Short forms of English first names, for one person written both ways ("Chuck Grassley",
# "Charles E. Grassley"); the common pairs of US and British news.
NICKNAMES = {short: full for full, shorts in (
    ("charles", "chuck charlie"), ("robert", "bob bobby rob"), ("william", "bill billy will"),
    ("michael", "mike"), ("james", "jim jimmy"), ("joseph", "joe"), ("thomas", "tom"),
    ("richard", "dick rick"), ("edward", "ted ed"), ("anthony", "tony"), ("david", "dave"),
    ("daniel", "dan"), ("benjamin", "ben"), ("christopher", "chris"), ("matthew", "matt"),
    ("nicholas", "nick"), ("patrick", "pat"), ("andrew", "andy"), ("alexander", "alex"),
    ("jeffrey", "jeff"), ("gregory", "greg"), ("ronald", "ron"), ("donald", "don"),
    ("lawrence", "larry"), ("gerald", "jerry"), ("elizabeth", "liz beth"), ("katherine", "kate"),
    ("susan", "sue"), ("jennifer", "jen"), ("mitchell", "mitch"), ("bernard", "bernie"),
    ("timothy", "tim"), ("samuel", "sam"), ("john", "jack johnny"), ("stephen", "steve"),
) for short in shorts.split()}

# Lower-case words inside a person's name ("Mohammed bin Salman", "Bill de Blasio").
NAME_PARTICLES = frozenset("bin ibn bint al el da de del della der di dos du von".split())

# Titles given with a first name ("King Salman", "Prince Harry", "Pope Francis").
ROYAL_TITLES = frozenset("king queen prince princess emperor empress emir sultan sheikh pope".split())

# Lower-case nouns that name a person by role ("the president", "campaign manager Brad Parscale").
PERSON_ROLES = frozenset(
    """president leader dictator premier minister secretary chancellor chairman chairwoman chair
    director chief spokesman spokeswoman spokesperson senator congressman congresswoman governor mayor
    ambassador envoy king queen prince ruler strongman despot tyrant autocrat counterpart founder
    adviser advisor attorney lawyer counsel general commander manager strategist aide official
    prosecutor judge nominee candidate leader-in-waiting head consultant analyst expert operative
    lobbyist economist professor scholar researcher executive activist lawmaker legislator negotiator
    correspondent businessman businesswoman ally critic supporter confidant ceo administrator
    journalist columnist reporter editor publisher dissident billionaire mogul tycoon boss suspect
    gunman shooter accuser leftist rightist populist nationalist incumbent challenger front-runner frontrunner
    athlete skater gymnast swimmer sprinter cyclist player coach champion defendant plaintiff convict
    killer cop officer victim inmate prisoner detainee teenager pope pontiff cardinal archbishop bishop
    priest producer comedian actor actress assistant sailor donor reformer""".split()
)

# Role words news uses for another's title: "the pontiff" after "Pope Francis".
ROLE_SYNONYMS = {"pontiff": "pope"}

# Lower-case nouns that name an institution or a group ("the committee", "the regime").
GROUP_ROLES = frozenset(
    """regime government administration committee party campaign agency department ministry
    council court bureau military army navy authorities officials agents forces troops diplomats
    hackers intelligence media leadership state lawmakers delegation company firm organization
    organisation network giant platform movement militia union utility bank lender alliance bloc
    commission church sect""".split()
)

# Last words of organisation names: such a name is never a person's ("the Justice Department").
ORG_HEADS = frozenset(
    """committee party department ministry agency bureau office council court house senate congress
    parliament assembly commission administration association union league foundation institute
    university college school center centre bank fund group company corporation corp inc co ltd
    times post journal news press tribune herald guardian telegraph network channel service
    services force forces army navy guard police command organization organisation federation
    republic kingdom state states nations alliance coalition front movement brigade brigades
    campaign board authority program programme project society church club airlines reserve
    watch democracy international motors motor electric dicastery congregation secretariat""".split()
)

# Organisation heads that are institutions on their own: "the House" is not "the White House".
INSTITUTIONS = frozenset("house senate congress parliament pentagon kremlin".split())

# Words of place names: "North Korea" and "South Korea" share no person's surname.
GEO_WORDS = frozenset(
    """north south east west northern southern eastern western new united saint st san santa los
    las el gulf sea ocean river island islands mount lake bay city county province district
    peninsula valley beach""".split()
)

# Offices a country's government does not have, so a title of one names someone else's: in
# American papers "Foreign Secretary Boris Johnson" is not an American (group rule 4).
OFFICES_NOT_HELD = {
    "United States": frozenset("""minister ministry premier chancellor foreign home prime parliament king queen prince
        princess crown emperor empress monarch emir sheikh sultan ayatollah""".split()),
}

# Heads of a government called after its leader that news gives other countries' governments, not
# its own ("the Maduro regime", where an American paper says "the Trump administration").
FOREIGN_GOVERNMENT_HEADS = frozenset("regime junta dictatorship".split())

# Words that describe a person's rule or manner, not an office: "socialist strongman Nicolas
# Maduro" holds no title of any country by them (group rule 4).
EPITHET_ROLES = frozenset("dictator strongman despot tyrant autocrat ruler".split())

# Last parts of hyphenated adjectives after a name: "Obama-era", "Saudi-led", "Iran-backed".
COMPOUND_ENDINGS = frozenset(
    """era led backed based style made linked aligned born owned run funded allied friendly brokered
    sponsored inspired related controlled held dominated leaning bound""".split()
)

# Roles whose country in a description is their subject, not their side: "a North Korea
# analyst", "a Kremlin critic" belong to no country by it.
TOPIC_ROLES = frozenset("analyst expert critic scholar researcher professor correspondent observer specialist".split())

# The AP's abbreviations of American states, after a city and a comma ("Palm Beach, Fla."): places.
STATE_ABBREVIATIONS = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan ky la md mass mich minn miss mo mont neb nev
    okla ore pa tenn vt va wash wis wyo""".split()
)

# The states of the United States (and its capital district), whose rows are the country's:
# "Florida Gov. Rick Scott" is American, not of a group "Florida". Georgia is the country's name too.
US_STATES = frozenset(" ".join(state.split()) for state in """alabama, alaska, arizona, arkansas, california,
    colorado, connecticut, delaware, florida, hawaii, idaho, illinois, indiana, iowa, kansas, kentucky,
    louisiana, maine, maryland, massachusetts, michigan, minnesota, mississippi, missouri, montana,
    nebraska, nevada, new hampshire, new jersey, new mexico, new york, north carolina, north dakota,
    ohio, oklahoma, oregon, pennsylvania, rhode island, south carolina, south dakota, tennessee, texas,
    utah, vermont, virginia, west virginia, wisconsin, wyoming, district of columbia""".split(","))

# Capitalised words that are never an actor: days, months, and time words.
NOT_ACTORS = frozenset(
    """monday tuesday wednesday thursday friday saturday sunday january february march april may
    june july august september october november december jan feb mar apr jun jul aug sep sept oct nov
    dec today yesterday tomorrow tonight i christmas easter ramadan""".split()
)

# Months that are also names ("Theresa May", "June Carter"): a surname where a name, title or
# verb says so, a month after a word that opens a date ("in May", "since June").
MONTHS_THAT_NAME = frozenset(("may", "june", "april", "august"))
BEFORE_A_DATE = frozenset("in on by since until till from through last next this early late mid of".split())

# Last words of capitalised names that are places, events or things, not actors: "the Korean
# Peninsula", "the Korean War", "the Winter Olympics", "the Steele Dossier", "the DNC Server".
NOT_ACTOR_HEADS = frozenset(
    """peninsula sea ocean river strait straits lake bay valley beach coast desert canal mountains
    war wars games olympics summit crisis election elections accord accords agreement deal treaty act
    conference talks cup memo dossier server servers emails tweet tweets website island islands county""".split()
)

# First words of capitalised names that are events, not actors: "Hurricane Maria", "Tropical Storm Harvey".
EVENT_FIRST_WORDS = frozenset("hurricane typhoon cyclone storm tropical tornado wildfire".split())

# World regions, places rather than actors ("across the Middle East"); a continent's name alone
# is left an actor, as news makes it one ("Europe responded").
REGIONS = frozenset(" ".join(region.split()) for region in """middle east, near east, far east,
    east asia, southeast asia, south asia, central asia, asia pacific, latin america, south america,
    central america, north africa, west africa, east africa, sub saharan africa, horn of africa,
    persian gulf, caribbean, balkans, caucasus, sahel, arctic, carolinas, dakotas, midwest, new england,
    pacific northwest, gulf coast""".split(","))

# Last words of the fields an organisation's name may join with "and": "Center for Strategic and
# International Studies", "Department of Health and Human Services".
FIELD_WORDS = frozenset(
    """studies services affairs sciences science resources relations development research technology
    security welfare education training culture tourism trade industry commerce energy environment
    planning policy peace justice rights health safety prevention control unification""".split()
)

# Acronyms of things that news capitalises like organisations: weapons, measures, devices.
NOT_ACTOR_ACRONYMS = frozenset("icbm icbms slbm slbms irbm gdp gps dna hiv aids covid tv atm suv vpn".split())

# Lower-case words that may sit between a determiner or a demonym and a role ("the former top
# aide"); the tagger is asked about others.
ROLE_MODIFIERS = frozenset(
    """former then acting deputy vice top chief senior junior campaign national security foreign
    defense defence interior finance justice state prime general special supreme reclusive
    longtime long-time new late current outgoing incoming lead""".split()
)

# Common name, other names (aliases; the capital and the seat of government, used for its
# government: "Washington", "the White House", "the Kremlin"), demonyms.
# A demonym stands for the country in "Russian officials" and "the Russians".
COUNTRIES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("United States", ("U.S.", "US", "U.S.A.", "USA", "America", "Washington", "United States of America",
                       "White House"),
     ("American", "Americans", "U.S.")),
    ("United Kingdom", ("U.K.", "UK", "Britain", "Great Britain", "London", "Downing Street", "Northern Ireland"),
     ("British", "Britons", "Briton", "Northern Irish")),
    ("Russia", ("Moscow", "Russian Federation", "Kremlin"), ("Russian", "Russians")),
    ("China", ("Beijing", "People's Republic of China", "PRC"), ("Chinese",)),
    ("North Korea", ("Pyongyang", "DPRK", "Democratic People's Republic of Korea"), ("North Korean", "North Koreans")),
    ("South Korea", ("Seoul", "Republic of Korea", "Blue House"), ("South Korean", "South Koreans")),
    ("Japan", ("Tokyo",), ("Japanese",)),
    ("Iran", ("Tehran", "Islamic Republic of Iran"), ("Iranian", "Iranians")),
    ("Iraq", ("Baghdad",), ("Iraqi", "Iraqis")),
    ("Syria", ("Damascus",), ("Syrian", "Syrians")),
    ("Israel", ("Jerusalem",), ("Israeli", "Israelis")),
    ("Palestine", ("Palestinian territories",), ("Palestinian", "Palestinians")),
    ("Lebanon", ("Beirut",), ("Lebanese",)),
    ("Turkey", ("Ankara", "Türkiye"), ("Turkish", "Turks")),
    ("Saudi Arabia", ("Riyadh",), ("Saudi", "Saudis")),
    ("Egypt", ("Cairo",), ("Egyptian", "Egyptians")),
    ("Jordan", ("Amman",), ("Jordanian", "Jordanians")),
    ("Yemen", ("Sanaa",), ("Yemeni", "Yemenis")),
    ("Afghanistan", ("Kabul",), ("Afghan", "Afghans")),
    ("Pakistan", ("Islamabad",), ("Pakistani", "Pakistanis")),
    ("India", ("New Delhi",), ("Indian", "Indians")),
    ("France", ("Paris", "Elysee", "Élysée", "Elysee Palace", "Élysée Palace"), ("French",)),
    ("Germany", ("Berlin",), ("German", "Germans")),
    ("Italy", ("Rome",), ("Italian", "Italians")),
    ("Spain", ("Madrid",), ("Spanish",)),
    ("Ukraine", ("Kyiv", "Kiev"), ("Ukrainian", "Ukrainians")),
    ("Poland", ("Warsaw",), ("Polish", "Poles")),
    ("Canada", ("Ottawa",), ("Canadian", "Canadians")),
    ("Mexico", ("Mexico City",), ("Mexican", "Mexicans")),
    ("Brazil", ("Brasilia",), ("Brazilian", "Brazilians")),
    ("Venezuela", ("Caracas",), ("Venezuelan", "Venezuelans")),
    ("Cuba", ("Havana",), ("Cuban", "Cubans")),
    ("Australia", ("Canberra",), ("Australian", "Australians")),
    ("European Union", ("EU", "E.U.", "Brussels"), ("European",)),
    ("United Nations", ("UN", "U.N."), ()),
    ("NATO", ("North Atlantic Treaty Organization",), ()),
    ("Vatican", ("Holy See", "Vatican City"), ()),
    ("Qatar", ("Doha",), ("Qatari", "Qataris")),
    ("Libya", ("Tripoli",), ("Libyan", "Libyans")),
    ("Taiwan", ("Taipei",), ("Taiwanese",)),
    ("Vietnam", ("Hanoi",), ("Vietnamese",)),
    ("Singapore", (), ("Singaporean",)),
    ("Nigeria", ("Abuja",), ("Nigerian", "Nigerians")),
    ("Ethiopia", ("Addis Ababa",), ("Ethiopian", "Ethiopians")),
    ("South Africa", ("Pretoria",), ("South African", "South Africans")),
    ("Honduras", ("Tegucigalpa",), ("Honduran", "Hondurans")),
    ("Guatemala", ("Guatemala City",), ("Guatemalan", "Guatemalans")),
    ("El Salvador", ("San Salvador",), ("Salvadoran", "Salvadorans", "Salvadorean")),
    ("Nicaragua", ("Managua",), ("Nicaraguan", "Nicaraguans")),
    ("Colombia", ("Bogota", "Bogotá"), ("Colombian", "Colombians")),
    ("Argentina", ("Buenos Aires",), ("Argentine", "Argentinian", "Argentines")),
    ("Chile", (), ("Chilean", "Chileans")),
    ("Peru", ("Lima",), ("Peruvian", "Peruvians")),
    ("Ecuador", ("Quito",), ("Ecuadorian", "Ecuadorians")),
    ("Bolivia", ("La Paz",), ("Bolivian", "Bolivians")),
    ("Haiti", ("Port-au-Prince",), ("Haitian", "Haitians")),
    ("Indonesia", ("Jakarta",), ("Indonesian", "Indonesians")),
    ("Philippines", ("Manila",), ("Filipino", "Filipinos", "Philippine")),
    ("Thailand", ("Bangkok",), ("Thai",)),
    ("Malaysia", ("Kuala Lumpur",), ("Malaysian", "Malaysians")),
    ("Myanmar", ("Burma", "Naypyidaw"), ("Burmese",)),
    ("Bangladesh", ("Dhaka",), ("Bangladeshi", "Bangladeshis")),
    ("Sri Lanka", ("Colombo",), ("Sri Lankan", "Sri Lankans")),
    ("Kenya", ("Nairobi",), ("Kenyan", "Kenyans")),
    ("Somalia", ("Mogadishu",), ("Somali", "Somalis")),
    ("Sudan", ("Khartoum",), ("Sudanese",)),
    ("South Sudan", ("Juba",), ("South Sudanese",)),
    ("Uganda", ("Kampala",), ("Ugandan", "Ugandans")),
    ("Rwanda", ("Kigali",), ("Rwandan", "Rwandans")),
    ("Ghana", ("Accra",), ("Ghanaian", "Ghanaians")),
    ("Zimbabwe", ("Harare",), ("Zimbabwean", "Zimbabweans")),
    ("Morocco", ("Rabat",), ("Moroccan", "Moroccans")),
    ("Algeria", ("Algiers",), ("Algerian", "Algerians")),
    ("Tunisia", ("Tunis",), ("Tunisian", "Tunisians")),
    ("Kuwait", ("Kuwait City",), ("Kuwaiti", "Kuwaitis")),
    ("Bahrain", ("Manama",), ("Bahraini", "Bahrainis")),
    ("United Arab Emirates", ("UAE", "U.A.E.", "Abu Dhabi"), ("Emirati", "Emiratis")),
    ("Oman", ("Muscat",), ("Omani", "Omanis")),
    ("Greece", ("Athens",), ("Greek", "Greeks")),
    ("Netherlands", ("The Hague", "Amsterdam", "Holland"), ("Dutch",)),
    ("Belgium", (), ("Belgian", "Belgians")),
    ("Sweden", ("Stockholm",), ("Swedish", "Swedes")),
    ("Norway", ("Oslo",), ("Norwegian", "Norwegians")),
    ("Denmark", ("Copenhagen",), ("Danish", "Danes")),
    ("Finland", ("Helsinki",), ("Finnish", "Finns")),
    ("Switzerland", ("Bern",), ("Swiss",)),
    ("Austria", ("Vienna",), ("Austrian", "Austrians")),
    ("Hungary", ("Budapest",), ("Hungarian", "Hungarians")),
    ("Czech Republic", ("Prague", "Czechia"), ("Czech", "Czechs")),
    ("Romania", ("Bucharest",), ("Romanian", "Romanians")),
    ("Serbia", ("Belgrade",), ("Serbian", "Serbs")),
    ("Belarus", ("Minsk",), ("Belarusian", "Belarusians")),
    ("Armenia", ("Yerevan",), ("Armenian", "Armenians")),
    ("Azerbaijan", ("Baku",), ("Azerbaijani", "Azerbaijanis")),
    ("Kazakhstan", ("Astana",), ("Kazakh", "Kazakhs")),
    ("Ireland", ("Dublin",), ("Irish",)),
    ("Portugal", ("Lisbon",), ("Portuguese",)),
    ("New Zealand", ("Wellington",), ("New Zealander", "New Zealanders")),
    # Regions with a people's name that news makes an actor of ("Catalonia voted", "the Kurds"):
    # their own group, not their state's, since the story is often the one against the other.
    ("Catalonia", (), ("Catalan", "Catalans")),
    ("Basque Country", (), ("Basque", "Basques")),
    ("Scotland", (), ("Scottish", "Scots")),
    ("Wales", (), ("Welsh",)),
    ("Quebec", (), ("Quebecer", "Quebecers", "Quebecois")),
    ("Puerto Rico", ("San Juan",), ("Puerto Rican", "Puerto Ricans")),
    ("Kurdistan", ("Iraqi Kurdistan", "Kurdistan Region"), ("Kurdish", "Kurds")),
    ("Crimea", (), ("Crimean", "Crimeans")),
    ("Chechnya", (), ("Chechen", "Chechens")),
    ("Kashmir", (), ("Kashmiri", "Kashmiris")),
    ("Tibet", (), ("Tibetan", "Tibetans")),
    ("Hong Kong", (), ("Hong Konger", "Hong Kongers")),
)

# The entries above that are no sovereign state, blocs and regions: "the country" or "the
# government" named after one of them is not theirs ("the country's exit from the bloc").
NOT_STATES = frozenset(("European Union", "United Nations", "NATO", "Catalonia", "Basque Country", "Scotland",
                        "Wales", "Quebec", "Puerto Rico", "Kurdistan", "Crimea", "Chechnya", "Kashmir", "Tibet",
                        "Hong Kong"))

# Adjectives news gives a country in place of its name, with the countries each fits: "the
# communist country" after "China" and "the United States" is China (rule 6b).
COUNTRY_EPITHETS: dict[str, frozenset[str]] = {
    "communist": frozenset(("China", "North Korea", "Cuba", "Vietnam")),
    "socialist": frozenset(("Venezuela", "Cuba", "Vietnam", "China", "North Korea")),
    "jewish": frozenset(("Israel",)),
    "islamic": frozenset(("Iran", "Pakistan", "Afghanistan", "Saudi Arabia")),
    "kingdom": frozenset(("Saudi Arabia", "United Kingdom", "Jordan", "Morocco", "Spain", "Netherlands", "Belgium",
                          "Sweden", "Norway", "Denmark", "Thailand", "Bahrain", "Kuwait", "Qatar", "Oman", "Bhutan",
                          "Cambodia", "Japan", "Brunei", "Eswatini", "Lesotho", "Tonga", "United Arab Emirates")),
    # Places news calls "the island" or "the territory" after naming them (rule 6b, PLACE_ROLES).
    "island": frozenset(("Puerto Rico", "Cuba", "Haiti", "Taiwan", "Japan", "Ireland", "Sri Lanka", "Singapore",
                         "Bahrain", "New Zealand", "Philippines", "Indonesia", "Hong Kong")),
    "territory": frozenset(("Puerto Rico", "Hong Kong", "Palestine", "Kashmir", "Crimea", "Tibet", "Kurdistan")),
}

# The capitals among the aliases above: a capital stands for its government only where it acts
# ("Pyongyang said", "Seoul's offer"), not where it is a place ("talks in Seoul", a dateline).
CAPITALS = frozenset((
    "washington", "london", "moscow", "beijing", "pyongyang", "seoul", "tokyo", "tehran", "baghdad", "damascus",
    "jerusalem", "beirut", "ankara", "riyadh", "cairo", "amman", "sanaa", "kabul", "islamabad", "new delhi",
    "paris", "berlin", "rome", "madrid", "kyiv", "kiev", "warsaw", "ottawa", "mexico city", "brasilia",
    "caracas", "havana", "canberra", "brussels", "doha", "tripoli", "taipei", "hanoi", "abuja", "addis ababa",
    "pretoria", "tegucigalpa", "guatemala city", "san salvador", "managua", "bogota", "bogotá", "buenos aires",
    "lima", "quito", "la paz", "port au prince", "jakarta", "manila", "bangkok", "kuala lumpur", "naypyidaw",
    "dhaka", "colombo", "nairobi", "mogadishu", "khartoum", "juba", "kampala", "kigali", "accra", "harare",
    "rabat", "algiers", "tunis", "kuwait city", "manama", "abu dhabi", "muscat", "athens", "the hague",
    "amsterdam", "stockholm", "oslo", "copenhagen", "helsinki", "bern", "vienna", "budapest", "prague",
    "bucharest", "belgrade", "minsk", "yerevan", "baku", "astana", "dublin", "lisbon", "wellington", "san juan"))

# Words before a capital that make it a place, not an actor.
PLACE_WORDS = frozenset(
    """in at to from into near outside around across through toward towards via visit visits visited
    visiting arrived landed based returned return""".split()
)

# A country's institutions, parties and state media, by their usual English names: the actor rows
# they head are grouped under the country (the naming table's second level). General knowledge of
# national institutions, not any one story's actors; names with a demonym or a country's name
# ("the Russian Foreign Ministry", "South Korea's Defense Ministry") need no entry.
NATIONAL_INSTITUTIONS: dict[str, tuple[str, ...]] = {
    "United States": (
        "Pentagon", "Congress", "Senate", "House of Representatives", "State Department",
        "Department of State", "Justice Department", "Department of Justice", "Treasury Department",
        "Defense Department", "Department of Defense", "Homeland Security", "Department of Homeland Security",
        "FBI", "Federal Bureau of Investigation", "CIA", "Central Intelligence Agency", "NSA",
        "National Security Agency", "National Security Council", "Supreme Court", "Democratic Party",
        "Republican Party", "Democrats", "Republicans", "Democratic National Committee",
        "Republican National Committee", "GOP", "Oval Office", "Capitol Hill", "Trump administration",
        "Obama administration", "Federal Reserve",
        "Commerce Department", "Department of Commerce", "Labor Department", "Department of Labor",
        "Energy Department", "Department of Energy", "Interior Department", "Department of the Interior",
        "Agriculture Department", "Department of Agriculture", "Education Department", "Department of Education",
        "Transportation Department", "Department of Transportation", "Department of Health and Human Services",
        "Department of Veterans Affairs", "Department of Housing and Urban Development",
        "FEMA", "Federal Emergency Management Agency", "EPA", "Environmental Protection Agency",
        "FDA", "Food and Drug Administration", "FAA", "Federal Aviation Administration", "FTC",
        "Federal Trade Commission", "FCC", "Federal Communications Commission",
        "Securities and Exchange Commission", "ICE", "Immigration and Customs Enforcement",
        "Customs and Border Protection", "Border Patrol", "DEA", "Drug Enforcement Administration", "ATF",
        "IRS", "Internal Revenue Service", "CDC", "Centers for Disease Control and Prevention",
        "Secret Service", "Joint Chiefs of Staff"),
    "Russia": ("Duma", "State Duma", "FSB", "GRU", "SVR", "TASS", "RIA Novosti"),
    "United Kingdom": ("Whitehall", "House of Commons", "House of Lords", "Foreign Office",
                       "MI5", "MI6", "Conservative Party", "Tories", "Commons",
                       "Democratic Unionist Party", "DUP"),
    # Not a bare "Workers' Party" (Brazil's too) nor "Communist Party" (many countries').
    "North Korea": ("Korean Central News Agency", "KCNA", "Workers' Party of Korea",
                    "Korean People's Army", "Rodong Sinmun"),
    "South Korea": ("Yonhap",),  # not "National Assembly", the name of many countries' legislatures
    "China": ("Xinhua", "Chinese Communist Party", "People's Liberation Army", "Politburo"),
    "France": ("Quai d'Orsay",),
    "Israel": ("Knesset", "IDF", "Israel Defense Forces", "Mossad", "Likud"),
    "Iran": ("Revolutionary Guard", "Revolutionary Guards", "IRGC", "Majlis", "IRNA"),
    "Germany": ("Bundestag", "Chancellery"),
    "Japan": ("Diet",),
    "Syria": ("SANA",),
}

# Names that several countries' bodies bear ("Labour Party": Britain's, Nigeria's, Australia's...),
# with the countries that have one: such a body is the country of those the story names most, and
# no one's where the story names none of them (group rule 2).
SHARED_INSTITUTIONS: dict[str, frozenset[str]] = {
    name: frozenset(("United Kingdom", "Ireland", "Australia", "New Zealand", "Israel", "Norway", "Nigeria",
                     "Netherlands")) for name in ("Labour Party", "Labour")}

# Titles of a church, which no country's government holds: "Pope Francis", "Cardinal Gerhard Müller"
# are not of the outlets' country (group rule 4); the Catholic ones are the Vatican's where it is named.
CHURCH_TITLES = frozenset("pope pontiff cardinal archbishop bishop patriarch".split())
VATICAN_TITLES = frozenset("pope pontiff cardinal".split())

# Short forms news gives an institution's name, by the name: "the Fed" is the Federal Reserve (rule 1).
SHORT_NAMES = {"fed": "federal reserve", "scotus": "supreme court"}

# A company's name's last word, abbreviated or not: "Federal Deposit Insurance Corp." is "...
# Corporation" (rule 1).
SPELLED_OUT_HEADS = {"corp": "corporation", "co": "company", "inc": "incorporated", "ltd": "limited",
                     "bros": "brothers", "assn": "association", "dept": "department", "intl": "international"}

# Adjectives of race, religion and origin that news capitalises ("a Black motorist", "a Muslim",
# "Roman Catholic bishops"): alone they name no actor; their plurals ("Muslims") may.
IDENTITY_ADJECTIVES = frozenset(
    """black white brown muslim catholic roman christian jewish hindu buddhist sikh protestant evangelical
    orthodox mormon latino latina latinx hispanic asian indigenous native arab""".split())

# Nouns of a place before "of": "the city of Memphis", "off the coast of South Carolina" name a place
# ("the state of Texas" does not: a state acts, "Texas sued").
PLACE_NOUNS = frozenset("city town village province county coast outskirts streets suburbs capital".split())

# Last words of the names of a state's own bodies: "the Russian Foreign Ministry" belongs to Russia,
# "the Washington Post" or "the Syrian National Coalition" does not belong to its country's state.
STATE_HEADS = frozenset(
    """ministry department army navy military forces force troops government parliament embassy
    agency council office guard guards police officials authorities intelligence delegation
    administration command leadership cabinet senate assembly congress legislature""".split()
)

# Roles that are a job or a doing, not an office: a person so titled is of no country by it.
JOB_ROLES = frozenset(
    """ceo journalist columnist reporter editor publisher dissident billionaire mogul tycoon boss suspect
    gunman shooter accuser businessman businesswoman activist producer comedian actor actress assistant
    sailor donor reformer""".split()
)

# Roles that, after "the" with no holder of the word named, stand for the person the sentence
# before is about ("Nikolas Cruz was charged. The suspect ...") rather than a new person.
STANDING_ROLES = frozenset(
    """suspect gunman shooter accuser journalist columnist dissident billionaire mogul tycoon
    businessman businesswoman activist nominee democrat republican leftist rightist populist nationalist
    athlete skater gymnast swimmer sprinter cyclist player champion convict teenager year-old
    producer comedian actor actress sailor donor reformer""".split()
)
# Of those, the words for a person by wealth or trade ("the billionaire", "the tech mogul"), which news
# uses of a company's chief, and the titles a company gives ("Acme CEO Jo Bloggs", "founder").
WEALTH_ROLES = frozenset("billionaire mogul tycoon businessman businesswoman".split())
COMPANY_TITLES = frozenset("ceo founder chairman chairwoman chief president director executive".split())
# Not here: words for one side of a relation ("the victim", "the cop", "the incumbent", "the
# defendant"), which the sentence before may name the other side of ("Cruz opened fire. The victim").

# Words for an organisation that, after "the", stand for the one named in the sentence before
# ("Facebook was fined. The company said ..."; "Hamas, the militant group that rules Gaza,"). "group"
# is no GROUP_ROLES word: "the militant group" is not the Eurasia Group named before by its last word.
ORGANISATION_ROLES = frozenset(
    """company firm organization organisation network giant platform movement militia group union utility
    bank lender alliance bloc church sect""".split()) | {"central bank"}

# Organisation words of one kind: after "the", each stands for the subject before only where that
# subject's name holds a word of its kind ("The UAW struck. The union said", "Acme Power was sued.
# The utility said"), not for any company ("GM offered 20 percent. The union refused.").
ORGANISATION_KINDS = {
    "union": frozenset("union unions workers employees teamsters federation guild brotherhood uaw afl cio".split()),
    "utility": frozenset("electric power energy gas edison utilities water light".split()),
    "bank": frozenset("bank banks bancorp bankcorp".split()),
    "lender": frozenset("bank banks bancorp bankcorp lender lending mortgage".split()),
    "alliance": frozenset("nato alliance treaty pact coalition".split()),
    "bloc": frozenset("eu union bloc asean opec mercosur".split()),
    "church": frozenset("church churches diocese archdiocese vatican".split()),
    "sect": frozenset("church sect temple cult federation".split()),
    "central bank": frozenset("reserve central bundesbank fed".split()),  # "The Federal Reserve ... The central bank"
}

# Descriptions of a state or its government as a whole: with no holder of that word named before,
# "the regime", "the country" is the country named just before it.
GOVERNMENT_ROLES = frozenset("regime government authorities leadership country nation kingdom island territory".split())
# Of those, the words for a place that may be no state ("the island" after "Puerto Rico"), whose
# owner named before them is not what they are ("the U.S. territory" is Puerto Rico).
PLACE_ROLES = frozenset(("island", "territory"))


# Groups that news names by what they are rather than by a name, each with the nouns (and
# two-word phrases) that name it: the outlets' choice among them is the framing ("migrants",
# "illegal aliens", "asylum seekers", "the caravan"). Words that name opposing sides alike
# ("rebels", "militants", "terrorists", "fighters") are left out: one row would merge enemies.
LABEL_FAMILIES: dict[str, frozenset[str]] = {
    "People on the move": frozenset(
        [*"""migrant migrants immigrant immigrants emigrant emigrants alien aliens illegals refugee refugees
        caravan caravans""".split(), "asylum seeker", "asylum seekers", "border crosser", "border crossers"]),
    "Protesters": frozenset(
        "protester protesters protestor protestors demonstrator demonstrators rioter rioters marcher marchers".split()),
    "Civilians": frozenset(("civilian", "civilians")),
    "Police": frozenset(("police", "policeman", "policemen", "cops", "officers", "police officers")),
    "Residents": frozenset("resident residents locals villagers townspeople evacuees".split()),
    "Jury": frozenset("jury jurors juror".split()),
    "Voters": frozenset("voter voters electorate".split()),
    "Lawmakers": frozenset("lawmakers legislators senators congressmen congresswomen".split()),
    "Students": frozenset(("students",)),  # not "a former student", who is one person
    "Accusers": frozenset(("accusers",)),
    "Depositors": frozenset(("depositors",)),
}
FAMILY_OF = {word: family for family, words in LABEL_FAMILIES.items() for word in words}
# Family words that join their family only in a story that spells them out so somewhere
# ("police officers"): not an army's, a navy's or a board's officers in a story that names police.
ONLY_WITH_KIN = frozenset(("officers",))
SPELLING_OUT = frozenset(("police officers",))
